import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeDotenvFile } from '../../../../src-main/core/dotenv/writeDotenvFile'
import { tempDir } from '../../helpers/testVault'

let temp: ReturnType<typeof tempDir>
beforeEach(() => (temp = tempDir('keyward-dotenv-')))
afterEach(() => temp.remove())

describe('writeDotenvFile', () => {
  it('a failing write (disk full) leaves the original byte-identical and no temp file behind', () => {
    const file = path.join(temp.dir, '.env')
    const original = '# keep me\nA=1\r\nB="two"'
    writeFileSync(file, original)
    let calls = 0
    const diskFull = {
      writeSync: () => {
        calls += 1
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      },
    }
    expect(() => writeDotenvFile(file, [{ variable: 'A', value: 'new' }], { io: diskFull })).toThrow(/ENOSPC/)
    expect(calls).toBe(1)
    expect(readFileSync(file, 'utf8')).toBe(original)
    expect(readdirSync(temp.dir)).toEqual(['.env'])
  })

  it("keeps an existing file's mode and creates new files 0600", () => {
    const existing = path.join(temp.dir, '.env')
    writeFileSync(existing, 'A=1\n')
    chmodSync(existing, 0o640)
    writeDotenvFile(existing, [{ variable: 'A', value: '2' }])
    expect(statSync(existing).mode & 0o777).toBe(0o640)
    const created = path.join(temp.dir, '.env.local')
    const result = writeDotenvFile(created, [{ variable: 'K', value: 'v' }])
    expect(result.created).toBe(true)
    expect(statSync(created).mode & 0o777).toBe(0o600)
    expect(readFileSync(created, 'utf8')).toBe('K=v\n')
  })

  it('follows a symlink inside the directory but refuses one that leaves it', () => {
    const real = path.join(temp.dir, '.env.shared')
    writeFileSync(real, 'A=1\n')
    symlinkSync(real, path.join(temp.dir, '.env'))
    expect(writeDotenvFile(path.join(temp.dir, '.env'), [{ variable: 'A', value: '2' }]).file).toBe(real)
    expect(readFileSync(real, 'utf8')).toBe('A=2\n')
    const project = path.join(temp.dir, 'project')
    mkdirSync(project)
    symlinkSync(real, path.join(project, '.env'))
    expect(() => writeDotenvFile(path.join(project, '.env'), [{ variable: 'A', value: '3' }])).toThrow(
      /outside its directory/,
    )
    expect(readFileSync(real, 'utf8')).toBe('A=2\n')
  })

  it('a dry run writes nothing', () => {
    const file = path.join(temp.dir, '.env')
    writeFileSync(file, 'A=1\n')
    expect(
      writeDotenvFile(
        file,
        [
          { variable: 'A', value: '2' },
          { variable: 'B', value: '3' },
        ],
        { dryRun: true },
      ),
    ).toMatchObject({ updated: ['A'], added: ['B'] })
    expect(readFileSync(file, 'utf8')).toBe('A=1\n')
  })
})
