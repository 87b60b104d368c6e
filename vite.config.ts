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
    include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // PostgreSQL and Redis for the scale-out tests (see server/testing/services.ts).
    globalSetup: ['server/testing/globalSetup.ts'],
  },
})
