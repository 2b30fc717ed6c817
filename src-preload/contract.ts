/**
 * The IPC contract between the renderer and the main process: every channel and event, declared once.
 *
 * Main validates each request against its schema (and strips unknown fields from each response) in the one
 * `handle()` helper; the preload exposes the same list as `window.keyward`; the renderer imports types only.
 * Channel names are `domain:verb`. Nothing is thrown across the boundary: every call resolves to a `Result`.
 */
import { z } from 'zod'

import type { ErrorInfo } from '../src-main/core/errors'

export type { ErrorCode, ErrorHint, ErrorInfo } from '../src-main/core/errors'

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo }

const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  /** Runtime versions, for bug reports. `electron` is null when the handlers run under plain Node (tests). */
  runtime: z.object({ electron: z.string().nullable(), node: z.string(), chrome: z.string().nullable() }),
  /** Where the vault lives unless the user picks another directory: `<OS app-data>/Keyward/vault`. */
  defaultVaultDir: z.string(),
  /** The vault this process opens: `$KEYWARD_VAULT_DIR` when set, else the default. */
  vaultDir: z.string(),
  /** The encrypted storage engine as loaded in this process, or why it could not be loaded. */
  storage: z.union([
    z.object({ ok: z.literal(true), sqlite: z.string(), cipher: z.string() }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]),
})

const noArguments = z.strictObject({})

/**
 * The names, as plain strings: the preload's allow-lists. Kept apart from the schemas so the sandboxed preload
 * bundles no zod (zod probes `new Function` when a schema is built, which a strict CSP reports as a violation).
 * The `satisfies` clauses below make the compiler reject a name without a schema and a schema without a name.
 */
export const channelNames = [
  'app:info',
  'app:ping',
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:lock',
  'vault:newRecoveryCode',
  'vault:kitConfirmed',
  'keys:window',
  'keys:counts',
  'keys:locate',
  'keys:search',
  'key:detect',
  'providers:list',
  'key:add',
  'key:reveal',
  'key:copy',
  'key:trash',
  'trash:list',
  'trash:restore',
  'trash:delete',
  'trash:empty',
  'clipboard:clear',
  'key:detail',
  'audit:page',
  'key:verify',
  'keys:verifiable',
  'key:sync',
  'key:revoke',
  'rotation:guidedStart',
  'rotation:state',
  'rotation:step',
  'rotation:guidedSubmit',
  'key:remoteNames',
  'key:edit',
  'key:setValue',
  'settings:get',
  'settings:set',
  'vault:device',
  'dotenv:choose',
  'dotenv:recent',
  'dotenv:preview',
  'dotenv:write',
  'dotenv:fix',
  'dotenv:importPreview',
  'dotenv:import',
  'reminders:attention',
  'key:snooze',
  'key:schedule',
  'health:report',
  'providers:custom',
  'provider:save',
  'provider:remove',
  'agent:answer',
] as const
export const eventNames = [
  'app:ping',
  'vault:state',
  'vault:waiting',
  'keys:changed',
  'clipboard:cleared',
  'key:focus',
  'view:open',
  'agent:approval',
  'agent:approvalEnded',
] as const
export type ChannelName = (typeof channelNames)[number]
export type EventName = (typeof eventNames)[number]

interface ChannelSpec {
  readonly request: z.ZodType
  readonly response: z.ZodType
}

const vaultState = z.enum(['no-vault', 'locked', 'unlocking', 'unlocked', 'locking'])
const keyId = z.uuid()
/** A master password as typed: never trimmed, never logged, at most 1 KiB. */
const password = z.string().min(1, 'The password cannot be empty.').max(1024)

