import { useCallback, useEffect, useState } from 'react'
import type { ErrorInfo } from '../../../src-preload/contract'
import { errorInfo } from './call'

/**
 * What a screen reads from main when it opens, and again after each change it makes (`reload`). An answer that
 * arrives after the screen closed is dropped (each run of the effect has its own flag: StrictMode runs it twice).
 */
export function useLoaded<T>(load: () => Promise<T>): { data: T | null; error: ErrorInfo | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  useEffect(() => {
    let live = true
    load().then(
      (value) => live && setData(value),
      (caught: unknown) => live && setError(errorInfo(caught)),
    )
    return () => {
      live = false
    }
  }, [load])
  const reload = useCallback(() => {
    load().then(setData, (caught: unknown) => setError(errorInfo(caught)))
  }, [load])
  return { data, error, reload }
}
