// Issue 10's window budgets, in the Chromium harness (the built renderer + the real handlers, as the e2e tests
// run it): unlock → list painted, keystroke → results painted, scrolling 100k rows, select → detail, copy → chip,
// reveal → value, and the renderer bundle. Times are taken in the page (performance.now, after the next frame).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { importKeys } from '../src-main/core/keys/keyRepository'
import { createVault } from '../src-main/core/vault/createVault'
import { launchApp } from '../test/e2e/harness'
import { searchQueries, syntheticKeys } from './fixtures'
import type { Measurement } from './measure'

const PASSWORD = 'benchmark password for the window'
const FLOOR_KDF = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 }
const deps = { clock: { now: () => new Date() }, actor: 'cli' as const, sleep: async () => undefined }

function quantiles(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95) }
}

async function vaultWith(count: number, dir: string): Promise<string> {
  const { session } = await createVault(path.join(dir, 'vault'), PASSWORD, { kdf: FLOOR_KDF }, deps)
  for (let offset = 0; offset < count; offset += 10_000)
    importKeys(session, syntheticKeys(Math.min(10_000, count - offset), offset))
  session.lock()
  return path.join(dir, 'vault')
}

/** Milliseconds in the page from `act` until `ready()` holds and the next frame has been painted. */
async function timed(page: Page, act: () => Promise<void>, ready: () => boolean): Promise<number> {
  const start = await page.evaluate(() => performance.now())
  await act()
  // Functions, not strings: the page's CSP refuses eval, and Playwright's string predicates are evaluated.
  await page.waitForFunction(ready, undefined, { polling: 'raf' })
  return page.evaluate(
    (t0) => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0))),
    start,
  )
}

/** Types each query's last character after the rest, and times keystroke → that query's results painted. */
async function keystrokes(page: Page, queries: readonly string[]): Promise<{ painted: number[]; inDom: number[] }> {
  return page.evaluate(async (list) => {
    // No named helpers in here: the bench runs through tsx, whose keepNames wrapper does not exist in the page.
    const input = document.querySelector<HTMLInputElement>('input[type=search]')
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
    if (input === null || setValue === undefined) throw new Error('no search box')
    const samples: number[] = []
    const inDom: number[] = []
    for (const query of list) {
      setValue.call(input, query.slice(0, -1))
      input.dispatchEvent(new Event('input', { bubbles: true }))
      await new Promise((resolve) => setTimeout(resolve, 30))
      const start = performance.now()
      setValue.call(input, query)
      input.dispatchEvent(new Event('input', { bubbles: true }))
      // Painted: the search is answered (aria-busy false) or the empty state shows, then the next frame. Watched by a
      // MutationObserver, not by polling: a polling timer's own 1–4 ms granularity would be measured too.
      await new Promise<void>((resolve) => {
        // (No named helper: see above.) Done when the grid is not busy, or the empty state shows.
        const observer = new MutationObserver(() => {
          const grid = document.querySelector('.key-list')
          if (!(
            (grid !== null && grid.getAttribute('aria-busy') === 'false') ||
            document.querySelector('.empty') !== null
          ))
            return
          observer.disconnect()
          resolve()
        })
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['aria-busy'],
        })
      })
      inDom.push(performance.now() - start)
      const painted = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))
      samples.push(painted - start)
    }
    return { painted: samples, inDom }
  }, queries)
}

async function longTasksWhileScrolling(page: Page): Promise<{ longest: number; count: number }> {
  return page.evaluate(async () => {
    const tasks: number[] = []
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)))
    observer.observe({ type: 'longtask', buffered: false })
    const scroller = document.querySelector<HTMLElement>('.key-list')
    if (scroller === null) throw new Error('no list')
    const step = scroller.clientHeight * 3
    for (let top = 0; top < scroller.scrollHeight; top += step) {
      scroller.scrollTop = top
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
    observer.disconnect()
    return { longest: Math.max(0, ...tasks), count: tasks.length }
  })
}

