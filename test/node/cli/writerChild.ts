// A child process that writes to a vault the way the app or the CLI would, reporting each transaction on stdout
// only after it committed. Modes: `crash` writes until killed; `count N` adds N keys and exits.
import { createHash, randomBytes } from 'node:crypto'
import { writeSync } from 'node:fs'
import { createKey, setKeyValue } from '../../../src-main/core/keys/keyRepository'
import { systemClock } from '../../../src-main/core/ports/Clock'
import { unlockWithPassword } from '../../../src-main/core/vault/unlockVault'
import { keyIdOf } from '../../../src-main/core/keys/keyRef'

const [vaultDir, mode, countArg, tag] = process.argv.slice(2)
const password = process.env.KEYWARD_PASSWORD ?? ''
const digest = (value: string) => createHash('sha256').update(value).digest('hex')
const report = (line: string) => writeSync(1, `${line}\n`)

const session = await unlockWithPassword(vaultDir ?? '', password, {
  clock: systemClock,
  actor: 'cli',
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
})
report('ready')
const limit = mode === 'count' ? Number(countArg) : Number.POSITIVE_INFINITY
const written: string[] = []
for (let i = 0; i < limit; i++) {
  const value = `value-${randomBytes(12).toString('hex')}`
  const previous = written[Math.floor(Math.random() * written.length)]
  // `begin` before, `committed` after: a kill between the two leaves one transaction whose fate is unknown.
  if (previous !== undefined && i % 3 === 2) {
    report(`begin ${previous} ${digest(value)}`)
    setKeyValue(session, keyIdOf(session, previous), value, 'crash-test')
    report(`committed ${previous} ${digest(value)}`)
  } else {
    const ref = `crash/${tag ?? 'k'}-${process.pid}-${i}`
    report(`begin ${ref} ${digest(value)}`)
    createKey(session, { provider: 'crash', name: ref.slice('crash/'.length), notes: 'x'.repeat(i % 200) }, value)
    written.push(ref)
    report(`committed ${ref} ${digest(value)}`)
  }
}
session.lock()
