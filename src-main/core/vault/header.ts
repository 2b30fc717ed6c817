import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { KeywardError } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'
import { KDF_BOUNDS, kdfOutOfBounds } from './passwordKdf'
import { withFileLockSync } from '../fs/fileLock'
import type { VaultFiles } from './vaultFiles'

/** The header format this build writes and reads. A newer one is refused (VAULT_TOO_NEW), never guessed at. */
export const HEADER_FORMAT = 1

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
/** Salts and wrapped keys are never empty: an empty one is damage, not a value to derive from. */
const filledBase64 = base64.min(4)

const slot = z.object({
  /** AES-256-GCM box of the database key; AAD = `<vaultId>:<slot name>`. */
  wrappedKey: filledBase64,
})

const kdfSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  salt: filledBase64,
})

const headerSchema = z.object({
  format: z.literal(HEADER_FORMAT),
  vaultId: z.uuid(),
  createdAt: z.string(),
  kdf: kdfSchema,
  slots: z.object({
    password: slot,
    /** The recovery code is high-entropy (150 bits): HKDF with this salt is enough, no slow KDF. */
    recovery: slot.extend({ salt: filledBase64 }),
    /** Unlock with this device: `keychainSealedKey` is opened by the OS keychain (safeStorage). */
    device: slot
      .extend({
        keychainSealedKey: base64,
        /** When the master password last opened this vault: device unlock asks for it again after 14 days. */
        passwordCheckedAt: z.string().optional(),
      })
      .optional(),
  }),
  throttle: z.object({ failures: z.number().int().nonnegative(), notBefore: z.string().nullable() }),
  /**
   * Counts password changes (absent = 0, a vault from before it was counted). vault.db holds the same number
   * (`vault_state`), so an opener knows the header it unwrapped the key with belongs to the database it opened.
   */
  generation: z.number().int().nonnegative().optional(),
  /**
   * Set when an unlock finished a password change a crash had interrupted: the recovery code of that change may
   * never have been shown, so the next unlock that can show one (a terminal, the window) issues a new one.
   */
  recoveryCodeUnseen: z.literal(true).optional(),
  /**
   * Present only while a password change re-keys the database (see rekey.ts): the new database key's slots (new
   * password, new recovery code) and its KDF, and the two keys boxed under each other, so an unlock interrupted by
   * a crash at any point finds the key the database is under and finishes (or undoes) the change.
   */
  rekey: z
    .object({
      kdf: kdfSchema,
      slots: z.object({ password: slot, recovery: slot.extend({ salt: filledBase64 }) }),
      /** The new database key, sealed under the current one; AAD `<vaultId>:rekey-next`. */
      next: base64,
      /** The current database key, sealed under the new one; AAD `<vaultId>:rekey-previous`. */
      previous: base64,
      /** The generation the vault has once the change is finished. */
      generation: z.number().int().positive().optional(),
    })
    .optional(),
  /**
   * Upcoming due dates (ISO timestamps only: no names, no providers) so reminders can count due keys while the
   * vault is locked.
   */
  dueDigest: z.array(z.string()),
})

export type VaultHeader = z.infer<typeof headerSchema>
export type SlotName = keyof VaultHeader['slots']

export function slotAad(header: Pick<VaultHeader, 'vaultId'>, slotName: SlotName): string {
  return `${header.vaultId}:${slotName}`
}

export function readHeader(files: VaultFiles): VaultHeader {
  let text: string
  try {
    text = readFileSync(files.header, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KeywardError('VAULT_NOT_FOUND', `No vault at ${files.dir}.`, { action: 'create-vault' })
    }
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new KeywardError('VAULT_CORRUPT', `${files.header} is not valid JSON. Restore it from ${files.backups}.`)
  }
  const format = (json as { format?: unknown } | null)?.format
  if (typeof format === 'number' && format > HEADER_FORMAT) {
    throw new KeywardError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer Keyward (format ${format}). Update Keyward to open it.`,
    )
  }
  const parsed = headerSchema.safeParse(json)
  if (!parsed.success) {
    throw new KeywardError(
      'VAULT_CORRUPT',
      `${files.header} is damaged (${parsed.error.issues[0]?.path.join('.') ?? 'format'}). Restore it from ${files.backups}.`,
    )
  }
  for (const kdf of [parsed.data.kdf, parsed.data.rekey?.kdf]) {
    const outside = kdf === undefined ? null : kdfOutOfBounds(kdf)
    if (kdf === undefined || outside === null) continue
    // Never run the KDF a damaged or planted header asks for: 8 GiB of memory, or 2^32 iterations, would be obeyed.
    throw new KeywardError(
      'VAULT_CORRUPT',
      `${files.header} asks for Argon2id ${outside} = ${kdf[outside]}, outside what Keyward ever writes (memory 19 MiB–4 GiB, 2–${KDF_BOUNDS.iterations.max} iterations, 1–16 lanes): it is damaged or was tampered with. Restore it from ${files.backups}.`,
    )
  }
  return parsed.data
}

/**
 * Whether `later` is still the header `earlier` was as far as the database key goes: no password change recorded
 * since, none finished (the same generation and password slot). Throttle, digest or recovery-slot updates do not
 * count: they leave the key vault.db is under alone.
 */
export function sameKeyHeader(earlier: VaultHeader, later: VaultHeader): boolean {
  return (
    later.rekey === undefined &&
    (later.generation ?? 0) === (earlier.generation ?? 0) &&
    later.slots.password.wrappedKey === earlier.slots.password.wrappedKey
  )
}

/** Writes a new vault's first header. Every later change goes through `updateHeader`. */
export function writeHeader(files: VaultFiles, header: VaultHeader): void {
  writeFileAtomic(files.header, `${JSON.stringify(headerSchema.parse(header), null, 2)}\n`)
}

/**
 * The one way to change an existing header: under an exclusive lock file (shared by the app and every CLI
 * process), re-read `vault.json`, apply `change` to what is there *now*, and write the result atomically. A copy
 * read earlier (at unlock, say) is never written back, so a password changed by another process stays changed.
 * `change` returns the same object to write nothing.
 */
export function updateHeader(files: VaultFiles, change: (latest: VaultHeader) => VaultHeader): VaultHeader {
  return withFileLockSync(`${files.header}.lock`, () => {
    const latest = readHeader(files)
    const next = change(latest)
    if (next !== latest) writeHeader(files, next)
    return next
  })
}
