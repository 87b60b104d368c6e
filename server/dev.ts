/**
 * `npm run dev`: the same server with Vite in middleware mode instead of `dist/`, so the app
 * hot-reloads while the API and the relay behave exactly as in production.
 */
import { createServer as createViteServer } from 'vite'
import { startServer } from './app'
import { configFromEnv } from './config'

const server = await startServer({
  ...configFromEnv(),
  frontend: async (httpServer) => {
    const vite = await createViteServer({ server: { middlewareMode: true, ws: { server: httpServer } }, appType: 'spa' })
    return { handle: (req, res, next) => vite.middlewares(req, res, next), handlesUpgrades: true, close: () => vite.close() }
  },
})
console.log(`\n  journey canvas (dev): ${server.url}\n`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)))
