// The `keyward` command's entry, built on its own into one CommonJS file (out/main/cli.cjs: no ESM loader, no
// module graph to resolve — each saves milliseconds on every command). Commands the agent can serve (get, list,
// search, run, env write/inject/shell, copy, lock, agent status) are parsed here by hand and sent to it, loading
// neither commander nor zod, SQLite or Argon2; anything else — or no agent — loads the full CLI (full.ts, ESM),
// which unlocks the vault itself.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import os from 'node:os'
import { KeywardError } from '../core/errors'
import { vaultDirFromEnvironment } from '../core/paths'
import { agentStatus, lockAgent } from './agent/agentControl'
import { completeRefs } from './agent/completeRefs'
import { agentAccess, agentWanted, connectAgent, UseVault, type KeyAccess } from './agent/keyAccess'
import { reportError, wantsJson } from './reportError'
import { copyKey, getValue, injectEnv, keyChoice, listKeys, runWithKeys, searchKeys, shellEnv, writeEnv } from './reads'
import { SHELLS, type Shell } from '../core/dotenv/shellExports'
import { processTerminal, type Terminal } from './terminal'

type Flags = Record<string, string | boolean | undefined>

const OPTIONS: ParseArgsConfig['options'] = {
  vault: { type: 'string' },
  json: { type: 'boolean', short: 'j' },
  provider: { type: 'string' },
  environment: { type: 'string', short: 'e' },
  keys: { type: 'string', short: 'k' },
  tag: { type: 'string' },
  status: { type: 'string' },
  'env-file': { type: 'string' },
  limit: { type: 'string' },
  'dry-run': { type: 'boolean' },
  out: { type: 'string' },
  shell: { type: 'string' },
  format: { type: 'string' },
  'clear-after': { type: 'string' },
}

/** A command the fast path serves: which words, which flags, and the work over the agent. */
interface FastCommand {
  readonly words: readonly string[]
  readonly flags: readonly string[]
  readonly positionals: number
  readonly run: (access: KeyAccess, terminal: Terminal, args: readonly string[], flags: Flags) => Promise<number>
}

const text = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined)
const done = (work: Promise<void>) => work.then(() => 0)

const COMMANDS: readonly FastCommand[] = [
  {
    words: ['get'],
    flags: ['json'],
    positionals: 1,
    run: (a, t, [ref = ''], f) => done(getValue(a, t, ref, f.json === true)),
  },
  {
    words: ['list'],
    flags: ['provider', 'environment', 'tag', 'status', 'json'],
    positionals: 0,
    run: (a, t, _, f) =>
      done(
        listKeys(a, t, {
          provider: text(f, 'provider'),
          environment: text(f, 'environment'),
          tag: text(f, 'tag'),
          status: text(f, 'status'),
          json: f.json === true,
        }),
      ),
  },
  {
    words: ['search'],
    flags: ['limit', 'json'],
    positionals: 1,
    run: (a, t, [query = ''], f) => {
      const limit = Number(text(f, 'limit') ?? '50')
      if (!Number.isInteger(limit) || limit < 1)
        throw new KeywardError('INVALID_INPUT', '--limit takes a positive whole number.')
      return done(searchKeys(a, t, query, { limit, json: f.json === true }))
    },
  },
  {
    words: ['env', 'write'],
    flags: ['environment', 'keys', 'dry-run', 'json'],
    positionals: 1,
    run: (a, t, [file = ''], f) => {
      const { selection } = keyChoice({ environment: text(f, 'environment'), keys: text(f, 'keys') }, false)
      if (selection === null) return Promise.resolve(2)
      return done(writeEnv(a, t, file, selection, { dryRun: f['dry-run'] === true, json: f.json === true }))
    },
  },
  {
    words: ['env', 'inject'],
    flags: ['out', 'dry-run', 'json'],
    positionals: 1,
    run: (a, t, [template = ''], f) => {
      const out = text(f, 'out')
      if (out === undefined) throw new UseVault('commander says what is missing')
      return done(injectEnv(a, t, template, out, { dryRun: f['dry-run'] === true, json: f.json === true }))
    },
  },
  {
    words: ['env', 'shell'],
    flags: ['shell'],
    positionals: 1,
    run: (a, t, [file = ''], f) => {
      const shell = text(f, 'shell') ?? 'bash'
      if (!SHELLS.includes(shell as Shell))
        throw new KeywardError('INVALID_INPUT', `--shell is one of ${SHELLS.join(', ')}.`)
      return done(shellEnv(a, t, file, shell as Shell))
    },
  },
  {
    words: ['copy'],
    flags: ['format', 'clear-after', 'json'],
    positionals: 1,
    run: (a, t, [ref = ''], f) => {
      const format = text(f, 'format') ?? 'value'
      const seconds = Number(text(f, 'clear-after') ?? '20')
      if ((format !== 'value' && format !== 'env') || !Number.isInteger(seconds) || seconds < 0)
        throw new UseVault('commander words the usage error')
      return done(copyKey(a, t, process.env, ref, { format, seconds, json: f.json === true }))
    },
  },
]

