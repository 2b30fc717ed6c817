import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts', 'test/renderer/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Setup builds vaults and child bundles: vitest's 10 s default would report a slow machine's suite as skipped.
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // The boot test loads the built main bundle with a stand-in for 'electron'; electron-store imports 'electron'
    // itself, so it must go through vitest's module graph for the stand-in to reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
})
