// Proves each import-boundary rule of eslint.config.js (DESIGN §1) on a fixture: the fixture's first line names
// the path it is linted as, the second whether lint must reject it (and by which rule) or accept it.
import { ESLint } from 'eslint'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..', '..', '..')
const fixtureDir = path.join(root, 'test', 'fixtures', 'lint')
// Import rules need no types: fixtures are linted as the path they name, without a TypeScript program.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
})
// Type-aware rules need the file in a program: such a fixture (`// type-aware`) is linted where it lies, in the
// project service's default project.
const typeAware = new ESLint({
  cwd: root,
  ignore: false,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['test/fixtures/lint/*.ts'] } } },
  },
})

const fixtures = readdirSync(fixtureDir)
  .filter((file) => file.endsWith('.ts') || file.endsWith('.tsx'))
  .map((file) => {
    const text = readFileSync(path.join(fixtureDir, file), 'utf8')
    const lintAs = /^\/\/ lint-as: (\S+)/m.exec(text)?.[1]
    const rule = /^\/\/ rejected-by: (\S+)/m.exec(text)?.[1]
    if (lintAs === undefined) throw new Error(`${file} has no "// lint-as:" line`)
    return { file, text, lintAs, rule, typed: /^\/\/ type-aware$/m.test(text) }
  })

async function ruleIdsFor(text: string, lintAs: string, typed: boolean, file: string): Promise<string[]> {
  const [result] = typed
    ? await typeAware.lintFiles([path.join(fixtureDir, file)])
    : await eslint.lintText(text, { filePath: path.join(root, lintAs) })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('import boundaries', () => {
  it('has fixtures for every area', () => {
    expect(fixtures.filter((fixture) => fixture.rule !== undefined).length).toBeGreaterThanOrEqual(6)
  })

  for (const { file, text, lintAs, rule, typed } of fixtures) {
    if (rule === undefined) {
      it(`accepts ${file} as ${lintAs}`, async () => {
        expect(await ruleIdsFor(text, lintAs, typed, file)).toEqual([])
      })
    } else {
      it(`rejects ${file} as ${lintAs} by ${rule}`, async () => {
        expect(await ruleIdsFor(text, lintAs, typed, file)).toContain(rule)
      })
    }
  }
})
