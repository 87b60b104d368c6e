/** Real servers for tests: an ephemeral port, a throwaway data directory, silent logs. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, type RunningServer, type StartOptions } from '../app'
import type { ShareLinks } from '../maps'

export const TEST_SECRET = 'test-only-secret-0123456789abcdef'

export interface TestServer extends RunningServer {
  dataDir: string
  createMap(body?: Record<string, unknown>): Promise<ShareLinks>
  /** Close the server and delete its data directory. */
  dispose(): Promise<void>
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'journey-relay-'))
}

export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  // In the relay-postgres-redis project, a server with no storage of its own given runs on PostgreSQL + Redis.
  const shared = process.env.RELAY_TEST_BACKEND && !options.store && !options.fanOut ? await (await import('./sharedBackend')).sharedBackendFor(dataDir) : {}
  const server = await startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', roomGraceMs: 50, authSecret: TEST_SECRET, staticDir: path.join(dataDir, 'no-dist'), ...shared, ...options, dataDir })
  return {
    ...server,
    dataDir,
    async createMap(body = {}) {
      const res = await fetch(`${server.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      if (res.status !== 201) throw new Error(`POST /api/maps: ${res.status} ${await res.text()}`)
      return (await res.json()) as ShareLinks
    },
    async dispose() {
      await server.close()
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Poll `check` until it returns true (or throw after `timeoutMs`). */
/**
 * No wait gives up sooner than this. A wait bounds a stall, not a speed: on a shared machine with a
 * load average of 14 a reconnect that takes 200 ms quiet has taken over 5 s, and a gate that fails
 * then rejects good work at random. Speeds are measured in bench/.
 */
const STALL_FLOOR_MS = 15_000

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + Math.max(timeoutMs, STALL_FLOOR_MS)
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
