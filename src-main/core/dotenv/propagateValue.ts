import { parse } from 'dotenv'
import { recordEvent } from '../vault/audit'
import { readKeyById } from '../keys/keyRepository'
import type { KeyId } from '../keys/keyId'
import { touchUsage, usagesOfKey } from './usageStore'
import { KeywardError } from '../errors'
import type { VaultSession } from '../vault/VaultSession'
import { trackedText } from './usages'
import { writeDotenvFile } from './writeDotenvFile'

export interface FileUpdate {
  readonly file: string
  readonly variable: string
  /**
   * updated: rewritten (or already current); changed-by-hand: holds neither value, left alone; missing: gone;
   * skipped: held the old value, but the user chose to leave it.
   */
  readonly outcome: 'updated' | 'changed-by-hand' | 'missing' | 'failed' | 'skipped'
}

/**
 * After a rotation: every .env file Keyward wrote this key into (`usages`) that still holds the old value gets the
 * new one, written the same safe way. A file edited by hand since, or gone, is reported and left alone.
 */
export function propagateValue(
  session: VaultSession,
  keyId: KeyId,
  oldValue: string,
  newValue: string,
  chosen: (file: string, variable: string) => boolean = () => true,
): FileUpdate[] {
  const usages = usagesOfKey(session, keyId)
  return usages.map(({ file, variable }): FileUpdate => {
    const text = trackedText(file)
    if (text === null) return { file, variable, outcome: 'missing' }
    const current = parse(text)[variable]
    if (current === newValue) return { file, variable, outcome: 'updated' }
    if (current !== oldValue) return { file, variable, outcome: 'changed-by-hand' }
    if (!chosen(file, variable)) return { file, variable, outcome: 'skipped' }
    try {
      writeDotenvFile(file, [{ variable, value: newValue }])
    } catch (error) {
      if (error instanceof KeywardError || (error as NodeJS.ErrnoException).code !== undefined)
        return { file, variable, outcome: 'failed' }
      throw error
    }
    touchUsage(session, keyId, file, variable, session.clock.now().toISOString())
    // A rotation's .env writes are in the audit trail as every other write of a key to a file.
    recordEvent(
      session,
      'exported',
      { keyId, keyRef: readKeyById(session, keyId).ref },
      { to: file, variable, by: 'rotation' },
    )
    return { file, variable, outcome: 'updated' }
  })
}

export function describeUpdates(updates: readonly FileUpdate[]): string {
  if (updates.length === 0) return ''
  return ` Files: ${updates.map((update) => `${update.file} (${update.variable}): ${update.outcome}`).join('; ')}.`
}
