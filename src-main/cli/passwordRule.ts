import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

/**
 * The window's master-password rule (src-renderer/src/features/vault/passwordStrength.ts), for init, passwd and
 * recover: zxcvbn-ts with its common-passwords dictionary and keyboard graphs must score it "Strong" (3 of 4) —
 * it is the one thing between a stolen laptop and every key. Loaded only by the commands that set a password.
 */
const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const
const MINIMUM_SCORE = 3

let checker: Promise<ZxcvbnFactory> | null = null

function load(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  )
  return checker
}

/** Why a new master password is too weak, in words for the person; null when it is at least Strong. */
export async function weakPasswordReason(password: string): Promise<string | null> {
  const score = password === '' ? 0 : (await load()).check(password).score
  if (score >= MINIMUM_SCORE) return null
  return (
    `That password is ${LABELS[score] ?? 'Weak'}: a master password must be at least Strong. ` +
    'Four or five random words make one that is easy to type.'
  )
}
