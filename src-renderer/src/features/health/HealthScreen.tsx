import { useState } from 'react'
import type { ResponseOf } from '../../../../src-preload/contract'
import { ErrorCard } from '../../components/ErrorCard'
import { errorInfo } from '../../lib/errors'
import { command } from '../../store/commands'
import { useRead } from '../../store/useRead'
import { useKeywardStore } from '../../store'

type Report = ResponseOf<'health:report'>
type Section = Report['sections'][number]
type Entry = Section['entries'][number]

const ADVICE: Record<Section['id'], string> = {
  rejected: 'The provider answered "invalid" when these were last verified: rotate them, or delete them.',
  expired: 'The provider no longer accepts these: rotate them, or delete what you no longer use.',
  overdue: 'Past their rotation date: rotate them.',
  exposed: 'Files holding keys that git may commit or other users may read.',
  duplicates: 'The same value stored under two names: keep one.',
  'no-expiry': 'Neither an expiry date nor a rotation period: Keyward cannot remind you.',
  unused: 'Not used for 90 days or more: revoke and delete what nothing needs.',
}

/** The fix for one entry, one click away: in place where main can do it, else the key opened where the action is. */
function Fix({
  section,
  entry,
  onChanged,
}: {
  readonly section: Section['id']
  readonly entry: Entry
  readonly onChanged: (notice: string) => void
}) {
  const openKey = useKeywardStore((state) => state.openKey)
  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action()
      onChanged(done)
    } catch (caught) {
      onChanged(errorInfo(caught).message)
    }
  }
  const file = entry.file ?? ''
  if (section === 'exposed') {
    if (entry.exposure === 'not-ignored')
      return (
        <button
          type="button"
          onClick={() =>
            void run(() => command('dotenv:fix', { file, fix: 'gitignore' }), `${file} is now ignored by git.`)
          }
        >
          Add to .gitignore
        </button>
      )
    if (entry.exposure === 'readable')
      return (
        <button
          type="button"
          onClick={() =>
            void run(() => command('dotenv:fix', { file, fix: 'chmod' }), `${file} is now readable by you only (0600).`)
          }
        >
          Set 0600
        </button>
      )
    return <span className="muted">Needs a commit: git rm --cached, then ignore it.</span>
  }
  if (section === 'no-expiry')
    return (
      <button
        type="button"
        onClick={() =>
          void run(
            () => command('key:schedule', { id: entry.keyId, expiresAt: null, rotateEveryDays: 90 }),
            `${entry.ref}: rotation every 90 days.`,
          )
        }
      >
        Rotate every 90 days
      </button>
    )
  if (section === 'rejected')
    return (
      <>
        <button type="button" onClick={() => void openKey(entry.keyId, 'rotate')}>
          Rotate…
        </button>{' '}
        <button type="button" onClick={() => void openKey(entry.keyId, 'delete')}>
          Delete…
        </button>
      </>
    )
  if (section === 'expired' || section === 'overdue')
    return (
      <button type="button" onClick={() => void openKey(entry.keyId, 'rotate')}>
        Rotate…
      </button>
    )
  return (
    <button type="button" onClick={() => void openKey(entry.keyId)}>
      Open
    </button>
  )
}

/** A recovery code the window showed was never typed back: the kit may not exist. Its fix issues a new one. */
function RecoveryKitCard() {
  const newRecoveryKit = useKeywardStore((state) => state.newRecoveryKit)
  const [error, setError] = useState<string | null>(null)
  return (
    <section className="health-section" aria-labelledby="health-recovery-kit">
      <h2 id="health-recovery-kit">Recovery kit not confirmed</h2>
      <p className="muted">
        The recovery code shown last was never typed back, so it may not be written down — and it is the only way in if
        you forget your master password. A new code replaces it (the old one stops working).
      </p>
      <button
        type="button"
        onClick={() => newRecoveryKit().catch((caught: unknown) => setError(errorInfo(caught).message))}
      >
        Show a new recovery kit…
      </button>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

/**
 * The health report (the CLI's `keyward health` sections), as cards that lead to their entries, each entry with its
 * fix one click away. KeePassXC's Health Check and 1Password's Watchtower are the models.
 */
export function HealthScreen() {
  // Refreshed by the store after a fix here, and when the CLI or the tray changes a key.
  const { data: report, error } = useRead('health:report', {})
  const [notice, setNotice] = useState<string | null>(null)
  const changed = setNotice

  if (error !== null) return <ErrorCard title="Keyward cannot compute the health report" error={error} />
  if (report === null) return <p className="muted">Loading…</p>
  const problems = report.sections.reduce((sum, section) => sum + section.total, 0)
  return (
    <section className="page health">
      <h1>Health</h1>
      <p className="muted">{`${report.keys} key${report.keys === 1 ? '' : 's'} checked.`}</p>
      <ul className="health-cards plain" aria-label="Health summary">
        {report.sections.map((section) => (
          <li key={section.id}>
            <button
              type="button"
              className={`health-card${section.total > 0 ? ' has-problems' : ''}`}
              onClick={() => document.getElementById(`health-${section.id}`)?.focus()}
            >
              <span className="health-count">{section.total}</span> {section.title}
            </button>
          </li>
        ))}
      </ul>
      <p className="notice" role="status">
        {notice ?? ''}
      </p>
      {report.recoveryKitConfirmed ? null : <RecoveryKitCard />}
      {problems === 0 && report.recoveryKitConfirmed ? (
        <p className="all-clear">Nothing to fix: every key is current, dated, used, unique and kept out of git.</p>
      ) : null}
      {report.sections
        .filter((section) => section.total > 0)
        .map((section) => (
          <section key={section.id} className="health-section" aria-labelledby={`health-${section.id}`}>
            <h2 id={`health-${section.id}`} tabIndex={-1}>
              {section.title} ({section.total})
            </h2>
            <p className="muted">{ADVICE[section.id]}</p>
            <ul className="plain health-entries">
              {section.entries.map((entry, index) => (
                <li key={`${entry.keyId}-${entry.file ?? ''}-${index}`}>
                  <span className="health-ref">{entry.ref}</span> <span className="muted">{entry.detail}</span>{' '}
                  <Fix section={section.id} entry={entry} onChanged={changed} />
                </li>
              ))}
            </ul>
            {section.total > section.entries.length ? (
              <p className="muted">{`And ${section.total - section.entries.length} more.`}</p>
            ) : null}
          </section>
        ))}
    </section>
  )
}
