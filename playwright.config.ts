import { defineConfig } from '@playwright/test'

/**
 * Browser tests drive Debian's Chromium (never a downloaded build) against the real server,
 * started from the built app on its own port and its own throwaway data directory.
 */
const PORT = Number(process.env.E2E_PORT ?? 8391)

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI, reported as flaky rather than hidden: a browser test on a loaded 2-core machine
  // can lose a frame race; a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./e2e/flakyReporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `rm -rf test-results/e2e-data && PORT=${PORT} HOST=127.0.0.1 DATA_DIR=test-results/e2e-data LOG_LEVEL=warn node_modules/.bin/tsx server/main.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