/** A key's metadata as the window shows it. Never the value: `hint` is its last 4 characters at most. */
const capability = z.enum(['api', 'guided', 'none'])
const keyStateKind = z.enum([
  'revoked',
  'expired',
  'rejected',
  'overdue',
  'due',
  'unreachable',
  'restricted',
  'unverified',
  'ok',
])
const keySummary = z.object({
  id: z.string(),
  ref: z.string(),
  provider: z.string(),
  name: z.string(),
  envVar: z.string().nullable(),
  environment: z.string(),
  status: z.enum(['active', 'revoked', 'expired']),
  expiresAt: z.string().nullable(),
  rotateEveryDays: z.number().nullable(),
  remindBeforeDays: z.number().nullable(),
  rotatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastVerifiedAt: z.string().nullable(),
  lastVerifyResult: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  hint: z.string(),
  /**
   * The key's state as main derives it (core/reminders/keyState: the dates, the vault's remind-before setting and
   * the provider's last answer — the same rule as the CLI's `list`, `due` and the notifications), so the window never
   * redoes that work with different rules. `attention`: it counts in Needs attention.
   */
  state: z.object({ kind: keyStateKind, reason: z.string(), deadline: z.string().nullable(), attention: z.boolean() }),
})
/** What a provider said about a key: live (ok), restricted, invalid, or an error — and why, in one line. */
const providerOutcome = z.object({
  key: keySummary,
  outcome: z.enum(['ok', 'restricted', 'invalid', 'error']),
  code: z.string().nullable(),
  message: z.string(),
})
const rotationStep = z.enum(['create', 'verify', 'store', 'propagate', 'retire', 'prove'])
/** A rotation by API: which step is next, what each step did (and how long it took), the .env files to update. */
const rotationView = z.object({
  key: keySummary,
  provider: z.string(),
  dashboardUrl: z.string().nullable(),
  next: z.union([rotationStep, z.literal('done')]).nullable(),
  retire: z.enum(['api', 'revoke', 'by-rotation', 'dashboard']).nullable(),
  log: z
    .array(
      z.object({
        step: rotationStep,
        at: z.string(),
        ms: z.number(),
        outcome: z.enum(['done', 'skipped', 'failed']),
        message: z.string(),
      }),
    )
    .max(50),
  files: z
    .array(
      z.object({
        file: z.string(),
        variable: z.string(),
        state: z.enum(['will-update', 'current', 'changed-by-hand', 'missing']),
        before: z.string().nullable(),
        after: z.string(),
      }),
    )
    .max(500),
})
/** A custom provider as the window edits it; main validates it as `keyward provider add` does (URL, ReDoS, …). */
const customProvider = z.object({
  id: z.string().max(64),
  name: z.string().max(80),
  baseUrl: z.string().max(2048),
  auth: z.object({ kind: z.enum(['bearer', 'header', 'basic-key-as-user']), header: z.string().max(64).optional() }),
  verify: z.object({ method: z.enum(['GET', 'POST']), path: z.string().max(512), expectStatus: z.number().int() }),
  keyPattern: z.string().max(200).nullable(),
  envVar: z.string().max(128),
  dashboardUrl: z.string().max(2048).nullable(),
})
/** Settings the window edits: kept in the vault (auto-lock, clipboard, reminders) or as a preference (screenshots). */
const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(0).max(1440),
  lockOnSuspend: z.boolean(),
  lockOnScreenLock: z.boolean(),
  clipboardClearSeconds: z.number().int().min(0).max(600),
  remindBeforeDays: z.number().int().min(0).max(365),
  allowScreenshots: z.boolean(),
})

/** A .env file path as main gave it to the window (from the file dialog or the files keys were written to). */
const filePath = z.string().min(1).max(4096)
/** Which keys go into a .env file: these, or every active key of an environment (as `keyward env write`). */
const keySelection = z.union([
  z.strictObject({ ids: z.array(keyId).min(1).max(500) }),
  z.strictObject({ environment: z.string().min(1).max(64) }),
])
const exposure = z.object({ kind: z.enum(['tracked', 'not-ignored', 'readable']), message: z.string() })
const snooze = z.enum(['1d', '1w', 'next-state'])

