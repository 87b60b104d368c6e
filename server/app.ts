/**
 * One server: the built app, the API, `/healthz`, `/metrics` and the relay, on one port.
 * `main.ts` runs it from the environment; tests and benchmarks call `startServer` directly
 * (port 0, a temporary data directory).
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { loadOrCreateSecret } from './auth/secret'
import { ParticipantSigner } from './auth/participants'
import { TokenSigner } from './auth/tokens'
import { defaultConfig, type ConfigOverrides, type ServerConfig } from './config'
import { InProcessCoordination } from './coordination/inProcess'
import { RedisCoordination } from './coordination/redis'
import type { Coordination } from './coordination/types'
import { InProcessFanOut } from './fanout/inProcess'
import { RedisFanOut } from './fanout/redis'
import type { FanOut } from './fanout/types'
import { createApiHandler } from './http/api'
import { HttpError, sendError, sendJson } from './http/respond'
import { createStaticHandler } from './http/static'
import { createLogger, type Logger } from './log'
import { InputError, MapService } from './maps'
import { RelayMetrics } from './metrics'
import { Relay } from './relay/relay'
import { openPostgresStore } from './storage/postgres'
import { openSqliteStore } from './storage/sqlite'
import type { MapStore } from './storage/types'

/** Serves everything that is not API, health or metrics: the built app, or Vite in development. */
export interface Frontend {
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void
  /** True when the frontend takes WebSocket upgrades of its own (Vite's hot reload). */
  handlesUpgrades?: boolean
  close?(): Promise<void>
}

export interface StartOptions extends ConfigOverrides {
  /** A storage engine to use instead of SQLite in `dataDir` (shared between relays in tests). */
  store?: MapStore
  /** Fan-out shared with other relays; by default Redis when `redisUrl` is set, else an in-process bus of one. */
  fanOut?: FanOut
  /** Shared counters and slots; by default Redis when `redisUrl` is set, else in process. */
  coordination?: Coordination
  /** Built before the server listens; receives the HTTP server (Vite wants it for hot reload). */
  frontend?: (server: http.Server) => Promise<Frontend>
}

export interface RunningServer {
  port: number
  /** `http://host:port` as reachable from this machine. */
  url: string
  config: ServerConfig
  store: MapStore
  relay: Relay
  metrics: RelayMetrics
  log: Logger
  /** Stop accepting, close sockets with 1001, flush storage. Idempotent. */
  close(): Promise<void>
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { store: givenStore, fanOut: givenFanOut, coordination: givenCoordination, frontend: makeFrontend, ...overrides } = options
  const config = defaultConfig(overrides)
  const log = createLogger(config.logLevel)
  fs.mkdirSync(config.dataDir, { recursive: true })
  const metrics = new RelayMetrics()
  const relayId = randomUUID()
  const store =
    givenStore ??
    (config.databaseUrl
      ? await openPostgresStore(config.databaseUrl, { onError: (error) => log.warn('storage.connection_error', { error: error.message }) })
      : await openSqliteStore(config.dataDir))
  let redisFanOut: RedisFanOut | undefined
  if (!givenFanOut && config.redisUrl) {
    redisFanOut = await RedisFanOut.connect({ url: config.redisUrl, prefix: config.redisKeyPrefix, relayId, log, metrics }).catch(async (error: unknown) => {
      if (!givenStore) await store.close()
      throw error
    })
  }
  const fanOut = givenFanOut ?? redisFanOut ?? new InProcessFanOut()
  const coordination = givenCoordination ?? (redisFanOut ? new RedisCoordination(redisFanOut.redis, config.redisKeyPrefix) : new InProcessCoordination())
  const secret = loadOrCreateSecret(config.dataDir, config.authSecret)
  const signer = new TokenSigner(secret)
  const participants = new ParticipantSigner(secret)
  const relay = new Relay({
    store,
    signer,
    participants,
    fanOut,
    coordination,
    relayId,
    limits: config.limits,
    roomGraceMs: config.roomGraceMs,
    compactEvery: config.compactEvery,
    log,
    metrics,
    trustProxy: config.trustProxy,
  })
  const maps = new MapService(store, signer, relay.rooms)
  const api = createApiHandler({ config, maps, store, signer, participants, relay, metrics })
  const serveStatic = createStaticHandler(config.staticDir)
  const startedAt = Date.now()

