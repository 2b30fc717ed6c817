// `npm run bench`: every benchmark suite, each printing a table and writing bench/results/<suite>.json.
// Benchmarks measure; they never fail on a number (targets are reported, not asserted).
import { ipcBenchmarks } from './ipc.bench'
import { uiBenchmarks } from './ui.bench'
import { report, reportComparison } from './measure'
import { vaultBenchmarks } from './vault.bench'
import { windowBenchmarks } from './window.bench'

report('ipc', await ipcBenchmarks())
const vault = await vaultBenchmarks()
report('vault', vault.measurements)
reportComparison('vault', vault.comparisons, vault.notes)
report('window', await windowBenchmarks())
report('ui', await uiBenchmarks())
