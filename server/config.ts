/**
 * Everything the relay can be told, with the defaults a single machine needs. `main.ts` reads
 * it from the environment; tests pass an object to `startServer`.
 */
import path from 'node:path'
import type { SendBufferLimits } from './relay/sendQueue'

export interface RateLimit {
  /** Tokens added per second. */
  perSecond: number
  /** Bucket size: how many may arrive at once after a quiet spell. */
  burst: number
}

export interface RelayLimits {
  /** Largest WebSocket message accepted; a bigger one closes the sender with 1009. */
  maxMessageBytes: number
  /**
   * Largest answer an editor may give to the relay's sync step 1: a reconnecting client puts all
   * its offline work in that one message (see relay/offlineAnswers.ts). Live messages keep
   * `maxMessageBytes`.
   */
  maxOfflineMessageBytes: number
  /**
   * Bytes of answers larger than `maxMessageBytes` per participant (the burst is at least
   * `maxOfflineMessageBytes`): reconnecting in a loop does not push a big answer again and again.
   */
  offlineBytes: RateLimit
  /** Receive room this process holds open at once for such answers, all connections together. */
  offlineReceiveBytes: number
  /**
   * Sync step 2 and update messages per participant. Like the other message limits, kept per
   * participant (the relay-issued participant id; without one, the link from one address) across
   * reconnects, so reconnecting never refills it (see relay/participantLimits.ts).
   */
  updates: RateLimit
  /**
   * Bytes of sync step 2 and update messages per participant: what the relay spends reading and
   * applying them grows with their size, so their volume is bounded, not only their count. The
   * burst takes one message of the largest size.
   */
  updateBytes: RateLimit
  /** Awareness (presence) messages per participant; excess ones are dropped, not fatal. */
  awareness: RateLimit
  /**
   * Sync requests (sync step 1: "send me what I lack") per participant. A stock y-websocket client
   * sends one per (re)connect and at most one per resync interval; each answer can be the whole map.
   */
  syncRequests: RateLimit
  /** WebSocket upgrades per participant: how often one may (re)connect. */
  reconnects: RateLimit
  /**
   * WebSocket upgrades without a participant id (stock clients with only a role token), per link
   * and client address, all such holders together: a whole office's reconnect after a restart fits.
   */
  linkReconnects: RateLimit
  /** Open connections without a participant id per link and client address. */
  maxConnectionsPerLink: number
  /** Open connections per participant id (its tabs and devices), over all addresses. */
  maxConnectionsPerParticipant: number
  /** Open connections per client address (an IPv6 /64), over all maps: an office behind one NAT. */
  maxConnectionsPerAddress: number
  /** Participant ids issued per client address (`POST /api/maps/<id>/participants` without a valid one to renew). */
  participantIds: RateLimit
  /** What the relay buffers for readers that fall behind (see relay/sendQueue.ts). */
  sendBuffer: SendBufferLimits
  /** Open connections per room; one more is refused at the upgrade with 503. */
  maxParticipants: number
  /** Request target length on the upgrade; longer ones are refused with 414 before any auth work. */
  maxUpgradeUrlLength: number
  /** `POST /api/maps` and `/api/maps/import` per client IP. */
  createMaps: RateLimit
  /** New join codes per client address (http/joinCodes.ts). */
  joinCodes: RateLimit
  /** Join code lookups (`GET /j/<code>`) per client address: what keeps codes unguessable (http/joinCodes.ts). */
  joinLookups: RateLimit
}

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** `postgres://…`: store maps in PostgreSQL (shared by several relays) instead of SQLite in `dataDir`. */
  databaseUrl?: string
  /** `redis://…`: share rooms with other relays through Redis Streams. Needs `databaseUrl` and `authSecret`. */
  redisUrl?: string
  /** Put before every Redis key, so several deployments can share one Redis. */
  redisKeyPrefix: string
  /** HMAC key for share tokens; when absent one is generated once and kept in `dataDir`. */
  authSecret?: string
  /** Base of the share URLs; by default taken from the request's Host header. */
  publicUrl?: string
  /** The built app; requests outside the API fall back to its index.html. */
  staticDir: string
  /** How long an empty room stays loaded, so a reload or a flaky network does not reload it from disk. */
  roomGraceMs: number
  /** Updates appended to a map's log before it is folded into one snapshot. */
  compactEvery: number
  logLevel: LogLevel
  /** Take the client address from the last `X-Forwarded-For` entry: set it behind a reverse proxy. */
  trustProxy: boolean
  limits: RelayLimits
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

export const DEFAULT_LIMITS: RelayLimits = {
  maxMessageBytes: 1024 * 1024,
  // A whole collection of 20,000 cards with their fields is about 9 MB.
  maxOfflineMessageBytes: 16 * 1024 * 1024,
  // One full answer about every 8 minutes, after the first.
  offlineBytes: { perSecond: 32 * 1024, burst: 16 * 1024 * 1024 },
  // Four full answers, or many smaller ones, read at once.
  offlineReceiveBytes: 64 * 1024 * 1024,
  updates: { perSecond: 100, burst: 300 },
  updateBytes: { perSecond: 256 * 1024, burst: 1024 * 1024 },
  awareness: { perSecond: 60, burst: 120 },
  syncRequests: { perSecond: 0.2, burst: 10 },
  reconnects: { perSecond: 0.5, burst: 10 },
  linkReconnects: { perSecond: 5, burst: 200 },
  maxConnectionsPerLink: 60,
  maxConnectionsPerParticipant: 8,
  maxConnectionsPerAddress: 300,
  participantIds: { perSecond: 0.1, burst: 200 },
  sendBuffer: { perConnection: 4 * 1024 * 1024, perRoom: 32 * 1024 * 1024, perProcess: 256 * 1024 * 1024 },
  maxParticipants: 120,
  maxUpgradeUrlLength: 4096,
  createMaps: { perSecond: 30 / 60, burst: 30 },
  joinCodes: { perSecond: 1 / 60, burst: 30 },
  // 60 people behind one office address, each trying twice, then 2 a minute: ≈ 3,000 a day.
  joinLookups: { perSecond: 2 / 60, burst: 120 },
}

