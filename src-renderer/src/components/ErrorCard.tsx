import type { ErrorInfo } from '../../../src-preload/contract'
import { ERROR_SENTENCES } from '../lib/errors'

/** A failure the window cannot work around: what happened, in main's words, and what that kind of failure means. */
export function ErrorCard({ title, error }: { readonly title: string; readonly error: ErrorInfo }) {
  return (
    <section className="card error" role="alert">
      <h1>{title}</h1>
      <p>{error.message}</p>
      {ERROR_SENTENCES[error.code] === error.message ? null : <p className="muted">{ERROR_SENTENCES[error.code]}</p>}
    </section>
  )
}