  // Header and body limits are the first line against oversized requests, upgrades included.
  const server = http.createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 60_000, headersTimeout: 20_000 })
  const frontend = makeFrontend ? await makeFrontend(server) : undefined

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://server.invalid')
    } catch {
      sendJson(res, 400, { error: 'bad request target' })
      return
    }
    const done = (route: string) => {
      metrics.httpRequests.inc({ route, status: String(res.statusCode) })
      if (route !== 'static' && route !== 'frontend') {
        log.info('http.request', { method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) })
      }
    }
    const { pathname } = url
    if (pathname === '/healthz') {
      // Storage is the truth: without it the relay refuses writes, so it is not healthy. Without
      // Redis it still stores and serves, and other relays read its updates from storage.
      const storage = relay.storage.storageUp ? 'ok' : 'unreachable'
      const redis = !fanOut.shared ? 'not used' : fanOut.healthy ? 'ok' : 'unreachable'
      const ok = storage === 'ok' && !relay.draining
      sendJson(res, ok ? 200 : 503, {
        ok,
        ...(relay.draining ? { draining: true } : {}),
        storage,
        storageEngine: config.databaseUrl ? 'postgresql' : givenStore ? 'custom' : 'sqlite',
        redis,
        relayId,
        rooms: relay.rooms.loadedCount,
        connections: relay.connectionCount,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      })
      return done('healthz')
    }
    if (pathname === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(metrics.render())
      return done('metrics')
    }
    // Join codes (`/j/7KQ-4ZP-M3X`) are looked up by the API, which answers them with a redirect.
    if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/j/')) {
      api(req, res, url).then(done, (error: unknown) => {
        if (error instanceof InputError) sendError(res, new HttpError(400, error.message, { errors: error.errors }))
        else if (error instanceof HttpError) sendError(res, error)
        else {
          log.error('http.error', { method: req.method, path: pathname, error: String(error) })
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error' })
          else res.destroy()
        }
        done('api')
      })
      return
    }
    if (frontend) {
      frontend.handle(req, res, () => sendJson(res, 404, { error: 'not found' }))
      return done('frontend')
    }
    serveStatic(req, res, pathname).then(
      () => done('static'),
      () => res.destroy(),
    )
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (Relay.handles(req)) {
      relay.handleUpgrade(req, socket, head).catch((error: unknown) => {
        log.error('upgrade.error', { error: String(error) })
        socket.destroy()
      })
    } else if (!frontend?.handlesUpgrades) {
      metrics.rejected.inc({ reason: 'bad_path' })
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', () => socket.destroy())
    }
  })
  // A client that sends garbage before a request is parsed gets a 400 and is dropped.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    metrics.rejected.inc({ reason: error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'bad_http' })
    if (socket.writable) socket.end(error.code === 'HPE_HEADER_OVERFLOW' ? 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n' : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const reachableHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host
  log.info('server.listening', { port, host: config.host, relayId, storage: config.databaseUrl ? 'postgresql' : givenStore ? 'custom' : 'sqlite', redis: Boolean(config.redisUrl && !givenFanOut), dataDir: config.dataDir })

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      log.info('server.closing', { connections: relay.connectionCount, rooms: relay.rooms.loadedCount })
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      await relay.close()
      server.closeIdleConnections()
      await frontend?.close?.()
      await stopped
      if (!givenCoordination) await coordination.close()
      if (!givenFanOut) await fanOut.close()
      if (!givenStore) await store.close()
      log.info('server.closed')
    })())

  return { port, url: `http://${reachableHost}:${port}`, config: { ...config, port }, store, relay, metrics, log, close }
}
