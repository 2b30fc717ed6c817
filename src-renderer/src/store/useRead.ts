import { useEffect } from 'react'
import type { ErrorInfo, RequestOf, ResponseOf } from '../../../src-preload/contract'
import { useKeywardStore } from './index'
import { readKey } from './readsSlice'
import type { ReadChannel } from './topics'

/**
 * What a view shows of main: watched while the view is mounted, refreshed by the store when what it shows changes
 * (here, in the CLI, in the tray). `data` is the last answer (kept while a newer one is on its way).
 */
export function useRead<C extends ReadChannel>(
  channel: C,
  request: RequestOf<C>,
): { data: ResponseOf<C> | null; error: ErrorInfo | null } {
  const key = readKey(channel, request)
  // A request is identified by its content: a new object with the same content is the same read.
  const content = JSON.stringify(request)
  const watchRead = useKeywardStore((state) => state.watchRead)
  useEffect(() => watchRead(channel, JSON.parse(content) as RequestOf<C>), [watchRead, channel, content])
  const read = useKeywardStore((state) => state.reads[key])
  // Stored by watchRead under this channel and request: ResponseOf<C> by construction.
  return { data: (read?.data ?? null) as ResponseOf<C> | null, error: read?.error ?? null }
}
