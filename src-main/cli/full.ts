// The full `keyward` command: commander, every command, the vault opened in this process. The entry (fast.ts)
// loads it only when the agent cannot serve the command.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { runCli } from './program'
import { processTerminal } from './terminal'

/** The version in package.json; `entryDir` is the built entry's folder (out/main), two levels below it. */
function packageVersion(entryDir: string): string {
  try {
    const file = path.join(entryDir, '..', '..', 'package.json')
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

export async function runFullCli(
  argv: readonly string[],
  options: { agentTried: boolean; entryDir: string },
): Promise<number> {
  return runCli(argv, processTerminal(), process.env, packageVersion(options.entryDir), options)
}
