/**
 * The server as its own process (`node --import tsx server/main.ts`), for tests that kill it and
 * benchmarks that measure its CPU apart from the clients'. The child reports its port in its
 * `server.listening` log line, so PORT=0 works.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { TEST_SECRET } from './testServer'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface ServerProcess {
  child: ChildProcess
  port: number
  url: string
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Log lines the process printed, parsed. */
  logs: Record<string, unknown>[]
}

export async function spawnServer(options: { dataDir: string; env?: Record<string, string>; script?: string; nodeArgs?: string[] }): Promise<ServerProcess> {
  // In the relay-postgres-redis test project, the same data directory means the same schema and key prefix.
  const shared = process.env.RELAY_TEST_BACKEND && !options.env?.DATABASE_URL ? await (await import('./sharedBackend')).sharedBackendFor(options.dataDir) : undefined
  const backendEnv: Record<string, string> = shared ? { DATABASE_URL: shared.databaseUrl, REDIS_URL: shared.redisUrl, REDIS_KEY_PREFIX: shared.redisKeyPrefix } : {}
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.script ?? 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, RELAY_TEST_BACKEND: '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: options.dataDir, AUTH_SECRET: TEST_SECRET, LOG_LEVEL: 'info', ...backendEnv, ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const logs: Record<string, unknown>[] = []
  const port = await new Promise<number>((resolve, reject) => {
    // A stall bound: a relay starts in about a second, but compiling it with tsx on a shared, loaded
    // machine has taken more than 20 s.
    const timer = setTimeout(() => reject(new Error('the server process did not report listening within 60 s')), 60_000)
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>
      try {
        entry = JSON.parse(line)
      } catch {
        return
      }
      logs.push(entry)
      if (entry.event === 'server.listening') {
        clearTimeout(timer)
        resolve(entry.port as number)
      }
    })
    void exited.then(({ code }) => reject(new Error(`the server process exited early with ${code}`)))
  })
  return { child, port, url: `http://127.0.0.1:${port}`, exited, logs }
}