/** `keyward [--vault DIR] WORDS… ARGS [FLAGS]`, or null when the fast path does not know it for certain. */
function parse(
  argv: readonly string[],
): { command: FastCommand | 'run'; args: string[]; flags: Flags; rest: string[] } | null {
  const split = argv.indexOf('--')
  const head = split < 0 ? [...argv] : argv.slice(0, split)
  const rest = split < 0 ? [] : argv.slice(split + 1)
  let parsed: { values: Flags; positionals: string[] }
  try {
    parsed = parseArgs({ args: head, options: OPTIONS, allowPositionals: true, strict: true }) as typeof parsed
  } catch {
    return null
  }
  const { values, positionals } = parsed
  const given = Object.keys(values).filter((name) => name !== 'vault')
  if (positionals[0] === 'run') {
    const allowed = ['environment', 'keys', 'env-file']
    if (split < 0 || positionals.length !== 1 || given.some((name) => !allowed.includes(name))) return null
    return { command: 'run', args: [], flags: values, rest }
  }
  if (split >= 0) return null
  for (const command of COMMANDS) {
    const words = positionals.slice(0, command.words.length)
    if (words.join(' ') !== command.words.join(' ')) continue
    const args = positionals.slice(command.words.length)
    if (args.length !== command.positionals || given.some((name) => !command.flags.includes(name))) return null
    return { command, args, flags: values, rest }
  }
  return null
}

/** The exit code when the fast path served the command; null when the full CLI must. */
async function fastPath(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  if (!agentWanted(env, false)) return null
  const [first, second] = argv
  const terminal = processTerminal(env)
  if (argv.length === 1 && first === 'lock') return lockAgent(terminal, env)
  if (first === 'agent' && second === 'status' && argv.length <= 3 && (argv[2] ?? '--json') === '--json')
    return agentStatus(terminal, env, argv[2] === '--json')
  if (first === '__complete-refs' && argv.length === 1)
    return completeRefs(
      terminal,
      env,
      vaultDirFromEnvironment({ platform: process.platform, env, homedir: os.homedir() }),
    )
  const parsed = parse(argv)
  if (parsed === null) return null
  const vaultOption = text(parsed.flags, 'vault')
  if (vaultOption !== undefined && vaultOption.trim() === '') return null
  const vaultDir = vaultOption ?? vaultDirFromEnvironment({ platform: process.platform, env, homedir: os.homedir() })
  let access: KeyAccess | null = null
  try {
    const client = await connectAgent(env, vaultDir)
    if (client === null) return null
    access = agentAccess(client, terminal, () => Promise.reject(new UseVault('the agent is locked')))
    if (parsed.command === 'run') {
      const choice = keyChoice(
        {
          environment: text(parsed.flags, 'environment'),
          keys: text(parsed.flags, 'keys'),
          envFile: text(parsed.flags, 'env-file'),
        },
        true,
      )
      return await runWithKeys(access, terminal, env, choice, parsed.rest)
    }
    return await parsed.command.run(access, terminal, parsed.args, parsed.flags)
  } catch (error) {
    if (error instanceof UseVault) return null
    return reportError(terminal, error, wantsJson(argv))
  } finally {
    await access?.close()
  }
}

// `keyward list | head`: a closed pipe ends the output quietly, as it does for any Unix tool.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

async function main(argv: readonly string[]): Promise<number> {
  const served = await fastPath(argv, process.env)
  if (served !== null) return served
  // Built beside this file (out/main/full.js); the specifier stays as written in the CommonJS bundle.
  const { runFullCli } = await import('./full.js')
  // This file is only ever run as the CommonJS bundle, where __dirname is its folder (out/main).
  return runFullCli(argv, { agentTried: parse(argv) !== null, entryDir: __dirname })
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
