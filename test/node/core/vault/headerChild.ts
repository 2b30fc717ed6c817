// A second Keyward process acting on the header, as the CLI would while the app holds the vault open.
// Modes: `passwd NEW` changes the master password; `wrong` makes one attempt with a wrong password.
import { writeSync } from 'node:fs'
import { systemClock } from '../../../../src-main/core/ports/Clock'
import { unlockWithPassword } from '../../../../src-main/core/vault/unlockVault'
import { changeMasterKey } from '../../../../src-main/core/vault/rekey'

const [vaultDir = '', mode, argument = ''] = process.argv.slice(2)
const deps = { clock: systemClock, actor: 'cli' as const, sleep: async () => undefined }
if (mode === 'passwd') {
  const session = await unlockWithPassword(vaultDir, process.env.KEYWARD_PASSWORD ?? '', deps)
  await changeMasterKey(session, argument, { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 })
  session.lock()
} else {
  // maxWaitMs 0: a throttled attempt reports THROTTLED at once instead of sleeping.
  const outcome = await unlockWithPassword(vaultDir, 'not the password', deps, { maxWaitMs: 0 }).catch(
    (error: { code?: string }) => error.code,
  )
  writeSync(1, `${String(outcome)}\n`)
}
