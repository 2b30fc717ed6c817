/** A user's text for a LIKE pattern with `ESCAPE '\'`: its `%`, `_` and `\` match themselves, not any text. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`)
}
