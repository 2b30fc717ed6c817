import { parse } from 'dotenv'
import { KeywardError } from '../errors'

const BARE = /^[A-Za-z0-9_\-.:/+=@%,~^]*$/

// Lines that may follow in the file: an encoding must not reach into them (an unclosed quote would).
const followers = ["Z9_FOLLOW='x'", 'Z9_FOLLOW="x"', 'Z9_FOLLOW=`x`', 'Z9_FOLLOW=x']

function readsBack(variable: string, candidate: string, value: string): boolean {
  return followers.every((follower) => {
    const parsed = parse(`${variable}=${candidate}\n${follower}\n`)
    return parsed[variable] === value && parsed.Z9_FOLLOW === 'x'
  })
}

/**
 * The shortest way to write `value` so that dotenv parses it back exactly: bare when it is plain, else in single
 * quotes, backticks or double quotes — each candidate is checked with dotenv's own parser, the oracle. A value no
 * form can carry (e.g. containing every quote character and a newline) is refused.
 */
export function encodeValue(variable: string, value: string): string {
  const candidates = [
    ...(BARE.test(value) ? [value] : []),
    `'${value}'`,
    `\`${value}\``,
    `"${value}"`,
  ]
  for (const candidate of candidates) {
    if (readsBack(variable, candidate, value)) return candidate
  }
  throw new KeywardError('INVALID_INPUT', `The value of ${variable} cannot be written to a .env file so that dotenv reads it back unchanged (it mixes quotes and line breaks). Nothing was written.`)
}
