import type { Command } from 'commander'
import { DEFAULT_CLEAR_AFTER_MS, SecretClipboard } from '../../core/clipboard/secretClipboard'
import { KeywardError } from '../../core/errors'
import { withKeyAccess, type CliContext } from '../context'
import { copyKey } from '../reads'
import { SystemClipboard } from '../SystemClipboard'
import { wholeNumber } from '../wholeNumber'

function secretClipboard(env: NodeJS.ProcessEnv): SecretClipboard {
  return new SecretClipboard(new SystemClipboard(env), globalThis, process.platform)
}

/**
 * `keyward copy` puts a value on the clipboard and exits at once; the clearing is left to a detached child
 * (`keyward __clear-clipboard`) that receives only the value's SHA-256 on stdin, waits, and clears the clipboard if
 * it still holds that value.
 */
export function registerCopyCommand(program: Command, context: CliContext): void {
  const { terminal, env } = context
  program
    .command('copy <REF>')
    .description('copy a key to the clipboard; it is cleared after --clear-after seconds if still there')
    .option('--format <FORMAT>', 'value, or env (VAR=value)', 'value')
    .option(
      '--clear-after <SECONDS>',
      'seconds until the clipboard is cleared (0 = never)',
      String(DEFAULT_CLEAR_AFTER_MS / 1000),
    )
    .option('-j, --json', 'print { copied, format, clearsAfterSeconds } as JSON')
    .action(async (ref: string, flags: { format: string; clearAfter: string; json?: boolean }) => {
      const format = flags.format
      if (format !== 'value' && format !== 'env') throw new KeywardError('INVALID_INPUT', '--format is value or env.')
      const seconds = wholeNumber('--clear-after', flags.clearAfter, 'seconds') ?? 0
      await withKeyAccess(context, (access) =>
        copyKey(access, terminal, env, ref, { format, seconds, json: flags.json }),
      )
    })

  program.command('__clear-clipboard', { hidden: true }).action(async () => {
    const { digest: expected, afterMs } = JSON.parse(await terminal.readStdin()) as { digest: string; afterMs: number }
    await new Promise((resolve) => setTimeout(resolve, afterMs))
    const clipboard = secretClipboard(env)
    clipboard.adopt(expected)
    await clipboard.clearIfOurs()
  })
}
