import path from 'node:path'
import { selectKeys, writeKeysToDotenv, type KeySelection } from '../dotenv/keySelection'
import { keyExports } from '../providers/keyExports'
import { importDotenv, planDotenvImport } from '../providers/envImport'
import { fixExposure } from '../dotenv/fileExposure'
import { recentDotenvFiles, writtenBefore } from '../dotenv/usageStore'
import { fileDigest, previewWrite } from '../dotenv/writePreview'
import { KeywardError } from '../errors'
import type { Handlers } from '../ipc/handle'
import type { FileDialog } from '../ports/FileDialog'
import type { VaultSession } from '../vault/VaultSession'
import type { VaultService } from '../vault/VaultService'
import { idOf } from './keySummary'

export type DotenvChannel =
  | 'dotenv:choose'
  | 'dotenv:recent'
  | 'dotenv:preview'
  | 'dotenv:write'
  | 'dotenv:fix'
  | 'dotenv:importPreview'
  | 'dotenv:import'

export interface DotenvHandlerDeps {
  readonly vault: VaultService
  readonly dialog: FileDialog
}

type Purpose = 'write' | 'import'

type WindowSelection = { readonly ids: readonly string[] } | { readonly environment: string }

function selectionOf(selection: WindowSelection): KeySelection {
  return 'ids' in selection ? { ids: selection.ids.map(idOf) } : selection
}

/**
 * `.env` write and import for the window, on the core the CLI's `env write` / `env import` run. The window names a
 * file only after main handed it over: one the user picked in the OS dialog (in this run of the app) or one keys
 * were written to before — so a compromised renderer cannot make main read or write any other path.
 */
export function createDotenvHandlers(deps: DotenvHandlerDeps): Pick<Handlers, DotenvChannel> {
  const { vault, dialog } = deps
  // Each file with what the user picked it for: a file opened to import from is not thereby one to write to.
  const chosen = new Map<string, Set<Purpose>>()
  vault.onState((state) => {
    if (state !== 'unlocked') chosen.clear()
  })
  // Picked in the dialog for this purpose (a file picked to write to may be imported from too), or — for writing —
  // one Keyward wrote these keys to before (any key, for the exposure fixes). Importing grants no writing.
  const allowed = (session: VaultSession, file: string, purpose: Purpose, selection?: KeySelection): string => {
    const absolute = path.resolve(file)
    const picked = chosen.get(absolute)
    const granted = picked?.has(purpose) === true || (purpose === 'import' && picked !== undefined)
    const known =
      purpose === 'write' &&
      path.isAbsolute(file) &&
      writtenBefore(
        session,
        absolute,
        selection === undefined ? undefined : selectKeys(session, selection).map(({ key }) => key.id),
      )
    if (!path.isAbsolute(file) || (!granted && !known)) {
      throw new KeywardError('INVALID_INPUT', 'Choose the .env file first (Choose…); nothing was read or written.')
    }
    return absolute
  }
  return {
    'dotenv:choose': async ({ purpose }) => {
      const file = await dialog.chooseEnvFile(purpose)
      if (file !== null) chosen.set(path.resolve(file), new Set([...(chosen.get(path.resolve(file)) ?? []), purpose]))
      return { file: file === null ? null : path.resolve(file) }
    },
    'dotenv:recent': () => vault.run(({ session }) => ({ files: recentDotenvFiles(session, 20) })),
    'dotenv:preview': ({ file, selection }) =>
      vault.run(({ session }) => {
        const preview = previewWrite(
          allowed(session, file, 'write', selectionOf(selection)),
          keyExports(session, selectionOf(selection)),
        )
        return { ...preview, lines: [...preview.lines], exposure: [...preview.exposure] }
      }),
    'dotenv:write': ({ file, selection, digest }) =>
      vault.run(({ session }) => {
        const exports = keyExports(session, selectionOf(selection))
        const target = previewWrite(allowed(session, file, 'write', selectionOf(selection)), exports).file
        // The user approved a diff of this content; if anything touched the file since, they see the new diff first.
        if (fileDigest(target) !== digest)
          throw new KeywardError(
            'CONFLICT',
            `${target} changed since the preview; look at the new diff before writing.`,
          )
        const written = writeKeysToDotenv(session, target, exports, false)
        return {
          file: written.file,
          updated: [...written.updated],
          added: [...written.added],
          unchanged: [...written.unchanged],
        }
      }),
    'dotenv:fix': ({ file, fix }) =>
      vault.run(({ session }) => ({ exposure: fixExposure(allowed(session, file, 'write'), fix) })),
    'dotenv:importPreview': ({ file, environment }) =>
      vault.run(({ session }) => {
        const absolute = allowed(session, file, 'import')
        return { file: absolute, rows: [...planDotenvImport(session, absolute, environment).rows] }
      }),
    'dotenv:import': ({ file, environment, variables }) =>
      vault.run(({ session }) => {
        const report = importDotenv(session, allowed(session, file, 'import'), environment, false, {
          chosen: new Set(variables),
          track: true,
        })
        return { created: [...report.created] }
      }),
  }
}
