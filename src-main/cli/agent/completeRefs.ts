import type { Terminal } from '../terminal'
import { connectAgent } from './keyAccess'

/**
 * Key refs for shell completion, one per line: only from a running, unlocked agent that already allowed this
 * terminal (a quiet request: nobody is asked). Anything else prints nothing — no password prompt, no dialog, no
 * error at a Tab.
 */
export async function completeRefs(terminal: Terminal, env: NodeJS.ProcessEnv, vaultDir: string): Promise<number> {
  const client = await connectAgent(env, vaultDir).catch(() => null)
  if (client === null) return 0
  try {
    const keys = await client.request({ op: 'list' }, { quiet: true })
    if (Array.isArray(keys))
      for (const key of keys as { ref?: unknown }[]) if (typeof key.ref === 'string') terminal.out(key.ref)
  } catch {
    // Locked, not allowed, gone: nothing to offer.
  } finally {
    client.close()
  }
  return 0
}
