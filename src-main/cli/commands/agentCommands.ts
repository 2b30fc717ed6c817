import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Command } from 'commander'
import { endpointAnswers, readAgentInfo } from '../../core/agent/endpoint'
import { MAX_HEADLESS_MS, startHeadlessAgent } from '../../core/agent/headlessAgent'
import { refuseDumping } from '../../core/agent/linuxPeer'
import { agentEndpoint } from '../../core/agent/platformPeers'
import { errorCodes, KeywardError } from '../../core/errors'
import { childEnvironment } from '../../core/process/childEnvironment'
import { vaultFiles } from '../../core/vault/vaultFiles'
import { agentStatus, lockAgent, pathsFor, stopAgent } from '../agent/agentControl'
import type { CliContext } from '../context'
import { parseDuration } from '../duration'
import { readPassword, stripOneNewline } from '../secrets'

/** What `agent start` hands its detached agent process on a pipe (never argv, never the environment). */
interface StartOrder {
  readonly password: string
  readonly vaultDir: string
  readonly allow: readonly string[]
  readonly idleMs: number
  readonly maxMs: number
}

/** The agent process's one line back: started, or why not. */
type StartAnswer = { ok: true; until: string; pid: number } | { ok: false; code: string; message: string }

const collect = (value: string, previous: string[]) => [...previous, value]

export function registerAgentCommands(program: Command, context: CliContext): void {
  const { terminal, env } = context
  const agent = program
    .command('agent')
    .description('unlock once: an agent serves keyward commands without the password (the app, or agent start)')

  agent
    .command('start')
    .description('unlock the vault in a background agent (for SSH sessions and machines without the app)')
    .option(
      '--allow <PATTERN>',
      'refs whose values it may hand out, e.g. stripe/* (repeat; default: none)',
      collect,
      [],
    )
    .option('--idle <DURATION>', 'stop after this long without a request', '15m')
    .option('--max <DURATION>', 'stop after this long in any case (at most 24h)', '8h')
    .option('--password-stdin', 'read the master password from stdin')
    .action(async (flags: { allow: string[]; idle: string; max: string; passwordStdin?: boolean }) => {
      const idleMs = parseDuration('--idle', flags.idle)
      const maxMs = parseDuration('--max', flags.max)
      if (maxMs > MAX_HEADLESS_MS) throw new KeywardError('INVALID_INPUT', '--max is at most 24h.')
      const vaultDir = path.resolve(context.vaultDir())
      // Checked before any password is asked: nothing is typed that cannot be used.
      if (!existsSync(vaultFiles(vaultDir).header))
        throw new KeywardError('VAULT_NOT_FOUND', `No vault in ${vaultDir}.`, { action: 'create-vault' })
      const paths = pathsFor(env)
      if ((await endpointAnswers(paths.socket)) !== false) {
        const holder = readAgentInfo(paths)
        throw new KeywardError(
          'VAULT_BUSY',
          holder === null
            ? `Something already answers on ${paths.socket}; no agent was started.`
            : `An agent already runs (${holder.host === 'desktop' ? 'the desktop app' : `pid ${holder.pid}`}).`,
        )
      }
      const password =
        flags.passwordStdin === true
          ? stripOneNewline(await terminal.readStdin())
          : await readPassword(terminal, env, context.flags().passwordFd)
      const answer = await launch({ password, vaultDir, allow: flags.allow, idleMs, maxMs }, env)
      if (!answer.ok) {
        const code = errorCodes.find((known) => known === answer.code) ?? 'INTERNAL'
        throw new KeywardError(code, answer.message)
      }
      const allowed = flags.allow.join(', ')
      terminal.err(
        `Agent started (pid ${answer.pid}); it stops after ${flags.idle} without a request, by ${answer.until} at ` +
          `the latest, or at keyward lock. Values: ${flags.allow.length === 0 ? 'none (names only)' : allowed}.`,
      )
    })

  agent
    .command('status')
    .description('say whether an agent runs, which one, and whether its vault is unlocked (exit 1: none)')
    .option('-j, --json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      process.exitCode = await agentStatus(terminal, env, flags.json === true)
    })

  agent
    .command('stop')
    .description('stop the background agent (its vault locks)')
    .action(async () => {
      process.exitCode = await stopAgent(terminal, env)
    })

  program
    .command('lock')
    .description("lock the vault the agent holds (the app's, or agent start's): every grant ends")
    .action(async () => {
      process.exitCode = await lockAgent(terminal, env)
    })

  program.command('__agent-serve', { hidden: true }).action(async () => {
    const order = JSON.parse(await terminal.readStdin()) as StartOrder
    const linux = process.platform === 'linux'
    if (linux) refuseDumping()
    // A background process holds no folder busy (an unmount, a deleted checkout).
    process.chdir('/')
    let answer: StartAnswer
    try {
      const running = await startHeadlessAgent({
        ...order,
        endpoint: agentEndpoint({ platform: process.platform, env, homedir: os.homedir() }),
        deps: context.deps,
        timers: globalThis,
      })
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void running.stop())
      answer = { ok: true, until: running.until.toISOString(), pid: process.pid }
      process.stdout.end(`${JSON.stringify(answer)}\n`)
      await running.stopped
    } catch (error) {
      answer =
        error instanceof KeywardError
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: 'INTERNAL', message: 'The agent could not start.' }
      process.stdout.end(`${JSON.stringify(answer)}\n`)
      process.exitCode = 1
    }
  })
}

/** Starts the detached agent process, hands it the order on its stdin, and waits for its one line back. */
async function launch(order: StartOrder, env: NodeJS.ProcessEnv): Promise<StartAnswer> {
  const child = spawn(process.execPath, [process.argv[1] ?? '', '__agent-serve'], {
    detached: true,
    stdio: ['pipe', 'pipe', 'ignore'],
    env: childEnvironment(env),
  })
  child.stdin.end(JSON.stringify(order))
  let text = ''
  for await (const chunk of child.stdout) {
    text += String(chunk)
    if (text.includes('\n')) break
  }
  child.stdout.destroy()
  child.unref()
  try {
    return JSON.parse(text) as StartAnswer
  } catch {
    return { ok: false, code: 'INTERNAL', message: 'The agent process ended before it started.' }
  }
}
