import type { ErrorInfo } from '../../../src-preload/contract'

/** A failure the window cannot work around: what happened, in main's words, and its code. */
export function ErrorCard({ title, error }: { readonly title: string; readonly error: ErrorInfo }) {
  return (
    <section className="card error" role="alert">
      <h1>{title}</h1>
      <p>
        {error.message} <code>{error.code}</code>
      </p>
    </section>
  )
}
