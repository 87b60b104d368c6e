import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // jsPDF and the embedded font are dynamic imports from src/io: they stay out of the initial chunk.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'server/**/*.test.ts'],
    // Timing-sensitive tests run alone afterwards (vitest.solo.config.ts).
    exclude: ['**/node_modules/**', '**/*.solo.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // PostgreSQL and Redis for the scale-out tests (see server/testing/services.ts).
    globalSetup: ['server/testing/globalSetup.ts'],
    projects: [
      { extends: true, test: { name: 'all' } },
      {
        // The relay suite (convergence, roles, limits, durability) once more, on one relay
        // with PostgreSQL storage and Redis fan-out instead of SQLite and the in-process bus.
        // Not `extends`: that would add the root's include patterns to these.
        test: {
          name: 'relay-postgres-redis',
          include: ['server/relay/{relay,limits,workshop,durability}.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          pool: 'forks',
          globalSetup: ['server/testing/globalSetup.ts'],
          env: { RELAY_TEST_BACKEND: 'postgres+redis' },
          setupFiles: ['server/testing/sharedBackendSetup.ts'],
        },
      },
    ],
  },
})
