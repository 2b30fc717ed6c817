import type { Page } from '@playwright/test'

/** Whether `needle` is anywhere in the page's JS heap, after a forced garbage collection (CDP heap snapshot). */
export async function inHeap(page: Page, needle: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page)
  const chunks: string[] = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk))
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await cdp.detach()
  return chunks.join('').includes(needle)
}
