/**
 * Logs an unexpected error for the developer. Only the error's class and the context are written, never its
 * message: messages of foreign errors (a driver, a parser) can quote the data they choked on, which may be a secret.
 * The stack is kept because it holds file positions only.
 */
export function logError(context: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error
  const frames = error instanceof Error && error.stack ? error.stack.split('\n').slice(1).join('\n') : ''
  console.error(`[keyward] unexpected ${name} in ${context}\n${frames}`)
}