async function windowFlows(count: number, work: string): Promise<Measurement[]> {
  const vaultDir = await vaultWith(count, path.join(work, `ui-${count}`))
  const app = await launchApp({ vaultDir })
  const { page } = app
  const label = `${count / 1000}k`
  try {
    await page.getByLabel('Master password').waitFor()
    await page.getByLabel('Master password').fill(PASSWORD)
    // The day's first unlock also runs the integrity check and the daily backup (in the app: in the worker).
    const firstMs = await timed(
      page,
      () => page.getByLabel('Master password').press('Enter'),
      () => document.querySelector('[role=row]') !== null,
    )
    await page.keyboard.press('Control+L')
    await page.getByLabel('Master password').fill(PASSWORD)
    const unlockMs = await timed(
      page,
      () => page.getByLabel('Master password').press('Enter'),
      () => document.querySelector('[role=row]') !== null,
    )
    const measurements: Measurement[] = [
      {
        name: `first unlock of the day → list painted, ${label} keys (integrity check + backup, inline here)`,
        iterations: 1,
        medianMs: firstMs,
        p95Ms: firstMs,
      },
      {
        name: `unlock → list painted, ${label} keys (19 MiB KDF included)`,
        iterations: 1,
        medianMs: unlockMs,
        p95Ms: unlockMs,
        target: count === 10_000 ? '≤ KDF + 150 ms' : '≤ KDF + 400 ms',
      },
    ]
    await page.waitForFunction(
      (expected) => document.querySelector('.key-list')?.getAttribute('aria-rowcount') === String(expected),
      count,
      { timeout: 120_000 },
    )
    // What the harness itself adds to every call: Playwright's binding (CDP) stands in for Electron's IPC.
    const bridge = quantiles(
      await page.evaluate(async () => {
        const samples: number[] = []
        for (let i = 0; i < 30; i++) {
          const start = performance.now()
          await window.keyward.invoke('app:ping', {})
          samples.push(performance.now() - start)
        }
        return samples
      }),
    )
    measurements.push({
      name: `harness IPC round trip (CDP binding, not Electron IPC), ${label}`,
      iterations: 30,
      medianMs: bridge.median,
      p95Ms: bridge.p95,
    })
    const typing = await keystrokes(page, searchQueries(40, count))
    const typed = quantiles(typing.painted)
    const inDom = quantiles(typing.inDom)
    // The DOM is updated before the frame that paints it: headless Chromium paints at 60 Hz, so "painted" adds
    // the wait for the next frame (up to 16.7 ms) to the work itself.
    measurements.push({
      name: `keystroke → results in the DOM (before the frame), ${label} keys`,
      iterations: 40,
      medianMs: inDom.median,
      p95Ms: inDom.p95,
    })
    measurements.push({
      name: `keystroke → results painted, ${label} keys`,
      iterations: 40,
      medianMs: typed.median,
      p95Ms: typed.p95,
      target: count === 10_000 ? 'p50 ≤ 16 ms' : 'p95 ≤ 50 ms',
    })
    await page.getByLabel('Search keys').fill('')
    await page.waitForFunction(
      (expected) => document.querySelector('.key-list')?.getAttribute('aria-rowcount') === String(expected),
      count,
    )
    if (count >= 100_000) {
      const scroll = await longTasksWhileScrolling(page)
      measurements.push({
        name: `scroll through ${label} rows: longest long task (${scroll.count} over 50 ms)`,
        iterations: 1,
        medianMs: scroll.longest,
        p95Ms: scroll.longest,
        target: 'no long task over 50 ms',
      })
    }
    const grid = page.getByRole('grid', { name: 'Keys' })
    await grid.focus()
    const selects: number[] = []
    for (let i = 0; i < 15; i++) {
      selects.push(
        await timed(
          page,
          () => page.keyboard.press('ArrowDown'),
          () =>
            document.querySelector('#detail-title')?.textContent ===
            document.querySelector('.key-row.selected .name')?.textContent,
        ),
      )
    }
    const select = quantiles(selects)
    measurements.push({
      name: `select → detail painted, ${label} keys`,
      iterations: 15,
      medianMs: select.median,
      p95Ms: select.p95,
      target: '≤ 50 ms',
    })
    const copyMs = await timed(
      page,
      () => page.keyboard.press('Control+C'),
      () => document.querySelector('.copy-chip') !== null,
    )
    measurements.push({
      name: `copy → countdown chip, ${label} keys`,
      iterations: 1,
      medianMs: copyMs,
      p95Ms: copyMs,
      target: '≤ 50 ms',
    })
    const revealMs = await timed(
      page,
      () => page.keyboard.press(' '),
      () => (document.querySelector('[data-testid=revealed-value]')?.textContent ?? '•').indexOf('•') === -1,
    )
    measurements.push({
      name: `reveal → value shown, ${label} keys`,
      iterations: 1,
      medianMs: revealMs,
      p95Ms: revealMs,
      target: '≤ 100 ms',
    })
    return measurements
  } finally {
    await app.close()
  }
}

function bundleSize(): Measurement {
  const assets = path.join(import.meta.dirname, '..', 'out', 'renderer', 'assets')
  const html = readFileSync(path.join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'), 'utf8')
  // What the page loads at start: the entry script and the stylesheet (the strength checker is a lazy chunk).
  const loaded = readdirSync(assets).filter((file) => html.includes(file) && /\.(js|css)$/.test(file))
  const kb = loaded.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(assets, file))).length, 0) / 1024
  return {
    name: `renderer bundle loaded at start, gzipped kB (${loaded.join(', ')})`,
    iterations: 1,
    medianMs: kb,
    p95Ms: kb,
    target: '≤ 250 kB',
  }
}

export async function uiBenchmarks(): Promise<Measurement[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'keyward-ui-bench-'))
  try {
    return [...(await windowFlows(10_000, work)), ...(await windowFlows(100_000, work)), bundleSize()]
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