/** At most one page crosses at a time: a 100k vault never crosses IPC whole, and each page is schema-checked. */
const keyPage = z.object({ keys: z.array(keySummary).max(500) })
const empty = z.object({})
const viewCount = z.object({ value: z.string(), count: z.number().int().min(0) })
/** A key in the Trash: what the Trash view shows, and when it goes for good. */
const trashedKey = z.object({
  id: z.string(),
  ref: z.string(),
  provider: z.string(),
  name: z.string(),
  environment: z.string(),
  envVar: z.string().nullable(),
  trashedAt: z.string(),
  goneAt: z.string(),
})

/** Request/response schemas per channel. */
export const channels = {
  /** About this installation: version, platform, runtime, default vault directory, storage engine. */
  'app:info': { request: noArguments, response: appInfo },
  /**
   * Asks main to send one `app:ping` event back to the renderer. A connection check for the About screen that
   * also proves the main → renderer event path end to end.
   */
  'app:ping': { request: noArguments, response: z.object({ seq: z.number().int().positive() }) },
  /** Whether a vault exists at the app's vault directory, and whether it is open. */
  'vault:status': {
    request: noArguments,
    response: z.object({
      state: vaultState,
      vaultDir: z.string(),
      /** Unlock with this device: off, ready, or enrolled but the password is due (asked every 14 days). */
      device: z.enum(['off', 'ready', 'password-due']),
      /** Whether this system offers a protected keychain at all (false on Linux's basic_text). */
      deviceAvailable: z.boolean(),
      /** Milliseconds until a password or recovery code is checked again after wrong ones (0: now). */
      unlockWaitMs: z.number().int().min(0),
    }),
  },
  /** Turns unlock with this device on or off (the OS keychain holds a key for it; the password stays required every 14 days). */
  'vault:device': {
    request: z.strictObject({ enable: z.boolean() }),
    response: z.object({ device: z.enum(['off', 'ready', 'password-due']) }),
  },
  /** Creates the vault (Argon2id calibrated in main) and leaves it unlocked; the recovery code is shown once. */
  'vault:create': { request: z.strictObject({ password }), response: z.object({ recoveryCode: z.string() }) },
  /**
   * Unlocks with the master password, or with the recovery code — which sets a new password and returns the NEW
   * recovery code (the old one stops working).
   */
  'vault:unlock': {
    request: z.discriminatedUnion('method', [
      z.strictObject({ method: z.literal('password'), password }),
      z.strictObject({ method: z.literal('recovery-code'), code: z.string().min(1).max(200), newPassword: password }),
      z.strictObject({ method: z.literal('device') }),
    ]),
    /**
     * `newRecoveryCode`: after a recovery, or when this unlock finished a password change a crash had interrupted
     * (its own code was never shown) — shown as the recovery kit. `notice`: what happened to such a change.
     */
    response: z.object({ newRecoveryCode: z.string().nullable(), notice: z.string().nullable() }),
  },
  /** Locks now: work in flight ends first, the clipboard is cleared if it still holds a copied key. */
  'vault:lock': { request: noArguments, response: empty },
  /** A new recovery code (the old one stops working at once), to show as the kit; pending until confirmed. */
  'vault:newRecoveryCode': { request: noArguments, response: z.object({ recoveryCode: z.string() }) },
  /** The user typed the kit's groups back: the recovery code the window showed last is written down. */
  'vault:kitConfirmed': { request: noArguments, response: empty },
  /**
   * Rows `offset`… of the whole list in (provider, name) order, and how many there are: the list fetches only the
   * rows it shows, so a 100k vault never crosses IPC whole.
   */
  'keys:window': {
    request: z.strictObject({
      offset: z.number().int().min(0).max(10_000_000),
      limit: z.number().int().min(1).max(500),
    }),
    response: z.object({ total: z.number().int().min(0), keys: z.array(keySummary).max(500) }),
  },
  /** The sidebar's counts, computed in main: all, needs attention, by provider, environment and tag. */
  'keys:counts': {
    request: noArguments,
    response: z.object({
      total: z.number().int().min(0),
      attention: z.number().int().min(0),
      rejected: z.number().int().min(0),
      /** Keys in the Trash. */
      trash: z.number().int().min(0),
      providers: z.array(viewCount).max(10_000),
      environments: z.array(viewCount).max(10_000),
      tags: z.array(viewCount).max(10_000),
    }),
  },
  /** A key's row in the whole list: by id (a notification, a new key) or the first name typed ahead; null if none. */
  'keys:locate': {
    request: z.union([z.strictObject({ id: keyId }), z.strictObject({ namePrefix: z.string().min(1).max(128) })]),
    response: z.object({ index: z.number().int().min(0).nullable(), id: z.string().nullable() }),
  },
  /** Keys whose fields contain every word of `query` (names first). Reads only: nothing is written per keystroke. */
  'keys:search': {
    request: z.strictObject({ query: z.string().max(256), limit: z.number().int().min(1).max(500) }),
    response: keyPage,
  },
  /** The provider a pasted value belongs to, and its usual env var; the value is not stored. */
  'key:detect': {
    request: z.strictObject({ value: z.string().max(16384) }),
    response: z.object({
      provider: z.string().nullable(),
      providerName: z.string().nullable(),
      envVar: z.string().nullable(),
      /** The provider's recommended rotation period, prefilled in the form. */
      rotationDays: z.number().nullable(),
      /** What the key's documented prefix says it is ("live secret key"), and the environment it suggests. */
      kind: z.string().nullable(),
      environment: z.enum(['production', 'development']).nullable(),
      /** A key that already holds this very value (by fingerprint), so the form can say so before saving. */
      storedAs: z.object({ id: z.string(), ref: z.string() }).nullable(),
    }),
  },
  /** The providers a key can be added under (built-in and custom), for the add form's choice. */
  'providers:list': {
    request: noArguments,
    response: z.object({
      providers: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          envVar: z.string(),
          rotationDays: z.number().nullable(),
          pairLabel: z.string().nullable(),
        }),
      ),
    }),
  },
  /** Adds a key. The value travels once, renderer → main, and never comes back. */
  'key:add': {
    request: z.strictObject({
      provider: z.string().max(64).nullable(),
      name: z.string().min(1).max(128),
      envVar: z.string().max(128).nullable(),
      environment: z.string().max(64),
      expiresAt: z.string().max(10).nullable(),
      rotateEveryDays: z.number().int().min(1).max(3650).nullable(),
      remindBeforeDays: z.number().int().min(0).max(365).nullable(),
      tags: z.array(z.string().max(40)).max(32),
      notes: z.string().max(4000),
      value: z.string().min(1).max(16384),
      formatCheck: z.boolean(),
      /** A pair's public id (AWS access key id, Twilio key SID), required for those providers; the value is the secret. */
      pairId: z.string().max(128).nullable().optional(),
      /** Elastic Email: the key's name at the provider (its API manages keys by name), picked from key:remoteNames. */
      remoteName: z.string().min(1).max(256).nullable().optional(),
    }),
    response: z.object({ key: keySummary, duplicates: z.array(z.string()) }),
  },
  /** The one response that carries a value: for the reveal dialog only. Audited. */
  'key:reveal': { request: z.strictObject({ id: keyId }), response: z.object({ value: z.string() }) },
  /** Main copies the value (the renderer never receives it) and clears it after the delay if still there. */
  'key:copy': {
    /** `env`: `NAME=value` (a pair: both of its lines), encoded as .env files are. Default: the value alone. */
    request: z.strictObject({ id: keyId, format: z.enum(['value', 'env']).optional() }),
    response: z.object({ clearsInMs: z.number().int().nonnegative() }),
  },
  /** Moves a key to the Trash (kept 30 days, then deleted with its values); when it goes for good. */
  'key:trash': { request: z.strictObject({ id: keyId }), response: z.object({ goneAt: z.string() }) },
  /** The Trash, most recently deleted first (metadata only). */
  'trash:list': { request: noArguments, response: z.object({ keys: z.array(trashedKey).max(100_000) }) },
  /** Puts a trashed key back as it was. CONFLICT when another key took its provider and name meanwhile. */
  'trash:restore': { request: z.strictObject({ id: keyId }), response: empty },
  /** Deletes a trashed key for good; the name typed, checked in main too. */
  'trash:delete': {
    request: z.strictObject({ id: keyId, confirmName: z.string().max(256) }),
    response: empty,
  },
  /** Deletes every key in the Trash for good; how many. */
  'trash:empty': { request: noArguments, response: z.object({ deleted: z.number().int().min(0) }) },
  /** The detail pane: reminder state, value history (never values), where used, recent activity. */
  'key:detail': {
    request: z.strictObject({ id: keyId }),
    response: z.object({
      key: keySummary,
      /** What Keyward can do with the key at its provider, and where its dashboard is. */
      provider: z.object({
        name: z.string(),
        dashboardUrl: z.string().nullable(),
        verify: capability,
        rotate: capability,
        revoke: capability,
        sync: capability,
      }),
      /** What providers reported (account, scopes, expiry …) and ids recorded with the key; never a secret. */
      metadata: z.array(z.object({ name: z.string(), value: z.string() })).max(50),
      versions: z
        .array(
          z.object({
            createdAt: z.string(),
            retiredAt: z.string().nullable(),
            retiredReason: z.string().nullable(),
            hint: z.string(),
            current: z.boolean(),
          }),
        )
        .max(200),
      /** Every file the key was written to, and whether it still holds the current value. */
      usages: z
        .array(
          z.object({
            file: z.string(),
            variable: z.string(),
            writtenAt: z.string(),
            state: z.enum(['current', 'changed', 'missing']),
          }),
        )
        .max(500),
      activity: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string() })).max(50),
    }),
  },
  /** Changes metadata; the value stays. */
  /** The audit trail ("Activity"), newest first, 50 a page, by action and by part of the key's reference. */
  'audit:page': {
    request: z.strictObject({
      beforeId: z.number().int().positive().nullable(),
      /** One of the actions the response lists; another matches nothing. */
      action: z
        .string()
        .regex(/^[a-z-]{1,40}$/)
        .nullable(),
      keyRef: z.string().max(128).nullable(),
    }),
    response: z.object({
      events: z
        .array(
          z.object({
            id: z.number(),
            at: z.string(),
            action: z.string(),
            keyRef: z.string().nullable(),
            actor: z.string(),
          }),
        )
        .max(50),
      more: z.boolean(),
      /** Every action the trail records, for the filter. */
      actions: z.array(z.string()).max(100),
    }),
  },
  /** Asks the provider whether the key is live; the result is stored with the key (as `keyward verify`). */
  'key:verify': { request: z.strictObject({ id: keyId }), response: providerOutcome },
  /** The active keys whose provider can verify by API, in list order: what "Verify all" walks through. */
  'keys:verifiable': { request: noArguments, response: z.object({ ids: z.array(z.string()).max(200_000) }) },
  /** Pulls what the provider's API reports about the key into its metadata (as `keyward sync`). */
  'key:sync': { request: z.strictObject({ id: keyId }), response: providerOutcome },
  /** The key's rotation by API as journaled in main (null `next`: none under way), with the .env preview at its step. */
  'rotation:state': { request: z.strictObject({ id: keyId }), response: rotationView },
  /**
   * Runs the rotation's next step (`run`; with none under way, the first: create the new key), or skips it where
   * that is safe (`skip`: verify, retire, prove). `files` are the .env files to update at the propagate step;
   * `confirmed` says the old key was deleted in the dashboard.
   */
  'rotation:step': {
    request: z.strictObject({
      id: keyId,
      action: z.enum(['run', 'skip']),
      files: z
        .array(z.strictObject({ file: z.string().max(4096), variable: z.string().max(256) }))
        .max(500)
        .optional(),
      confirmed: z.boolean().optional(),
    }),
    response: rotationView,
  },
  /** A guided rotation's first step: where to make the new key (the provider's key page) and what to keep in mind. */
  'rotation:guidedStart': {
    request: z.strictObject({ id: keyId }),
    response: z.object({
      provider: z.string(),
      dashboardUrl: z.string().nullable(),
      environment: z.string(),
      advice: z.array(z.string()),
      /** Set for a pair: the new key's id is given with its secret. */
      pairLabel: z.string().nullable(),
    }),
  },
  /**
   * The new key pasted: verified with the provider BEFORE it is stored (a typo is refused and nothing changes), then
   * stored as the new version and written to every .env file that held the old value.
   */
  'rotation:guidedSubmit': {
    request: z.strictObject({ id: keyId, value: z.string().min(1).max(16384), pairId: z.string().max(128).nullable() }),
    response: z.object({
      key: keySummary,
      verified: z.string().nullable(),
      files: z
        .array(
          z.object({
            file: z.string(),
            variable: z.string(),
            outcome: z.enum(['updated', 'changed-by-hand', 'missing', 'failed', 'skipped']),
          }),
        )
        .max(500),
    }),
  },

  /**
   * Elastic Email manages keys by name: the account's key names, listed with the pasted key (sent to Elastic Email
   * by main, on the user's request), so the user can say which one it is; null when the key may not list keys.
   */
  'key:remoteNames': {
    request: z.strictObject({ provider: z.literal('elastic-email'), value: z.string().min(1).max(16384) }),
    response: z.object({ names: z.array(z.string().max(256)).max(500).nullable() }),
  },
  /** Revokes by the provider's API; the key's name typed by the user must match (checked in main too). */
  'key:revoke': { request: z.strictObject({ id: keyId, confirmName: z.string().max(128) }), response: providerOutcome },
  'key:edit': {
    request: z.strictObject({
      id: keyId,
      name: z.string().min(1).max(128),
      envVar: z.string().max(128).nullable(),
      environment: z.string().max(64),
      expiresAt: z.string().max(10).nullable(),
      rotateEveryDays: z.number().int().min(1).max(3650).nullable(),
      notes: z.string().max(4000),
      tags: z.array(z.string().max(40)).max(32),
    }),
    response: z.object({ key: keySummary }),
  },
  /** A new value; the old one is kept, sealed, as a retired version. */
  'key:setValue': {
    request: z.strictObject({ id: keyId, value: z.string().min(1).max(16384) }),
    response: z.object({ key: keySummary }),
  },
  'settings:get': { request: noArguments, response: settingsSchema },
  'settings:set': { request: settingsSchema.partial().strict(), response: settingsSchema },
  /** Opens the OS file picker in main; the chosen file may then be previewed, written or imported (null: cancelled). */
  'dotenv:choose': {
    request: z.strictObject({ purpose: z.enum(['write', 'import']) }),
    response: z.object({ file: z.string().nullable() }),
  },
  /** Files keys were written to, most recent first: offered before "Choose…". */
  'dotenv:recent': { request: noArguments, response: z.object({ files: z.array(z.string()).max(20) }) },
  /**
   * What writing the keys into the file would do, per variable, values masked, and what could expose the file; the
   * digest names the file's content as previewed.
   */
  'dotenv:preview': {
    request: z.strictObject({ file: filePath, selection: keySelection }),
    response: z.object({
      file: z.string(),
      exists: z.boolean(),
      lines: z
        .array(
          z.object({
            keyId: z.string(),
            keyRef: z.string(),
            variable: z.string(),
            /** False for a pair's public part (AWS_ACCESS_KEY_ID beside the secret): shown whole, no Reveal. */
            secret: z.boolean(),
            change: z.enum(['added', 'changed', 'unchanged']),
            before: z.string().nullable(),
            after: z.string(),
            assignments: z.number().int().min(0),
          }),
        )
        .max(500),
      exposure: z.array(exposure),
      digest: z.string(),
    }),
  },
  /** Writes as previewed: refused (CONFLICT) if the file changed since the preview's digest. Atomic; recorded as where used. */
  'dotenv:write': {
    request: z.strictObject({ file: filePath, selection: keySelection, digest: z.string().max(128) }),
    response: z.object({
      file: z.string(),
      updated: z.array(z.string()),
      added: z.array(z.string()),
      unchanged: z.array(z.string()),
    }),
  },
  /** One-click fixes: add the file to the .gitignore beside it, or set its mode to 0600. Returns what remains. */
  'dotenv:fix': {
    request: z.strictObject({ file: filePath, fix: z.enum(['gitignore', 'chmod']) }),
    response: z.object({ exposure: z.array(exposure) }),
  },
  /**
   * What importing the file would do with each variable (create, duplicate, conflict, placeholder, unrecognised,
   * temporary).
   */
  'dotenv:importPreview': {
    request: z.strictObject({ file: filePath, environment: z.string().min(1).max(64) }),
    response: z.object({
      file: z.string(),
      rows: z
        .array(
          z.object({
            variable: z.string(),
            action: z.enum(['create', 'duplicate', 'conflict', 'placeholder', 'unrecognised', 'temporary']),
            provider: z.string().nullable(),
            ref: z.string().nullable(),
            masked: z.string(),
          }),
        )
        .max(20_000),
    }),
  },
  /** Creates the keys of the ticked variables (only rows the preview would create); the file is tracked as where used. */
  'dotenv:import': {
    request: z.strictObject({
      file: filePath,
      environment: z.string().min(1).max(64),
      variables: z.array(z.string().max(256)).max(20_000),
    }),
    response: z.object({ created: z.array(z.string()) }),
  },
  /**
   * "Needs attention": expired, rejected, overdue and due keys (with days left and snooze), keys with neither expiry nor rotation
   * period, and the coming 90 days for the timeline: counted per week, with the first 500 dates listed.
   */
  'reminders:attention': {
    request: noArguments,
    response: z.object({
      today: z.string(),
      items: z
        .array(
          z.object({
            key: keySummary,
            state: z.enum(['expired', 'rejected', 'overdue', 'due']),
            reason: z.string(),
            days: z.number().int().nullable(),
            snoozedUntil: z.string().nullable(),
          }),
        )
        .max(500),
      itemsTotal: z.number().int().min(0),
      noExpiry: z.object({ count: z.number().int().min(0), keys: z.array(keySummary).max(200) }),
      timeline: z.object({
        weeks: z
          .array(z.object({ from: z.string(), expiry: z.number().int().min(0), rotation: z.number().int().min(0) }))
          .length(13),
        dates: z
          .array(z.object({ id: z.string(), ref: z.string(), date: z.string(), kind: z.enum(['expiry', 'rotation']) }))
          .max(500),
        total: z.number().int().min(0),
      }),
    }),
  },
  /** Snoozes a key's reminders: a day, a week, or until its state changes. */
  'key:snooze': { request: z.strictObject({ id: keyId, snooze }), response: z.object({ snoozedUntil: z.string() }) },
  /** Sets a key's expiry date and rotation period (inline, from Needs attention or Health). */
  'key:schedule': {
    request: z.strictObject({
      id: keyId,
      expiresAt: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      rotateEveryDays: z.number().int().min(1).max(3650).nullable(),
    }),
    response: z.object({ key: keySummary }),
  },
  /** The health report (the CLI's sections), each entry with its key and the fix the window offers. */
  'health:report': {
    request: noArguments,
    response: z.object({
      keys: z.number().int().min(0),
      /** False while a recovery code shown in the window waits for its kit to be confirmed (typed back). */
      recoveryKitConfirmed: z.boolean(),
      sections: z.array(
        z.object({
          id: z.enum(['rejected', 'overdue', 'expired', 'no-expiry', 'unused', 'duplicates', 'exposed']),
          title: z.string(),
          entries: z
            .array(
              z.object({
                keyId: z.string(),
                ref: z.string(),
                detail: z.string(),
                file: z.string().nullable(),
                exposure: exposure.shape.kind.nullable(),
              }),
            )
            .max(500),
          total: z.number().int().min(0),
        }),
      ),
    }),
  },
  /** The vault's custom providers (`keyward provider list`). */
  'providers:custom': { request: noArguments, response: z.object({ providers: z.array(customProvider).max(1000) }) },
  /** Adds or replaces a custom provider, validated as `keyward provider add`. */
  'provider:save': {
    request: z.strictObject({ provider: customProvider }),
    response: z.object({ provider: customProvider }),
  },
  /** Removes a custom provider; its keys stay (Keyward can no longer verify them). */
  'provider:remove': { request: z.strictObject({ id: z.string().max(64) }), response: empty },
  /** "Clear now": clears the clipboard if it still holds the key Keyward copied (never what the user copied since). */
  'clipboard:clear': { request: noArguments, response: z.object({ cleared: z.boolean() }) },
  /** The person's answer to an agent request shown in the window (`agent:approval`). */
  'agent:answer': {
    request: z.strictObject({ id: z.string().max(64), answer: z.enum(['deny', 'once', 'terminal']) }),
    response: empty,
  },
} as const satisfies Record<ChannelName, ChannelSpec>

