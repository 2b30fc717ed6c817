import { exactTime, relativeTime } from '../lib/relativeTime'

/** A time shown relative ("in 29 days"), the exact one in its title and `dateTime`. */
export function RelativeTime({ iso }: { readonly iso: string }) {
  return (
    <time dateTime={iso} title={exactTime(iso)}>
      {relativeTime(iso)}
    </time>
  )
}
