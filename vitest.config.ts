import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // The boot test loads the built main bundle with a stand-in for 'electron'; electron-store imports 'electron'
    // itself, so it must go through vitest's module graph for the stand-in to reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
})
