import type { ResponseOf } from '../../../../src-preload/contract'

type TimelineData = ResponseOf<'reminders:attention'>['timeline']

const WEEKS = 13
const WIDTH = 640
const HEIGHT = 120
const BASE = 96
const COLUMN = WIDTH / WEEKS

function shortDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })
}

/**
 * The coming 90 days as 13 weekly columns (counted in main): expiries and rotation dates stacked per week, drawn by
 * React as SVG (no chart library, nothing injected: clean under the CSP). The picture is for the eye; the dates are
 * listed as text below it for screen readers and for reading.
 */
export function Timeline({ timeline }: { readonly timeline: TimelineData }) {
  const { weeks, dates, total } = timeline
  const most = Math.max(1, ...weeks.map((week) => week.expiry + week.rotation))
  const scale = (count: number) => (count / most) * (BASE - 16)
  const summary =
    total === 0
      ? 'No expiry or rotation date in the next 90 days.'
      : `${total} date${total === 1 ? '' : 's'} in the next 90 days; the busiest week has ${most}.`
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        {weeks.map((week, index) => {
          const x = index * COLUMN + 6
          const width = COLUMN - 12
          const expiry = scale(week.expiry)
          const rotation = scale(week.rotation)
          return (
            <g key={week.from}>
              <rect className="timeline-track" x={x} y={8} width={width} height={BASE - 8} rx={3} />
              {week.rotation > 0 ? (
                <rect className="timeline-rotation" x={x} y={BASE - rotation} width={width} height={rotation} rx={3} />
              ) : null}
              {week.expiry > 0 ? (
                <rect
                  className="timeline-expiry"
                  x={x}
                  y={BASE - rotation - expiry}
                  width={width}
                  height={expiry}
                  rx={3}
                />
              ) : null}
              {week.expiry + week.rotation > 0 ? (
                <text className="timeline-count" x={x + width / 2} y={BASE - rotation - expiry - 4} textAnchor="middle">
                  {week.expiry + week.rotation}
                </text>
              ) : null}
              {index % 2 === 0 ? (
                <text className="timeline-label" x={x + width / 2} y={HEIGHT - 6} textAnchor="middle">
                  {shortDate(week.from)}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      <figcaption>
        <span className="legend legend-expiry">Expiries</span> <span className="legend legend-rotation">Rotations</span>{' '}
        · weeks from today
      </figcaption>
      {total === 0 ? null : (
        <details>
          <summary>
            {dates.length === total ? `All ${total} dates` : `The first ${dates.length} of ${total} dates`}
          </summary>
          <ul className="plain" aria-label="Coming dates">
            {dates.map((deadline) => (
              <li key={`${deadline.id}-${deadline.kind}`}>
                {deadline.date} · {deadline.ref} · {deadline.kind === 'expiry' ? 'expires' : 'rotation due'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </figure>
  )
}
