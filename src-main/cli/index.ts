// The `keyward` command: wiring only.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { runCli } from './program'
import { processTerminal } from './terminal'

function packageVersion(): string {
  try {
    const file = path.join(import.meta.dirname, '..', '..', 'package.json')
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

// `keyward list | head`: a closed pipe ends the output quietly, as it does for any Unix tool.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

process.exitCode = await runCli(process.argv.slice(2), processTerminal(), process.env, packageVersion())
