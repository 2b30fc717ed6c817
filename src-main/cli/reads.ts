import path from 'node:path'
import type { Purpose, Selection, ValueOf } from '../core/agent/protocol'
import type { PairParts } from '../core/dotenv/pairVariables'
import type { CopyFormat } from '../core/clipboard/copyFormats'
import type { ReferenceEntry } from '../core/dotenv/references'
import type { Shell } from '../core/dotenv/shellExports'
import type { DotenvWrite } from '../core/dotenv/writeDotenvFile'
import { KeywardError } from '../core/errors'
import type { KeyWithState } from '../core/keys/keyState'
import { childEnvironment } from '../core/process/childEnvironment'
import type { KeyAccess } from './agent/keyAccess'
import { json } from './reportError'
import type { Terminal } from './terminal'

/**
 * The read commands — get, list, search, run, env write / inject / shell, copy — over a KeyAccess, so the same
 * code serves them through the agent and over a vault it unlocked. What only some commands need (dotenv, the
 * tables, the clipboard) is imported when they run: `keyward get` through the agent loads little more than
 * node:net, which is what keeps it near a bare `node` start (bench/agent.bench.ts).
 */

const render = () => import('./render')
const references = () => import('../core/dotenv/references')

async function printKeys(terminal: Terminal, keys: readonly KeyWithState[], asJson: boolean): Promise<void> {
  const { json, keyTable } = await render()
  if (asJson) json(terminal, keys)
  else keyTable(terminal, keys)
}

function pairOf(raw: unknown): PairParts | undefined {
  if (raw === undefined) return undefined
  const { secretSuffix, defaultPrefix, parts } = (raw ?? {}) as Record<string, unknown>
  const part = (item: unknown) => {
    const { suffix, value } = (item ?? {}) as Record<string, unknown>
    return typeof suffix === 'string' && typeof value === 'string'
  }
  if (typeof secretSuffix !== 'string' || typeof defaultPrefix !== 'string' || !Array.isArray(parts))
    throw new KeywardError('INTERNAL', 'The answer held a pair Keyward cannot read.')
  if (!parts.every(part)) throw new KeywardError('INTERNAL', 'The answer held a pair Keyward cannot read.')
  return { secretSuffix, defaultPrefix, parts: parts as PairParts['parts'] }
}

function valuesOf(answer: unknown): ValueOf[] {
  if (!Array.isArray(answer)) throw new KeywardError('INTERNAL', 'The answer held no values.')
  return answer.map((item: unknown) => {
    const { ref, variable, value, pair } = (item ?? {}) as Record<string, unknown>
    if (typeof ref !== 'string' || typeof value !== 'string' || (variable !== null && typeof variable !== 'string'))
      throw new KeywardError('INTERNAL', 'The answer held a value Keyward cannot read.')
    const parts = pairOf(pair)
    return { ref, variable, value, ...(parts === undefined ? {} : { pair: parts }) }
  })
}

const keysOf = (answer: unknown) => {
  if (!Array.isArray(answer)) throw new KeywardError('INTERNAL', 'The answer held no keys.')
  return answer as KeyWithState[]
}

export async function getValue(access: KeyAccess, terminal: Terminal, ref: string, asJson = false): Promise<void> {
  const [found] = valuesOf(
    await access.request({ op: 'values', selection: { refs: [ref] }, purpose: { kind: 'get' }, variables: false }),
  )
  if (asJson) return json(terminal, { ref: found?.ref ?? ref, value: found?.value ?? '' })
  terminal.out(`${found?.value ?? ''}\n`)
}

export interface ListFilter {
  readonly provider?: string
  readonly environment?: string
  readonly tag?: string
  /** A key state (ok, due, expired, rejected …) or "attention". */
  readonly status?: string
  readonly json?: boolean
}

export async function listKeys(access: KeyAccess, terminal: Terminal, filter: ListFilter): Promise<void> {
  if (filter.status !== undefined) {
    const { KEY_STATE_KINDS } = await import('../core/keys/keyState')
    const known: readonly string[] = [...KEY_STATE_KINDS, 'attention']
    if (!known.includes(filter.status))
      throw new KeywardError('INVALID_INPUT', `--status is one of ${known.join(', ')}.`)
  }
  const { json: _json, ...request } = filter
  const keys = keysOf(await access.request({ op: 'list', ...request }))
  await printKeys(terminal, keys, filter.json === true)
}

export async function searchKeys(
  access: KeyAccess,
  terminal: Terminal,
  query: string,
  options: { limit: number; json?: boolean },
): Promise<void> {
  const keys = keysOf(await access.request({ op: 'search', query, limit: options.limit }))
  await printKeys(terminal, keys, options.json === true)
}

