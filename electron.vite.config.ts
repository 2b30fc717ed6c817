import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { metaContentSecurityPolicy } from './src-main/core/security/contentSecurityPolicy'

const root = import.meta.dirname

/**
 * Puts the CSP into the built index.html as a meta tag, on top of the header the app:// handler sends. Build
 * only: the dev server's hot reload needs inline scripts and a websocket that the policy forbids.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'keyward-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Pure-JS dependencies are bundled: resolving and reading zod's hundreds of files cost `keyward` ~40 ms at
      // every start. Native modules (SQLCipher, Argon2) and electron-store (it imports electron) stay external.
      externalizeDeps: { exclude: ['zod', 'commander', 'read', 'mute-stream'] },
      rollupOptions: {
        // The desktop app's main process, and the `keyward` CLI (plain Node) sharing the same core.
        // vaultWorker: the worker thread in which the app prepares a vault at unlock (integrity check, migrations,
        // daily backup) so the main process never stalls on a large one.
        input: {
          index: resolve(root, 'src-main/index.ts'),
          // The commander CLI, loaded by out/main/cli.cjs (src-main/cli/fast.ts, built by esbuild) when the agent
          // cannot serve a command.
          full: resolve(root, 'src-main/cli/full.ts'),
          vaultWorker: resolve(root, 'src-main/core/vault/vaultWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
        // The preload uses only the contract's name lists. Building zod schemas is side-effect free, so saying so
        // lets the bundler drop them and zod with them: zod probes `new Function` when a schema is built, which a
        // strict CSP reports as a violation, and the sandboxed preload should carry no code it does not run.
        treeshake: { manualPureFunctions: ['z'] },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      modulePreload: { polyfill: false },
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
})
