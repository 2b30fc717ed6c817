// `npm run bench`: every benchmark suite, each printing a table and writing bench/results/<suite>.json.
// Benchmarks measure; they never fail on a number (targets are reported, not asserted).
// `npm run bench -- window ui` runs only the suites named.
import { agentBenchmarks } from './agent.bench'
import { ipcBenchmarks } from './ipc.bench'
import { uiBenchmarks } from './ui.bench'
import { report, reportComparison } from './measure'
import { vaultBenchmarks } from './vault.bench'
import { windowBenchmarks } from './window.bench'

// `npm run bench -- window` runs the named suites only.
const wanted = process.argv.slice(2)
const runs = (suite: string) => wanted.length === 0 || wanted.includes(suite)

if (runs('ipc')) report('ipc', await ipcBenchmarks())
if (runs('vault')) {
  const vault = await vaultBenchmarks()
  report('vault', vault.measurements)
  reportComparison('vault', vault.comparisons, vault.notes)
}
if (runs('window')) report('window', await windowBenchmarks())
if (runs('agent')) {
  const agent = await agentBenchmarks()
  report('agent', agent.measurements)
  for (const note of agent.notes) console.log(`note: ${note}`)
}
if (runs('ui')) report('ui', await uiBenchmarks())
