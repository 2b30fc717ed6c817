// A child that changes the master password (a new database key) so a test can SIGKILL it anywhere in the change.
import { writeSync } from 'node:fs'
import { systemClock } from '../../../src-main/core/ports/Clock'
import { changeMasterKey } from '../../../src-main/core/vault/rekey'
import { unlockWithPassword } from '../../../src-main/core/vault/unlockVault'

const [vaultDir = '', newPassword = ''] = process.argv.slice(2)
const session = await unlockWithPassword(vaultDir, process.env.KEYWARD_PASSWORD ?? '', {
  clock: systemClock,
  actor: 'cli',
  sleep: async () => undefined,
})
writeSync(1, 'ready\n')
await changeMasterKey(session, newPassword, { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 })
session.lock()
writeSync(1, 'done\n')
