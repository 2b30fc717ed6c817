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
      return '' // the window's forms only: the CLI's own flags are checked before a request is made
  }
}
