// ../shared/realworld (data from public projects: key formats, .env files) sits beside a clone on CI and on the
// team's machines, never inside the repository. A clone without it still passes `npm test`: the suites that read it
// skip, saying why in their title. `.ci/run` sets KEYWARD_REQUIRE_REALWORLD=1, which turns its absence into a failure.
import { existsSync } from 'node:fs'
import path from 'node:path'

const DIRECTORY = path.resolve(import.meta.dirname, '../../../../shared/realworld')

/** The corpus directory, or null when it is absent (and allowed to be). */
export const realworld: string | null = (() => {
  if (existsSync(DIRECTORY)) return DIRECTORY
  if (process.env.KEYWARD_REQUIRE_REALWORLD === '1')
    throw new Error(`KEYWARD_REQUIRE_REALWORLD=1 but ${DIRECTORY} is missing: clone beside ../shared.`)
  return null
})()

/** A suite title that says, when the corpus is absent, that and why the suite is skipped. */
export function needsRealworld(title: string): string {
  return realworld === null ? `${title} — skipped: ../shared/realworld is not beside this clone` : title
}
