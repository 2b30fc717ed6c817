import { execFileSync } from 'node:child_process'
import { childEnvironment } from './childEnvironment'

/**
 * Settings a repository's own .git/config could use to make a read-only git command run a program of its choosing
 * (or wait on one): switched off on the command line, which wins over every config file. Keyward asks git only
 * whether a file is tracked or ignored; none of these is needed for that.
 */
const NEUTRALISED = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.sshCommand=false',
  'core.askPass=',
  'credential.helper=',
  'diff.external=',
  'protocol.allow=never',
]

/**
 * Runs a read-only git query in `dir` and returns its exit status (null when git is missing): no unlock variable
 * in its environment, no repository-controlled command, no optional locks, no prompt.
 */
export function gitStatus(dir: string, args: readonly string[]): number | null {
  const config = NEUTRALISED.flatMap((setting) => ['-c', setting])
  try {
    execFileSync('git', [...config, '-C', dir, ...args], {
      stdio: 'ignore',
      env: { ...childEnvironment(), GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      timeout: 10_000,
    })
    return 0
  } catch (error) {
    const status = (error as { status?: number | null }).status
    return typeof status === 'number' ? status : null
  }
}