/** Keys named on the command line (--keys a,b or --environment E), and/or a reference file (--env-file). */
export interface KeyChoice {
  readonly selection: Selection | null
  readonly envFile: string | null
}

export function keyChoice(
  flags: { environment?: string; keys?: string; envFile?: string },
  allowFile: boolean,
): KeyChoice {
  if (flags.environment !== undefined && flags.keys !== undefined)
    throw new KeywardError('INVALID_INPUT', 'Choose the keys with either --environment ENV or --keys REF,REF…')
  const refs = (flags.keys ?? '')
    .split(',')
    .map((ref) => ref.trim())
    .filter((ref) => ref !== '')
  const selection: Selection | null =
    flags.environment !== undefined ? { environment: flags.environment } : refs.length > 0 ? { refs } : null
  const envFile = allowFile ? (flags.envFile ?? null) : null
  if (selection === null && envFile === null)
    throw new KeywardError(
      'INVALID_INPUT',
      allowFile
        ? 'Choose the keys with --environment ENV, --keys REF,REF… or --env-file FILE.'
        : 'Choose the keys with either --environment ENV or --keys REF,REF…',
    )
  return { selection, envFile }
}

/**
 * A reference file's variables with their values resolved (one request for all its refs). A reference to a pair
 * (AWS_SECRET_ACCESS_KEY=keyward://aws/prod) brings its public parts (AWS_ACCESS_KEY_ID) unless the file sets them.
 */
async function resolveFile(
  access: KeyAccess,
  entries: readonly ReferenceEntry[],
  purpose: Purpose,
): Promise<{ variable: string; value: string }[]> {
  const { referencedRefs, resolveEntries } = await references()
  const refs = referencedRefs(entries)
  if (refs.length === 0) return resolveEntries(entries, new Map())
  const values = valuesOf(await access.request({ op: 'values', selection: { refs }, purpose, variables: false }))
  const resolved = resolveEntries(entries, new Map(refs.map((ref, index) => [ref, values[index]?.value ?? ''])))
  const pairs = new Map(refs.map((ref, index) => [ref, values[index]?.pair]))
  const { pairAssignments } = await import('../core/dotenv/pairVariables')
  const named = new Set(entries.map((entry) => entry.variable))
  const parts = entries.flatMap((entry) => {
    const pair = 'ref' in entry ? pairs.get(entry.ref) : undefined
    return pair === undefined
      ? []
      : pairAssignments(entry.variable, pair).filter(({ variable }) => !named.has(variable))
  })
  return [...resolved, ...parts]
}

/** The variables for `keyward run`: the file's (references resolved), then the chosen keys'. */
async function runVariables(access: KeyAccess, choice: KeyChoice, program: string): Promise<Record<string, string>> {
  const purpose: Purpose = { kind: 'run', command: path.basename(program) }
  const variables: Record<string, string> = {}
  if (choice.envFile !== null)
    for (const { variable, value } of await resolveFile(
      access,
      (await references()).readReferenceFile(choice.envFile),
      purpose,
    ))
      variables[variable] = value
  if (choice.selection !== null)
    for (const { variable, value } of valuesOf(
      await access.request({ op: 'values', selection: choice.selection, purpose, variables: true }),
    ))
      if (variable !== null) variables[variable] = value
  return variables
}

/** As a shell reports a command it cannot find. */
const EXIT_COMMAND_NOT_FOUND = 127

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }

/** `keyward run`: the command with the keys in its environment — never the unlock variables — and its exit code. */
export async function runWithKeys(
  access: KeyAccess,
  terminal: Terminal,
  env: NodeJS.ProcessEnv,
  choice: KeyChoice,
  command: readonly string[],
): Promise<number> {
  const [program, ...args] = command
  if (program === undefined)
    throw new KeywardError(
      'INVALID_INPUT',
      'Name the command after --, e.g. keyward run --environment production -- npm start',
    )
  // Said before anything is unlocked or asked: no values are read for a command that cannot start.
  if (!(await import('./onPath')).onPath(program, env)) {
    terminal.err(`keyward: command not found: ${program}`)
    return EXIT_COMMAND_NOT_FOUND
  }
  // Loaded while the agent answers: it is needed only to start the command.
  const childProcess = import('node:child_process')
  const variables = await runVariables(access, choice, program)
  // The vault (if this process unlocked it) locks and the agent connection closes before the command starts.
  await access.close()
  const { spawn } = await childProcess
  const child = spawn(program, args, { stdio: 'inherit', env: { ...childEnvironment(env), ...variables } })
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward(signal))
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(EXIT_COMMAND_NOT_FOUND))
    child.on('exit', (exitCode, signal) =>
      resolve(exitCode ?? (signal === null ? 1 : 128 + (signalNumbers[signal] ?? 1))),
    )
  })
  if (code === EXIT_COMMAND_NOT_FOUND && child.exitCode === null) terminal.err(`keyward: could not start ${program}.`)
  return code
}

