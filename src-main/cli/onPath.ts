import { accessSync, constants } from 'node:fs'
import path from 'node:path'

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Whether `program` would start: a path (it holds a separator) that is executable, or a name found executable in
 * one of PATH's folders — checked before a vault is unlocked for a command that could not run.
 */
export function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  if (program.includes('/') || (process.platform === 'win32' && program.includes('\\'))) return executable(program)
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : ['']
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter((folder) => folder !== '')
    .some((folder) => extensions.some((extension) => executable(path.join(folder, `${program}${extension}`))))
}
