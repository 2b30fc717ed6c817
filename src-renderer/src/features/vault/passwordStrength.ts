import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

/** Scores 0–4 from zxcvbn-ts, with its common-passwords dictionary and keyboard graphs (loaded on first use). */
let checker: Promise<ZxcvbnFactory> | null = null

function load(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  )
  return checker
}

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const
/** A master password must reach "Strong": it is the one thing between a stolen laptop and every key. */
export const MINIMUM_SCORE = 3

export async function passwordScore(password: string): Promise<number> {
  if (password === '') return 0
  return (await load()).check(password).score
}
