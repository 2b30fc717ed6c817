import type { ErrorHint } from '../core/errors'

/** The CLI's words for what the user can do next (the app renders the same hints as buttons). */
export function renderHint(hint: ErrorHint | undefined): string {
  if (hint === undefined) return ''
  switch (hint.action) {
    case 'restore-backup':
      return hint.backup === null ? ' keyward doctor lists the backups.' : ''
    case 'create-vault':
      return ' Create one with: keyward init'
    case 'choose-another-vault':
      return ' (--vault DIR)'
    case 'unlock':
      return ''
    case 'choose-provider':
      return ' Pass --provider ID (keyward providers lists them).'
    case 'skip-format-check':
      return ' Pass --no-format-check to store it anyway.'
    case 'set-env-var':
      return ' Use: keyward edit REF --env-var NAME'
    case 'set-server-id':
      return ' Use: keyward edit REF --metadata \'{"serverId":"…"}\''
    case 'give-pair-id':
      return ` Pass it with --metadata '{"${hint.field}":"…"}'.`
    case 'choose-keys':
      return ' Use --environment ENV or --keys REF,REF…'
    case 'guided':
      return ` Run keyward ${hint.operation} ${hint.ref} on a terminal to be guided.`
    case 'fix-field':
      return '' // named before the message instead (flagPrefix)
  }
}

/** The flag a refused field came from: a core refusal names the field, the CLI names what the user typed. */
const FIELD_FLAGS: Readonly<Record<string, string>> = {
  name: 'NAME',
  provider: '--provider',
  envVar: '--env-var',
  environment: '--environment',
  expiresAt: '--expires',
  rotateEveryDays: '--rotate-every',
  remindBeforeDays: '--remind-before',
  tags: '--tag',
  notes: '--note',
  metadata: '--metadata',
  id: 'ID',
  baseUrl: '--base-url',
  auth: '--auth',
  verify: '--verify-path, --verify-method or --expect-status',
  keyPattern: '--key-pattern',
  dashboardUrl: '--dashboard',
}

/** `--env-var: ` before a refusal of the envVar field ('' for anything else). */
export function flagPrefix(hint: ErrorHint | undefined): string {
  if (hint?.action !== 'fix-field') return ''
  const flag = FIELD_FLAGS[hint.field]
  return flag === undefined ? '' : `${flag}: `
}
