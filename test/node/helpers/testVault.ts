import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Clock } from '../../../src-main/core/ports/Clock'
import { createVault } from '../../../src-main/core/vault/createVault'
import type { UnlockDeps } from '../../../src-main/core/vault/unlockVault'
import type { VaultSession } from '../../../src-main/core/vault/VaultSession'

/** The OWASP floor: the fastest Argon2id the vault accepts, so tests stay quick while the KDF stays real. */
export const FAST_KDF = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const
export const PASSWORD = 'correct horse battery staple'

export function tempDir(prefix = 'keyward-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A clock the test moves by hand. */
export function manualClock(
  start = '2026-11-24T10:00:00Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let now = Date.parse(start)
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (iso) => void (now = Date.parse(iso)),
  }
}

/** Unlock deps whose sleep advances the manual clock and records each wait instead of waiting. */
export function testDeps(
  clock = manualClock(),
): UnlockDeps & { clock: ReturnType<typeof manualClock>; waits: number[] } {
  const waits: number[] = []
  return {
    clock,
    actor: 'cli',
    waits,
    sleep: async (ms) => {
      waits.push(ms)
      clock.advance(ms)
    },
  }
}

export async function newTestVault(
  dir: string,
  deps = testDeps(),
): Promise<{ session: VaultSession; recoveryCode: string; deps: ReturnType<typeof testDeps> }> {
  const created = await createVault(path.join(dir, 'vault'), PASSWORD, { kdf: FAST_KDF }, deps)
  return { ...created, deps }
}
