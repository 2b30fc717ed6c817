/** The flags every command takes, before or after its name (program.ts adds them; completion.ts offers them). */
export const GLOBAL_OPTIONS = [
  ['--vault <DIR>', "vault directory (default: $KEYWARD_VAULT_DIR, else the desktop app's)"],
  ['--no-agent', 'do not ask a running agent (the app, or keyward agent start); unlock with the password'],
  ['--password-fd <N>', 'read the master password from file descriptor N (implies --no-agent)'],
] as const

/** The global flags' names: `--vault`, `--no-agent`, `--password-fd`. */
export const GLOBAL_FLAG_NAMES: readonly string[] = GLOBAL_OPTIONS.map(([flags]) => flags.split(' ')[0] ?? flags)
