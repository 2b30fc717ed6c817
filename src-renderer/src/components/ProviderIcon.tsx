/** A few colours the monograms cycle through, picked by the provider id so each provider keeps its own. */
const HUES = [210, 150, 30, 280, 0, 180, 330, 60] as const

/**
 * A provider's icon: a local monogram (its initial on a tinted square), never a fetched favicon (UI.md §4.3: no
 * remote icon fetch). Decorative: the provider's name is always written beside it.
 */
export function ProviderIcon({ provider }: { readonly provider: string }) {
  let hash = 0
  for (const char of provider) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const hue = HUES[hash % HUES.length] ?? 210
  return (
    <span className="provider-icon" aria-hidden="true" style={{ '--hue': hue } as React.CSSProperties}>
      {(provider[0] ?? '?').toUpperCase()}
    </span>
  )
}
