import { existsSync } from 'node:fs'
import type { SecretClipboard } from '../clipboard/secretClipboard'
import type { Handlers } from '../ipc/handle'
import { createKey, revealValue } from '../keys/keyRepository'
import { keysHolding } from '../keys/keyStore'
import { builtinProviders } from '../providers/builtinProviders'
import { allProviders, providerFor } from '../providers/customProviders'
import { detectProvider } from '../providers/detectProvider'
import { pairMetadata } from '../providers/newKeyDetails'
import { providerForNewValue } from '../providers/providerForNewValue'
import { variantOf } from '../providers/providerDefinition'
import type { Clock } from '../ports/Clock'
import type { KdfCost } from '../vault/passwordKdf'
import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import { readHeader } from '../vault/header'
import { settleNotice } from '../vault/changeNotice'
import { rollbackMessage } from '../vault/seenVaults'
import { changeMasterKey, issueRecoveryCode } from '../vault/rekey'
import { waitBeforeAttempt } from '../vault/throttle'
import { deviceUnlockState, disableDeviceUnlock, enableDeviceUnlock } from '../vault/vaultSecurity'
import { readSetting, writeSetting } from '../vault/settings'
import type { VaultService } from '../vault/VaultService'
import type { VaultSession } from '../vault/VaultSession'
import { idOf, summarize } from './keySummary'
import { keyExports } from '../providers/keyExports'
import { encodeValue } from '../dotenv/encodeValue'
import type { KeyId } from '../keys/keyId'

/** A key as `.env` lines: its variable (refused, with the fix, when it has none), then a pair's public id. */
function envLines(session: VaultSession, id: KeyId): string {
  return keyExports(session, { ids: [id] })
    .flatMap((exported) => exported.assignments)
    .map(({ variable, value }) => `${variable}=${encodeValue(variable, value)}`)
    .join('\n')
}

export type VaultChannel =
  | 'vault:status'
  | 'vault:create'
  | 'vault:unlock'
  | 'vault:lock'
  | 'vault:newRecoveryCode'
  | 'vault:kitConfirmed'
  | 'key:detect'
  | 'providers:list'
  | 'key:add'
  | 'key:reveal'
  | 'key:copy'
  | 'clipboard:clear'
  | 'vault:device'

export interface VaultHandlerDeps {
  readonly vault: VaultService
  readonly clipboard: SecretClipboard
  readonly deviceKeys: DeviceKeyStore
  readonly clock: Clock
  /** A fixed Argon2id cost for new vaults (the e2e harness: the OWASP floor); unset, it is calibrated to ≈0.5 s. */
  readonly kdf?: Partial<KdfCost>
}

/**
 * The window's vault and key channels, addressed by key id. Every call is one `vault.run()` unit (refused while
 * locked, waited for by a lock), counted as user activity for auto-lock. Values cross only in `key:add` (in) and
 * `key:reveal` (out); `key:copy` copies in main.
 */
/** Whether a recovery code the window showed still waits for its kit to be confirmed (Health says so). */
function kitPending(session: VaultSession, pending: boolean): void {
  writeSetting(session, 'recoveryKitPending', pending ? 1 : 0)
}

