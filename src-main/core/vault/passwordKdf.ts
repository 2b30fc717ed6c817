import { hashRaw, type Algorithm } from '@node-rs/argon2'
import { performance } from 'node:perf_hooks'
import { KeywardError } from '../errors'

/** Argon2id parameters, stored in the header so a vault keeps opening after the defaults change. */
export interface KdfParams {
  readonly algorithm: 'argon2id'
  readonly memoryKiB: number
  readonly iterations: number
  readonly parallelism: number
  /** base64, 16 random bytes. */
  readonly salt: string
}

// `Algorithm` is a const enum, which isolated modules cannot inline: Argon2id is 2.
const ARGON2ID = 2 as Algorithm

/** Never below this at creation without explicit flags (DESIGN §3). */
export const DEFAULT_FLOOR = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 } as const
/** Explicit flags (tests, benchmarks) may go down to OWASP's minimum for Argon2id, never lower. */
export const OWASP_FLOOR = { memoryKiB: 19 * 1024, iterations: 2 } as const
const CALIBRATION_TARGET_MS = 500
/** DESIGN §3: every CLI command and unlock pays the memory, so calibration stops here and raises iterations. */
export const CALIBRATION_MAX_MEMORY_KIB = 256 * 1024

export async function derivePasswordKey(password: string, params: KdfParams): Promise<Buffer> {
  return hashRaw(Buffer.from(password.normalize('NFC'), 'utf8'), {
    algorithm: ARGON2ID,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt: Buffer.from(params.salt, 'base64'),
  })
}

export type KdfCost = Omit<KdfParams, 'algorithm' | 'salt'>

/** Checks explicit `--kdf-*` flags against the OWASP floor. */
export function explicitKdfCost(cost: Partial<KdfCost>): KdfCost {
  const chosen = {
    memoryKiB: cost.memoryKiB ?? DEFAULT_FLOOR.memoryKiB,
    iterations: cost.iterations ?? DEFAULT_FLOOR.iterations,
    parallelism: cost.parallelism ?? DEFAULT_FLOOR.parallelism,
  }
  if (chosen.memoryKiB < OWASP_FLOOR.memoryKiB || chosen.iterations < OWASP_FLOOR.iterations) {
    throw new KeywardError('INVALID_INPUT', 'Argon2id below 19 MiB memory or 2 iterations is refused (OWASP minimum).')
  }
  if (kdfOutOfBounds(chosen) !== null) {
    throw new KeywardError(
      'INVALID_INPUT',
      `Argon2id memory must be 19 MiB–4 GiB, iterations 2–${KDF_BOUNDS.iterations.max}, parallelism 1–16.`,
    )
  }
  return chosen
}

/** Every cost Keyward writes lies inside these; a header asking for more is damaged or planted, never obeyed. */
export const KDF_BOUNDS = {
  memoryKiB: { min: OWASP_FLOOR.memoryKiB, max: 4 * 1024 * 1024 },
  iterations: { min: OWASP_FLOOR.iterations, max: 64 },
  parallelism: { min: 1, max: 16 },
} as const

/** The first cost outside KDF_BOUNDS, or null. */
export function kdfOutOfBounds(cost: KdfCost): keyof KdfCost | null {
  for (const field of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    const value = cost[field]
    if (!Number.isSafeInteger(value) || value < KDF_BOUNDS[field].min || value > KDF_BOUNDS[field].max) return field
  }
  return null
}

/** The calibrated floor a real vault should not be below (tests and benchmarks create weaker ones on purpose). */
export function belowDefaultFloor(cost: KdfCost): boolean {
  return cost.memoryKiB < DEFAULT_FLOOR.memoryKiB || cost.iterations < DEFAULT_FLOOR.iterations
}

/** The faster of two runs: the first run of a size also pays for faulting its memory in. */
async function timeKdf(cost: KdfCost): Promise<number> {
  const params = { algorithm: 'argon2id' as const, ...cost, salt: Buffer.alloc(16).toString('base64') }
  let best = Number.POSITIVE_INFINITY
  for (let run = 0; run < 2; run++) {
    const start = performance.now()
    await derivePasswordKey('calibration', params)
    best = Math.min(best, performance.now() - start)
  }
  return best
}

/**
 * Chooses parameters that take about half a second on this machine, starting at the floor (64 MiB, t=3, p=4):
 * memory grows first (it is what hurts GPU attackers), then iterations once memory reaches 256 MiB — never more
 * memory than that, never below the floor. `time` is a test seam (a machine faster or slower than this one).
 */
export async function calibrateKdf(time: (cost: KdfCost) => Promise<number> = timeKdf): Promise<KdfCost> {
  let cost: KdfCost = { ...DEFAULT_FLOOR }
  let elapsed = await time(cost)
  while (elapsed < CALIBRATION_TARGET_MS * 0.7 && cost.iterations < KDF_BOUNDS.iterations.max) {
    const factor = Math.min(2, CALIBRATION_TARGET_MS / Math.max(elapsed, 1))
    cost =
      cost.memoryKiB < CALIBRATION_MAX_MEMORY_KIB
        ? {
            ...cost,
            memoryKiB: Math.min(CALIBRATION_MAX_MEMORY_KIB, Math.round((cost.memoryKiB * factor) / 1024) * 1024),
          }
        : { ...cost, iterations: Math.min(KDF_BOUNDS.iterations.max, Math.ceil(cost.iterations * factor)) }
    elapsed = await time(cost)
  }
  return cost
}
