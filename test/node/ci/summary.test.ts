// .ci/summary.mjs fails CI when a suite errored outside its tests or a test was skipped without a reason.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { repoRoot } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

const temp = tempDir('keyward-summary-')
afterAll(() => temp.remove())

const playwright = {
  stats: { expected: 2, flaky: 0, unexpected: 0, skipped: 1 },
  errors: [],
  suites: [
    {
      specs: [
        {
          title: 'electron only',
          tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'needs Electron' }] }],
        },
      ],
    },
  ],
}

function vitest(assertionResults: object[], suite: { status: string; message?: string } = { status: 'passed' }) {
  const count = (status: string) =>
    assertionResults.filter((test) => (test as { status: string }).status === status).length
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: 0,
    testResults: [{ name: 'a.test.ts', ...suite, assertionResults }],
  }
}

function summarise(vitestReport: object, playwrightReport: object = playwright): { code: number | null; out: string } {
  const v = path.join(temp.dir, 'vitest.json')
  const p = path.join(temp.dir, 'playwright.json')
  writeFileSync(v, JSON.stringify(vitestReport))
  writeFileSync(p, JSON.stringify(playwrightReport))
  const run = spawnSync(process.execPath, [path.join(repoRoot, '.ci', 'summary.mjs'), v, p], { encoding: 'utf8' })
  return { code: run.status, out: run.stdout }
}

const ok = { title: 'works', fullName: 'works', status: 'passed' }

it('passes a clean run, with a Playwright skip that declares its reason', () => {
  expect(summarise(vitest([ok]))).toEqual({
    code: 0,
    out: expect.stringContaining('3 passed, 0 failed, 1 skipped') as string,
  })
})

it('fails when a setup hook errored (its tests show as skipped)', () => {
  const run = summarise(
    vitest([{ ...ok, status: 'skipped' }], { status: 'failed', message: 'Hook timed out in 10000ms' }),
  )
  expect(run.code).toBe(1)
  expect(run.out).toMatch(/errored outside its tests: Hook timed out/)
})

it('fails on a skip without a reason, in either runner', () => {
  expect(summarise(vitest([ok, { title: 'later', fullName: 'later', status: 'skipped' }])).code).toBe(1)
  expect(
    summarise(vitest([ok, { title: 'later (skipped: needs keepassxc)', fullName: 'later', status: 'skipped' }])).code,
  ).toBe(0)
  const bare = { ...playwright, suites: [{ specs: [{ title: 'x', tests: [{ status: 'skipped', annotations: [] }] }] }] }
  expect(summarise(vitest([ok]), bare).code).toBe(1)
})
