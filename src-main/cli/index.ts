// The full `keyward` command: commander, every command, the vault opened in this process. The entry (fast.ts)
// loads it only when the agent cannot serve the command.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { runCli } from './program'
import { processTerminal } from './terminal'

export function packageVersion(): string {
  try {
    const file = path.join(import.meta.dirname, '..', '..', 'package.json')
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

export async function runFullCli(argv: readonly string[], options: { agentTried: boolean }): Promise<number> {
  return runCli(argv, processTerminal(), process.env, packageVersion(), options)
}
