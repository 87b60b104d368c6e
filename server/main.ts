/**
 * `npx tsx server/main.ts`: the production server (see server/README.md for its environment).
 * SIGTERM or SIGINT closes every socket with 1001, waits for storage, and exits 0.
 */
import { startServer } from './app'
import { configFromEnv } from './config'

const server = await startServer(configFromEnv())

let signalled = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) return
    signalled = true
    server.log.info('server.signal', { signal })
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.log.error('server.close_failed', { error: String(error) })
        process.exit(1)
      },
    )
  })
}
