/**
 * PostgreSQL and Redis for the tests and benchmarks that need them: the servers named by
 * DATABASE_URL / REDIS_URL when they answer, else the machine's own on 127.0.0.1:5432 (database
 * `test`, trust auth) and 127.0.0.1:6379, else throwaway servers started here on private ports
 * in temporary directories (installing Debian's `postgresql` and `redis-server` when missing).
 * Tests that stop or restart a server always start throwaway ones of their own.
 *
 * Every test file isolates itself: a PostgreSQL schema of its own (dropped afterwards) and a
 * Redis key prefix of its own (deleted afterwards).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import pg from 'pg'

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test'
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'

/** Does a PostgreSQL server answer at `url`? */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** Does a Redis server answer at `url`? */
export async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redis.on('error', () => {})
  try {
    await redis.connect()
    return (await redis.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    redis.disconnect()
  }
}

/** A free TCP port on loopback (free now; taken by whoever binds it next). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const isRoot = () => process.getuid?.() === 0

function aptInstall(pkg: string): void {
  console.log(`[services] installing Debian's ${pkg}`)
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

/** The directory holding initdb, pg_ctl and postgres, installing PostgreSQL when it is missing. */
export function postgresBinaries(): string {
  const find = () => {
    const root = '/usr/lib/postgresql'
    if (!fs.existsSync(root)) return undefined
    const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    return versions.length ? path.join(root, versions[0], 'bin') : undefined
  }
  const found = find()
  if (found) return found
  aptInstall('postgresql')
  const installed = find()
  if (!installed) throw new Error('PostgreSQL is not installed and could not be installed with apt-get')
  return installed
}

/** The redis-server binary, installing it when missing. */
export function redisServerBinary(): string {
  const find = () => ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => fs.existsSync(p))
  const found = find()
  if (found) return found
  aptInstall('redis-server')
  const installed = find()
  if (!installed) throw new Error('redis-server is not installed and could not be installed with apt-get')
  return installed
}

export interface ThrowawayPostgres {
  url: string
  port: number
  /** The server's processes now (postmaster and its children), to read their CPU time. */
  processIds(): number[]
  /** Stop the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>
  /** Start it again on the same port and data. */
  start(): Promise<void>
  /** Stop it and delete its data. */
  dispose(): Promise<void>
}

/**
 * A PostgreSQL server of its own: initdb into a temporary directory, trust auth, loopback only,
 * on a free port. `fsync=off` unless `durable`: nothing a test writes must survive a power cut
 * of the test machine, and stopping it (as the tests do) still writes everything out; a
 * benchmark asks for real flushes so commit costs are real.
 */
export async function startThrowawayPostgres(settings: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-pg-'))
  const dataDir = path.join(dir, 'data')
  // PostgreSQL refuses to run as root; as root, the cluster belongs to the `postgres` user.
  const asOwner = (command: string, args: string[]) => (isRoot() ? { file: 'runuser', args: ['-u', 'postgres', '--', command, ...args] } : { file: command, args })
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir])
  const run = (command: string, args: string[]) => {
    const { file, args: all } = asOwner(path.join(bin, command), args)
    const result = spawnSync(file, all, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`)
  }
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const port = await freePort()
  const flushes = settings.durable ? '' : '-c fsync=off -c full_page_writes=off'
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${flushes} -c synchronous_commit=on -c max_connections=200`
  const start = async () => run('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start'])
  const stop = async () => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'])
  await start()
  let running = true
  // If the test process exits without disposing, the server must not outlive it.
  const cleanup = () => {
    if (!running) return
    const { file, args } = asOwner(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop'])
    spawnSync(file, args)
  }
  process.once('exit', cleanup)
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    processIds() {
      const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
      const children = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
        try {
          const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster ? [Number(p)] : []
        } catch {
          return []
        }
      })
      return [postmaster, ...children]
    },
    async stop() {
      await stop()
      running = false
    },
    async start() {
      await start()
      running = true
    },
    async dispose() {
      if (running) await stop()
      running = false
      process.off('exit', cleanup)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface ThrowawayRedis {
  url: string
  port: number
  /** Kill the server at once (SIGKILL): it keeps nothing, as a Redis without persistence does on a crash. */
  kill(): Promise<void>
  /** Start it again, empty, on the same port. */
  start(): Promise<void>
  dispose(): Promise<void>
}

/** A Redis server of its own on a free loopback port, keeping nothing on disk. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const binary = redisServerBinary()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-redis-'))
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' })
    const deadline = Date.now() + 10_000
    while (!(await redisAnswers(url))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const kill = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }
  const cleanup = () => child?.kill('SIGKILL')
  process.once('exit', cleanup)
  await start()
  return {
    url,
    port,
    kill,
    start,
    async dispose() {
      await kill()
      process.off('exit', cleanup)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** `url` with a libpq `options` parameter that puts `schema` first on the search path. */
export function withSearchPath(url: string, schema: string): string {
  const [base, query = ''] = url.split('?')
  const params = query.split('&').filter((p) => p && !p.startsWith('options='))
  params.push(`options=${encodeURIComponent(`-c search_path=${schema}`)}`)
  return `${base}?${params.join('&')}`
}

/** A schema of its own on the server at `url`; `drop` removes it and everything in it. */
export async function freshPostgresSchema(url: string): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE SCHEMA ${schema}`)
  return { url: withSearchPath(url, schema), schema, drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) }
}

/** A key prefix of its own on the Redis at `url`; `drop` deletes every key under it. */
export function freshRedisPrefix(url: string): { prefix: string; drop(): Promise<void> } {
  const prefix = `t${randomBytes(5).toString('hex')}:`
  return {
    prefix,
    async drop() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 })
      redis.on('error', () => {})
      try {
        let cursor = '0'
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
          cursor = next
          if (keys.length) await redis.del(...keys)
        } while (cursor !== '0')
      } finally {
        redis.disconnect()
      }
    },
  }
}
