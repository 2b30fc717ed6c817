import { issueRecoveryCode } from './rekey'
import type { VaultSession } from './VaultSession'

/**
 * What the user must hear after an unlock that met a password change a crash interrupted (rekey.ts): what became
 * of the change, and — when it had taken effect — a new recovery code, because the change's own was never shown.
 * The CLI prints it on a terminal, the window shows it as the recovery kit; where neither can show a code (a
 * script), the header keeps asking for one until an unlock that can.
 */
export interface ChangeNotice {
  readonly message: string
  /** A new recovery code is owed: issue it with `issueRecoveryCode` where it can be shown. */
  readonly recoveryCodeDue: boolean
}

export function changeNotice(session: VaultSession): ChangeNotice | null {
  const settled = session.settledChange
  const due = session.header.recoveryCodeUnseen === true
  if (settled?.outcome === 'dropped') {
    return {
      message:
        'A password change on this vault was interrupted before it took effect: your password and recovery code are unchanged.',
      recoveryCodeDue: due,
    }
  }
  if (settled?.outcome === 'finished') {
    const typed =
      settled.typed === 'current'
        ? 'The password you just used no longer opens this vault: from now on, use the new password you chose then.'
        : 'Your new password is the one in use.'
    return {
      message: `A password change on this vault was interrupted after it had taken effect, and is now finished. ${typed} Your recovery code has changed as well.`,
      recoveryCodeDue: due,
    }
  }
  if (due)
    return {
      message:
        'A password change on this vault was finished after an interruption, and its new recovery code was never shown.',
      recoveryCodeDue: true,
    }
  return null
}

/** The notice and, when one is owed and `canShow`, a freshly issued recovery code (the previous one stops working). */
export function settleNotice(
  session: VaultSession,
  canShow: boolean,
): (ChangeNotice & { recoveryCode: string | null }) | null {
  const notice = changeNotice(session)
  if (notice === null) return null
  return { ...notice, recoveryCode: notice.recoveryCodeDue && canShow ? issueRecoveryCode(session) : null }
}
