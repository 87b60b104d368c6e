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
    // Timing-sensitive tests run alone afterwards (vitest.solo.config.ts).
    exclude: ['**/node_modules/**', '**/*.solo.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
