import type { Handlers } from '../ipc/handle'
import { auditActions, auditPage } from '../vault/audit'
import type { VaultService } from '../vault/VaultService'

export type AuditChannel = 'audit:page'

const PAGE = 50

/** The Activity view: the audit trail a page at a time (as `keyward audit`, never a value — the trail holds none). */
export function createAuditHandlers(vault: VaultService): Pick<Handlers, AuditChannel> {
  return {
    'audit:page': ({ beforeId, action, keyRef }) =>
      vault.run(({ session }) => ({
        ...auditPage(session, { beforeId, action, keyRef, limit: PAGE }),
        actions: [...auditActions],
      })),
  }
}
