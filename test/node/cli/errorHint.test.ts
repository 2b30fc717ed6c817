// Core errors say what happened and carry what to do next as data; the CLI words it as a command.
import path from 'node:path'
import { expect, it } from 'vitest'
import { renderHint } from '../../../src-main/cli/errorHint'
import { KeywardError } from '../../../src-main/core/errors'
import { readHeader } from '../../../src-main/core/vault/header'
import { vaultFiles } from '../../../src-main/core/vault/vaultFiles'
import { keyward } from '../helpers/cli'
import { tempDir } from '../helpers/testVault'

it('a missing vault: the core message names no command, the hint does; the CLI prints both', async () => {
  const temp = tempDir()
  try {
    const dir = path.join(temp.dir, 'nothing')
    let error: unknown
    try {
      readHeader(vaultFiles(dir))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(KeywardError)
    const info = (error as KeywardError).toInfo()
    expect(info).toEqual({ code: 'VAULT_NOT_FOUND', message: `No vault at ${dir}.`, hint: { action: 'create-vault' } })
    const run = await keyward(['--vault', dir, 'list'], { env: { KEYWARD_PASSWORD: 'x' } })
    expect(run.stderr).toBe(`keyward: No vault at ${dir}. Create one with: keyward init\n`)
  } finally {
    temp.remove()
  }
})

it('every hint has CLI words that name a real command or flag', () => {
  expect(renderHint({ action: 'guided', operation: 'rotate', ref: 'aisoule/prod' })).toBe(
    ' Run keyward rotate aisoule/prod on a terminal to be guided.',
  )
  expect(renderHint({ action: 'skip-format-check' })).toContain('--no-format-check')
  expect(renderHint({ action: 'choose-provider' })).toContain('--provider')
  expect(renderHint(undefined)).toBe('')
})
