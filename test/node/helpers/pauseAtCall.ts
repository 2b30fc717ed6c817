// A preload (`node --import`) that forces an ordering between processes: when this process makes the named
// file-system call on the named path (the Nth time), it writes `<gate>/reached` and stops — synchronously, in the
// middle of whatever it was doing — until `<gate>/go` exists. Set by the test through the environment:
//   KEYWARD_PAUSE_AT   = "<fs function>|<absolute path>|<N, default 1>"   e.g. "renameSync|/tmp/v/vault.db.rekey"
//   KEYWARD_PAUSE_GATE = a directory the test watches
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import path from 'node:path'

const spec = process.env.KEYWARD_PAUSE_AT
const gate = process.env.KEYWARD_PAUSE_GATE
if (spec !== undefined && gate !== undefined) {
  const [call = '', target = '', nth = '1'] = spec.split('|')
  const calls = fs as unknown as Record<string, (...args: unknown[]) => unknown>
  const original = calls[call]
  const exists = fs.existsSync
  const write = fs.writeFileSync
  const sleeper = new Int32Array(new SharedArrayBuffer(4))
  if (original === undefined) throw new Error(`pauseAtCall: fs has no ${call}`)
  let seen = 0
  calls[call] = function paused(this: unknown, ...args: unknown[]) {
    if (String(args[0]) === target && ++seen === Number(nth)) {
      write(path.join(gate, 'reached'), String(process.pid))
      // Waits for the test — and gives up with it: a run killed mid-test must not leave this process waiting forever.
      const parent = process.ppid
      while (!exists(path.join(gate, 'go'))) {
        if (process.ppid !== parent) process.exit(1)
        Atomics.wait(sleeper, 0, 0, 10)
      }
    }
    return original.apply(this, args)
  }
  // The CLI imports fs functions by name (ESM): its bindings follow the module object only after this.
  syncBuiltinESMExports()
}