/** Payload schemas of the events main sends to the renderer. */
export const events = {
  /** Sent once for every `app:ping` call, carrying the call's sequence number. */
  'app:ping': z.object({ seq: z.number().int().positive(), sentAt: z.string() }),
  /** The vault locked, unlocked, or is on its way. */
  'vault:state': z.object({ state: vaultState }),
  /**
   * An unlock has waited a second for a password change in another Keyward to finish (`password-change`), or a
   * password change for other Keywards to close the vault (`openers`); the window says why nothing happens yet.
   */
  'vault:waiting': z.object({ for: z.enum(['password-change', 'openers']) }),
  /** Keys changed: in this window, or by another process (the CLI). */
  'keys:changed': z.object({}),
  /** The clipboard no longer holds a copied key (cleared after the delay, on lock, or replaced by the user). */
  'clipboard:cleared': z.object({}),
  /** A notification about a key was clicked: the window shows that key. */
  'key:focus': z.object({ id: z.string() }),
  /** The "keys are due" notification (counts only, sent while locked) was clicked: show Needs attention. */
  'view:open': z.object({ view: z.literal('attention'), due: z.number().int().min(0).nullable() }),
  /**
   * A program asks the agent for key names or values: the window asks the person (Deny is the default). Who asks is
   * what the system reports (the process chain, terminal, folder), never what the program says about itself.
   */
  'agent:approval': z.object({
    id: z.string(),
    kind: z.enum(['metadata', 'values']),
    keys: z.array(z.object({ ref: z.string(), environment: z.string() })).max(1000),
    purpose: z.string(),
    chain: z.string(),
    pid: z.number().nullable(),
    tty: z.string().nullable(),
    cwd: z.string().nullable(),
    /** False when the program's output goes to a pipe or file rather than a terminal a person reads. */
    stdoutTty: z.boolean().nullable(),
    /** Whether "Allow for this terminal" may be offered (the caller runs in a terminal session). */
    canRemember: z.boolean(),
  }),
  /** The request was answered elsewhere, timed out, or its program went away: the prompt closes. */
  'agent:approvalEnded': z.object({ id: z.string() }),
} as const satisfies Record<EventName, z.ZodType>

/** What the renderer sends (schema input). */
export type RequestOf<C extends ChannelName> = z.input<(typeof channels)[C]['request']>
/** What a handler receives after validation (schema output). */
export type ParsedRequestOf<C extends ChannelName> = z.output<(typeof channels)[C]['request']>
export type ResponseOf<C extends ChannelName> = z.output<(typeof channels)[C]['response']>
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>
export type AppInfo = ResponseOf<'app:info'>
export type KeySummary = z.output<typeof keySummary>
export type KeyCounts = ResponseOf<'keys:counts'>
export type TrashedKeySummary = ResponseOf<'trash:list'>['keys'][number]
export type VaultState = z.output<typeof vaultState>
export type Settings = z.output<typeof settingsSchema>

/** `window.keyward`, as the preload exposes it to the renderer. */
export interface KeywardApi {
  /** Calls a main-process handler. Never rejects: failures come back as `{ ok: false, error }`. */
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  /** Listens for a main → renderer event; returns the function that stops listening. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void
}
