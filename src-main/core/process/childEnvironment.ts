/** The variables that unlock a vault: they never reach another program. */
export const UNLOCK_VARIABLES: readonly string[] = ['KEYWARD_PASSWORD', 'KEYWARD_NEW_PASSWORD', 'KEYWARD_RECOVERY_CODE']

/** The environment for any child process (git, the clipboard tool, `keyward run`): the caller's, minus the unlock variables. */
export function childEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !UNLOCK_VARIABLES.includes(name)))
}