function reportWrite(terminal: Terminal, result: DotenvWrite, dryRun: boolean, asJson: boolean): void {
  for (const warning of result.warnings) terminal.err(`warning: ${warning}`)
  if (asJson) return json(terminal, result)
  const verb = dryRun ? 'would' : 'did'
  terminal.err(
    `${result.file}: ${verb} update ${result.updated.join(', ') || 'nothing'}; ` +
      `${verb} add ${result.added.join(', ') || 'nothing'}` +
      `${result.unchanged.length > 0 ? `; already current: ${result.unchanged.join(', ')}` : ''}.`,
  )
}

/** `keyward env write`: the vault (or agent) merges the keys into the file and records where they went. */
export async function writeEnv(
  access: KeyAccess,
  terminal: Terminal,
  file: string,
  selection: Selection,
  options: { dryRun: boolean; json: boolean },
): Promise<void> {
  const result = (await access.request({
    op: 'env-write',
    file: path.resolve(file),
    selection,
    dryRun: options.dryRun,
  })) as DotenvWrite
  reportWrite(terminal, result, options.dryRun, options.json)
}

/** `keyward env inject TEMPLATE --out FILE`: the template's references resolved into FILE (0600 when new). */
export async function injectEnv(
  access: KeyAccess,
  terminal: Terminal,
  template: string,
  out: string,
  options: { dryRun: boolean; json: boolean },
): Promise<void> {
  const entries = (await references()).readReferenceFile(template)
  const target = path.resolve(out)
  if (target === path.resolve(template))
    throw new KeywardError('INVALID_INPUT', '--out must be another file than the template; nothing was written.')
  const variables = await resolveFile(access, entries, { kind: 'env-inject', file: target })
  const { writeDotenvFile } = await import('../core/dotenv/writeDotenvFile')
  reportWrite(terminal, writeDotenvFile(target, variables, { dryRun: options.dryRun }), options.dryRun, options.json)
}

/** `keyward env shell FILE`: export lines for eval or direnv, references resolved. */
export async function shellEnv(access: KeyAccess, terminal: Terminal, file: string, shell: Shell): Promise<void> {
  const variables = await resolveFile(access, (await references()).readReferenceFile(file), { kind: 'shell' })
  const text = (await import('../core/dotenv/shellExports')).shellExports(variables, shell)
  if (text !== '') terminal.out(text)
}

/**
 * `keyward copy`: onto the clipboard, and this process exits at once; the clearing is left to a detached child
 * (`keyward __clear-clipboard`) that receives only the text's SHA-256 on stdin.
 */
export async function copyKey(
  access: KeyAccess,
  terminal: Terminal,
  env: NodeJS.ProcessEnv,
  ref: string,
  options: { format: CopyFormat; seconds: number; json?: boolean },
): Promise<void> {
  const [{ copyText }, { SecretClipboard }, { SystemClipboard }] = await Promise.all([
    import('../core/clipboard/copyFormats'),
    import('../core/clipboard/secretClipboard'),
    import('./SystemClipboard'),
  ])
  const system = new SystemClipboard(env)
  system.ensureAvailable()
  const clipboard = new SecretClipboard(system, globalThis, process.platform)
  const found = valuesOf(
    await access.request({
      op: 'values',
      selection: { refs: [ref] },
      purpose: { kind: 'copy' },
      variables: options.format === 'env',
    }),
  )
  if (found.length === 0) throw new KeywardError('NOT_FOUND', `No key ${ref}.`)
  // As env, a pair is copied as both of its lines (AWS_SECRET_ACCESS_KEY=… then AWS_ACCESS_KEY_ID=…).
  const text = found.map(({ value, variable }) => copyText(options.format, value, variable)).join('\n')
  await clipboard.copy(text, 0)
  if (options.seconds > 0) {
    const { spawn } = await import('node:child_process')
    const guard = spawn(process.execPath, [process.argv[1] ?? '', '__clear-clipboard'], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: childEnvironment(env),
    })
    guard.stdin.end(JSON.stringify({ digest: SecretClipboard.digestOf(text), afterMs: options.seconds * 1000 }))
    guard.unref()
  }
  if (options.json === true)
    return json(terminal, { copied: found[0]?.ref ?? ref, format: options.format, clearsAfterSeconds: options.seconds })
  terminal.err(
    `Copied ${ref}` +
      `${options.seconds > 0 ? `; the clipboard is cleared in ${options.seconds} s if it still holds it` : ''}.`,
  )
}
