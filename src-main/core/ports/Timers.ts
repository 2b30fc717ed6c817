/** Timers (the platform's setTimeout/setInterval), a port so auto-lock and the change feed run on a fake clock. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface IntervalTimers extends Timers {
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}