/** Settings to change from the defaults; limits may be given in part. */
export type ConfigOverrides = Partial<Omit<ServerConfig, 'limits'>> & { limits?: Partial<RelayLimits> }

export function defaultConfig(overrides: ConfigOverrides = {}): ServerConfig {
  return {
    port: 8080,
    host: '0.0.0.0',
    dataDir: path.resolve('data'),
    staticDir: path.resolve('dist'),
    roomGraceMs: 2000,
    compactEvery: 500,
    logLevel: 'info',
    trustProxy: false,
    redisKeyPrefix: 'journey:',
    ...overrides,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent']

/** Read the configuration from environment variables (see server/README.md for the list). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const int = (name: string, fallback: number): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name}: expected a non-negative number, got ${JSON.stringify(raw)}`)
    return value
  }
  const level = (env.LOG_LEVEL ?? 'info') as LogLevel
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(env.LOG_LEVEL)}`)
  const d = DEFAULT_LIMITS
  const databaseUrl = env.DATABASE_URL || undefined
  const redisUrl = env.REDIS_URL || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL: expected postgres://user@host:port/database')
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL: expected redis://host:port (or rediss:// for TLS)')
  // Relays that share rooms must share the maps and accept each other's links.
  if (redisUrl && !databaseUrl) throw new Error('REDIS_URL needs DATABASE_URL: relays sharing maps through Redis must share their storage (PostgreSQL)')
  if (redisUrl && !env.AUTH_SECRET) throw new Error('REDIS_URL needs AUTH_SECRET: every relay must sign and check links with the same secret')
  return defaultConfig({
    databaseUrl,
    redisUrl,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'journey:',
    port: int('PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    staticDir: path.resolve(env.STATIC_DIR || 'dist'),
    authSecret: env.AUTH_SECRET || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    roomGraceMs: int('ROOM_GRACE_MS', 2000),
    compactEvery: int('COMPACT_EVERY', 500),
    logLevel: level,
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    limits: {
      maxMessageBytes: int('MAX_MESSAGE_BYTES', d.maxMessageBytes),
      maxOfflineMessageBytes: int('MAX_OFFLINE_MESSAGE_BYTES', d.maxOfflineMessageBytes),
      offlineBytes: { perSecond: int('RATE_OFFLINE_BYTES_PER_SECOND', d.offlineBytes.perSecond), burst: int('MAX_OFFLINE_MESSAGE_BYTES', d.maxOfflineMessageBytes) },
      offlineReceiveBytes: int('OFFLINE_RECEIVE_BYTES', d.offlineReceiveBytes),
      updates: { perSecond: int('RATE_UPDATES_PER_SECOND', d.updates.perSecond), burst: int('RATE_UPDATES_BURST', d.updates.burst) },
      updateBytes: { perSecond: int('RATE_UPDATE_BYTES_PER_SECOND', d.updateBytes.perSecond), burst: Math.max(int('MAX_MESSAGE_BYTES', d.maxMessageBytes), int('RATE_UPDATE_BYTES_BURST', d.updateBytes.burst)) },
      awareness: { perSecond: int('RATE_AWARENESS_PER_SECOND', d.awareness.perSecond), burst: int('RATE_AWARENESS_BURST', d.awareness.burst) },
      syncRequests: { perSecond: int('RATE_SYNC_PER_SECOND', d.syncRequests.perSecond), burst: int('RATE_SYNC_BURST', d.syncRequests.burst) },
      sendBuffer: {
        perConnection: int('SEND_BUFFER_CONNECTION_BYTES', d.sendBuffer.perConnection),
        perRoom: int('SEND_BUFFER_ROOM_BYTES', d.sendBuffer.perRoom),
        perProcess: int('SEND_BUFFER_PROCESS_BYTES', d.sendBuffer.perProcess),
      },
      reconnects: { perSecond: int('RATE_RECONNECTS_PER_SECOND', d.reconnects.perSecond), burst: int('RATE_RECONNECTS_BURST', d.reconnects.burst) },
      linkReconnects: { perSecond: int('RATE_LINK_RECONNECTS_PER_SECOND', d.linkReconnects.perSecond), burst: int('RATE_LINK_RECONNECTS_BURST', d.linkReconnects.burst) },
      maxConnectionsPerLink: int('MAX_CONNECTIONS_PER_LINK', d.maxConnectionsPerLink),
      maxConnectionsPerParticipant: int('MAX_CONNECTIONS_PER_PARTICIPANT', d.maxConnectionsPerParticipant),
      maxConnectionsPerAddress: int('MAX_CONNECTIONS_PER_ADDRESS', d.maxConnectionsPerAddress),
      participantIds: { perSecond: int('RATE_PARTICIPANT_IDS_PER_MINUTE', 6) / 60, burst: int('RATE_PARTICIPANT_IDS_BURST', d.participantIds.burst) },
      maxParticipants: int('MAX_PARTICIPANTS', d.maxParticipants),
      maxUpgradeUrlLength: d.maxUpgradeUrlLength,
      createMaps: { perSecond: int('RATE_CREATE_MAPS_PER_MINUTE', 30) / 60, burst: int('RATE_CREATE_MAPS_PER_MINUTE', 30) },
      // Not settable: the lookup limit is what the join codes' length was chosen for.
      joinCodes: d.joinCodes,
      joinLookups: d.joinLookups,
    },
  })
}
