import { spawnSync } from 'node:child_process'
import { onPath } from './onPath'
import { childEnvironment } from '../core/process/childEnvironment'
import { KeywardError } from '../core/errors'
import type { Clipboard, ClipboardContent } from '../core/ports/Clipboard'

interface Tools {
  readonly copy: readonly string[]
  readonly paste: readonly string[]
}

/** The platform's clipboard commands: the value always goes through stdin, never argv. */
function tools(env: NodeJS.ProcessEnv): Tools {
  if (process.platform === 'darwin') return { copy: ['pbcopy'], paste: ['pbpaste'] }
  if (process.platform === 'win32')
    return {
      copy: ['powershell', '-NoProfile', '-Command', '$input | Set-Clipboard'],
      paste: ['powershell', '-NoProfile', '-Command', 'Get-Clipboard -Raw'],
    }
  if (env.WAYLAND_DISPLAY !== undefined) return { copy: ['wl-copy'], paste: ['wl-paste', '--no-newline'] }
  return { copy: ['xclip', '-selection', 'clipboard'], paste: ['xclip', '-selection', 'clipboard', '-o'] }
}

function unavailable(program: string): KeywardError {
  return new KeywardError(
    'CLIPBOARD_UNAVAILABLE',
    `No usable clipboard command (${program}): install ${process.platform === 'linux' ? 'xclip or wl-clipboard' : program}, or use keyward get.`,
  )
}

function run(command: readonly string[], input?: string): string {
  const [program, ...args] = command
  // The clipboard tool (xclip, wl-copy) stays resident after a copy: it never sees the unlock variables.
  const result = spawnSync(program ?? '', args, {
    input: input ?? '',
    encoding: 'utf8',
    timeout: 5000,
    env: childEnvironment(),
  })
  if (result.error !== undefined || result.status !== 0) throw unavailable(program ?? '')
  return result.stdout
}

/**
 * The Clipboard port for the CLI, through the platform's clipboard commands. They carry text only, so the
 * history-exclusion hints the desktop app writes are not set here (README).
 */
export class SystemClipboard implements Clipboard {
  private readonly commands: Tools

  constructor(private readonly env: NodeJS.ProcessEnv) {
    this.commands = tools(env)
  }

  /** Checked before the vault is unlocked or the agent asked: no value is read for a copy that cannot happen. */
  ensureAvailable(): void {
    const program = this.commands.copy[0] ?? ''
    if (!onPath(program, this.env)) throw unavailable(program)
  }

  async write(content: ClipboardContent): Promise<void> {
    run(this.commands.copy, content.text)
  }

  async readText(): Promise<string> {
    return run(this.commands.paste)
  }

  clear(): void {
    run(this.commands.copy, '')
  }
}
