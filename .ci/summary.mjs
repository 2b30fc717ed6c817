// Prints one "N passed, N failed" line over the vitest and Playwright JSON reports (so CI can read a total),
// and fails when a report is missing or counted no test, when a suite errored outside its tests (a setup hook
// that threw or timed out), or when a test was skipped without a declared reason.
import { existsSync, readFileSync } from 'node:fs'

const [vitestReport, playwrightReport] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
let missing = false
const problems = []

if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
  for (const suite of report.testResults) {
    if (suite.status === 'failed' && suite.assertionResults.every((test) => test.status !== 'failed')) {
      problems.push(`vitest: ${suite.name} errored outside its tests: ${(suite.message ?? '').split('\n')[0]}`)
    }
    // vitest has no skip reason: a skipped test says why in its title, "(skipped: …)".
    for (const test of suite.assertionResults) {
      if (
        (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') &&
        !/\(skipped: .+\)/.test(test.title)
      ) {
        problems.push(`vitest: "${test.fullName}" was skipped without a declared reason`)
      }
    }
  }
  console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
} else {
  console.log(`vitest: no report at ${vitestReport}`)
  missing = true
}

function playwrightTests(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests.map((test) => ({ spec, test }))),
    ...playwrightTests(suite.suites ?? []),
  ])
}

if (existsSync(playwrightReport)) {
  const report = JSON.parse(readFileSync(playwrightReport, 'utf8'))
  const { stats } = report
  passed += stats.expected + stats.flaky
  failed += stats.unexpected
  skipped += stats.skipped
  for (const error of report.errors ?? []) problems.push(`playwright: ${(error.message ?? '').split('\n')[0]}`)
  for (const { spec, test } of playwrightTests(report.suites ?? [])) {
    const reason = test.annotations?.find((annotation) => annotation.type === 'skip')?.description
    if (test.status === 'skipped' && (reason === undefined || reason === ''))
      problems.push(`playwright: "${spec.title}" was skipped without a declared reason`)
  }
  console.log(`playwright: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed`)
} else {
  console.log(`playwright: no report at ${playwrightReport}`)
  missing = true
}

for (const problem of problems) console.log(problem)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(missing || failed > 0 || passed === 0 || problems.length > 0 ? 1 : 0)
