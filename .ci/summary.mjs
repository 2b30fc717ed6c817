// Prints one "N passed, N failed" line over the vitest and Playwright JSON reports (so CI can read a total),
// and fails when a report is missing or counted no test.
import { existsSync, readFileSync } from 'node:fs'

const [vitestReport, playwrightReport] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
let missing = false

if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
  console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
} else {
  console.log(`vitest: no report at ${vitestReport}`)
  missing = true
}

if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'))
  passed += stats.expected + stats.flaky
  failed += stats.unexpected
  skipped += stats.skipped
  console.log(`playwright: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed`)
} else {
  console.log(`playwright: no report at ${playwrightReport}`)
  missing = true
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(missing || failed > 0 || passed === 0 ? 1 : 0)
