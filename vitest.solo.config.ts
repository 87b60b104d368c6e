import { defineConfig } from 'vitest/config'
import base from './vite.config.ts'

/**
 * Timing-sensitive tests (`*.solo.test.ts`): they measure latency, so they run one file at a time
 * after the other unit tests, never beside them.
 */
export default defineConfig({
  ...base,
  test: { ...base.test, projects: undefined, globalSetup: [], include: ['server/**/*.solo.test.ts', 'src/**/*.solo.test.ts'], exclude: ['**/node_modules/**'], fileParallelism: false },
})
