/** A failure in the user's words, announced when it appears; nothing when there is none. */
export function ErrorLine({ message }: { readonly message: string | null }) {
  if (message === null) return null
  return (
    <p className="error" role="alert">
      {message}
    </p>
  )
}
