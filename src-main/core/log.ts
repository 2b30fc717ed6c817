/**
 * Logs an unexpected error for the developer. Only the error's class and the context are written, never its
 * message: messages of foreign errors (a driver, a parser) can quote the data they choked on, which may be a secret.
 * Of the stack only the `at …` frames are kept (file positions); the first lines repeat the message, which can
 * span several lines (zod's does).
 */
export function logError(context: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error
  const stack = error instanceof Error && error.stack !== undefined ? error.stack : ''
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n')
  console.error(`[keyward] unexpected ${name} in ${context}\n${frames}`)
}
