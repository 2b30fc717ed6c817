// `npm run bench`: every benchmark suite, each printing a table and writing bench/results/<suite>.json.
// Benchmarks measure; they never fail on a number (targets are reported, not asserted).
import { ipcBenchmarks } from './ipc.bench'
import { report } from './measure'

report('ipc', await ipcBenchmarks())