export function createVaultHandlers(deps: VaultHandlerDeps): Pick<Handlers, VaultChannel> {
  const { vault } = deps
  return {
    'vault:status': async () => {
      const header = existsSync(vault.files.header) ? readHeader(vault.files) : null
      const now = deps.clock.now()
      return {
        state: vault.state,
        vaultDir: vault.files.dir,
        device: header === null ? 'off' : deviceUnlockState(header, now),
        deviceAvailable: deps.deviceKeys.isAvailable(),
        unlockWaitMs: header === null ? 0 : Math.ceil(waitBeforeAttempt(header.throttle, now)),
      }
    },
    'vault:device': async ({ enable }) =>
      vault.run(({ session }) => {
        if (enable) enableDeviceUnlock(session, deps.deviceKeys)
        else disableDeviceUnlock(session)
        return { device: deviceUnlockState(readHeader(session.files), deps.clock.now()) }
      }),
    'vault:create': async ({ password }) => {
      const recoveryCode = await vault.create(password, deps.kdf === undefined ? {} : { kdf: deps.kdf })
      await vault.run(({ session }) => kitPending(session, true))
      return { recoveryCode }
    },
    'vault:newRecoveryCode': () =>
      vault.run(({ session }) => {
        const recoveryCode = issueRecoveryCode(session)
        kitPending(session, true)
        return { recoveryCode }
      }),
    'vault:kitConfirmed': () => vault.run(({ session }) => (kitPending(session, false), {})),
    'vault:unlock': async (request) => {
      if (request.method === 'password') await vault.unlock({ password: request.password }, { maxWaitMs: 0 })
      else if (request.method === 'device') await vault.unlock({ device: deps.deviceKeys })
      else await vault.unlock({ recoveryCode: request.code })
      // The window can always show a recovery kit: an interrupted password change's unseen code is replaced here.
      const { settled, rollback } = await vault.run(({ session }) => ({
        settled: settleNotice(session, request.method !== 'recovery-code'),
        rollback: session.rollback,
      }))
      const said = [settled?.message, rollback === null ? undefined : rollbackMessage(rollback)].filter(
        (text) => text !== undefined,
      )
      const notice = said.length === 0 ? null : said.join(' ')
      if (request.method !== 'recovery-code') {
        const newRecoveryCode = settled?.recoveryCode ?? null
        if (newRecoveryCode !== null) await vault.run(({ session }) => kitPending(session, true))
        return { newRecoveryCode, notice }
      }
      const newRecoveryCode = await vault.run(({ session }) => {
        const code = changeMasterKey(session, request.newPassword, undefined, 'recovered')
        kitPending(session, true)
        return code
      })
      return { newRecoveryCode, notice }
    },
    'vault:lock': async () => {
      await vault.lock('user')
      return {}
    },
    'key:detect': ({ value }) =>
      vault.run(({ session }) => {
        const id = detectProvider(value, allProviders(session, builtinProviders))
        const provider = id === 'unknown' ? undefined : providerFor(session, id)?.provider
        const variant = provider === undefined ? null : variantOf(provider, value.trim())
        return {
          provider: provider?.id ?? null,
          providerName: provider?.name ?? null,
          envVar: provider?.envVar ?? null,
          rotationDays: provider?.rotationDays ?? null,
          kind: variant?.label ?? null,
          environment: variant?.environment ?? null,
          storedAs: value.trim() === '' ? null : (keysHolding(session, value.trim())[0] ?? null),
        }
      }),
    'providers:list': () =>
      vault.run(({ session }) => ({
        providers: allProviders(session, builtinProviders).map((provider) => ({
          id: provider.id,
          name: provider.name,
          envVar: provider.envVar,
          rotationDays: provider.rotationDays,
          pairLabel: provider.pair?.label ?? null,
        })),
      })),
    'key:add': (request) =>
      vault.run(({ session }) => {
        // A paste's surrounding spaces and line breaks are never a key's (as in the CLI and the preview above).
        const value = request.value.trim()
        const provider = providerForNewValue(session, request.provider ?? undefined, value, request.formatCheck)
        const remoteName =
          provider.id === 'elastic-email' && request.remoteName ? { remoteName: request.remoteName } : {}
        const metadata = {
          ...pairMetadata(providerFor(session, provider.id)?.provider, request.pairId ?? null),
          ...remoteName,
        }
        const created = createKey(
          session,
          {
            provider: provider.id,
            name: request.name,
            envVar: request.envVar ?? provider.envVar ?? null,
            environment: request.environment,
            expiresAt: request.expiresAt,
            rotateEveryDays: request.rotateEveryDays,
            remindBeforeDays: request.remindBeforeDays,
            tags: request.tags,
            notes: request.notes,
            metadata,
          },
          value,
        )
        return { key: summarize(session)(created.key), duplicates: [...created.duplicates] }
      }),
    'key:reveal': ({ id }) => vault.run(({ session }) => ({ value: revealValue(session, idOf(id)) })),
    'key:copy': async ({ id, format }) => {
      // How long it stays is the vault-wide setting (0 = until cleared by hand), read with the value.
      const { value, clearsInMs } = await vault.run(({ session }) => {
        const copied = revealValue(session, idOf(id), 'copied')
        return {
          // As env, the lines `keyward copy --format env` copies: the variable, a pair's id beside it.
          value: format === 'env' ? envLines(session, idOf(id)) : copied,
          clearsInMs: readSetting(session, 'clipboardClearSeconds') * 1000,
        }
      })
      await deps.clipboard.copy(value, clearsInMs)
      return { clearsInMs }
    },
    'clipboard:clear': async () => ({ cleared: await deps.clipboard.clearIfOurs() }),
  }
}
