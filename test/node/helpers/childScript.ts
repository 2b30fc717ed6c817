import { build } from 'esbuild'
import { randomUUID } from 'node:crypto'
import path from 'node:path'

const cacheDir = path.resolve(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache', 'keyward-test-children')

/**
 * Bundles a TypeScript child-process script to one ESM file (npm packages stay external), so a test can start it
 * with plain `node` many times without a TypeScript loader's start-up cost.
 */
export async function bundleChildScript(entry: string): Promise<string> {
  // Inside the repository, so the bundle's package imports resolve to node_modules.
  const outfile = path.join(cacheDir, `${path.basename(entry, '.ts')}-${randomUUID()}.mjs`)
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  })
  return outfile
}
