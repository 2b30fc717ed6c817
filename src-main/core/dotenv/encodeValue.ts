import { parse } from 'dotenv'
import { KeywardError } from '../errors'

/**
 * Characters a bare value may hold: none is special to dotenv, python-dotenv or a POSIX shell sourcing the file
 * (`set -a; . ./.env`). Not `~` (a shell expands it in an assignment), not `$`, quotes, spaces, `#`, `\`, `;`, `&`…
 */
const BARE = /^[A-Za-z0-9_\-.:/+=@%,^]*$/

/** Half of a UTF-16 pair on its own: no UTF-8 file can hold it (String#isWellFormed is ES2024; we build for ES2023). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

// Lines that may follow in the file: an encoding must not reach into them (an unclosed quote would).
const followers = ["Z9_FOLLOW='x'", 'Z9_FOLLOW="x"', 'Z9_FOLLOW=`x`', 'Z9_FOLLOW=x']

function readsBack(variable: string, candidate: string, value: string): boolean {
  return followers.every((follower) => {
    const parsed = parse(`${variable}=${candidate}\n${follower}\n`)
    return parsed[variable] === value && parsed.Z9_FOLLOW === 'x'
  })
}

function unsafe(variable: string, why: string): KeywardError {
  return new KeywardError(
    'DOTENV_UNSAFE',
    `The value of ${variable} ${why}, so no way of writing it reads back the same under dotenv, python-dotenv and a shell. Nothing was written.`,
  )
}

/**
 * How to write `value` so that dotenv, python-dotenv and a POSIX shell sourcing the file all read back exactly
 * `value`, with nothing expanded:
 * - bare, when every character is plain (BARE);
 * - in single quotes, when it holds no `'` and no `\` (a shell and dotenv read single quotes literally;
 *   python-dotenv reads `\\` and `\'` in them as escapes) — line breaks included, as a PEM key needs;
 * - in double quotes, when it holds none of `"`, `` ` ``, `\` or a line break (a shell would interpret them; dotenv
 *   and python-dotenv decode escapes there).
 * A `$` is refused in every form: shells and python-dotenv expand it outside single quotes, and dotenv-expand
 * (Vite, Next.js) expands it even inside them. So are CR (dotenv reads it as a line break) and NUL. dotenv's own
 * parser checks the chosen form at run time; the tests check all three readers.
 */
export function encodeValue(variable: string, value: string): string {
  if (value.includes('$')) throw unsafe(variable, 'contains "$", which would be expanded as a variable')
  if (value.includes('\r') || value.includes('\0')) throw unsafe(variable, 'contains a carriage return or NUL')
  if (LONE_SURROGATE.test(value)) throw unsafe(variable, 'is not well-formed Unicode (a lone surrogate)')
  const candidates = [
    ...(BARE.test(value) ? [value] : []),
    ...(/['\\]/.test(value) ? [] : [`'${value}'`]),
    ...(/["`\\\n]/.test(value) ? [] : [`"${value}"`]),
  ]
  for (const candidate of candidates) {
    if (readsBack(variable, candidate, value)) return candidate
  }
  throw unsafe(variable, 'mixes single quotes with a backslash, a double quote, a backtick or a line break')
}
