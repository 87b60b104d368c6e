/**
 * The storage engine several relays share: PostgreSQL through `pg`, chosen with
 * `DATABASE_URL=postgres://…`. Same interface and contract suite as SQLite.
 *
 * Durability: every append is one statement, committed (with `synchronous_commit = on`, set on
 * each connection whatever the server's default) before its promise resolves, so an update the
 * relay went on to broadcast survives a crash of the relay and of PostgreSQL itself.
 *
 * Throughput: appends to one map are written in call order, one statement at a time; those that
 * arrive while a statement is in flight go together in the next one (one commit, one WAL flush
 * for the lot). A busy room therefore costs about one commit per round trip, not one per update.
 *
 * Sequence numbers come from `maps.last_seq`, bumped in the same statement that inserts the rows:
 * the row lock orders appends from every relay, and a reader never sees seq n+1 without seq n.
 */
import pg from 'pg'
import type { Role } from '../auth/tokens'
import { migrate, type MigrationTarget } from './migrations'
import { postgresFeedbackStore } from './postgresFeedback'
import { driverErrorCode, JoinCodeTakenError, MapExistsError, MapNotFoundError, type MapHead, type MapMeta, type JoinCode, type MapStore, type QuarantinedUpdate, type Seat, type StoredUpdates, type VersionInfo, type VersionReason } from './types'

export interface PostgresOptions {
  /** Told about connection errors the pool recovers from on its own (a restarted server). */
  onError?(error: Error): void
  /** Largest number of connections for ordinary queries. */
  maxConnections?: number
}

/** A batch of appends goes in one statement up to this many updates or bytes. */
const MAX_BATCH_UPDATES = 5000
const MAX_BATCH_BYTES = 8 * 1024 * 1024
/** `pg_advisory_xact_lock` key serialising migrations of relays starting together. */
const MIGRATION_LOCK = 0x6a6d_0001
const EPOCH_COLUMN: Record<Role, string> = { facilitator: 'epoch_facilitator', editor: 'epoch_editor', viewer: 'epoch_viewer' }

interface MapRow {
  id: string
  title: string
  created_at: string
  last_seq: string
  epoch_facilitator: number
  epoch_editor: number
  epoch_viewer: number
}

interface PendingAppend {
  update: Buffer
  resolve(seq: number): void
  reject(error: unknown): void
}

const bytes = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)
const view = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const epochsOf = (row: Pick<MapRow, 'epoch_facilitator' | 'epoch_editor' | 'epoch_viewer'>) => ({ facilitator: row.epoch_facilitator, editor: row.epoch_editor, viewer: row.epoch_viewer })

/** Connect, bring the schema up to date, and return the store. Rejects if the server cannot be reached. */
export async function openPostgresStore(connectionString: string, options: PostgresOptions = {}): Promise<MapStore> {
  const settings: pg.PoolConfig = {
    ...withDurableCommits(connectionString),
    connectionTimeoutMillis: 5000,
    // A query that hangs (a partition, not a refusal) fails instead of holding a room forever.
    query_timeout: 15_000,
    idleTimeoutMillis: 30_000,
  }
  const pool = new pg.Pool({ ...settings, max: options.maxConnections ?? Number(process.env.DATABASE_POOL_SIZE || 10) })
  // Exclusive tasks hold a transaction (and its advisory lock) open while they run queries on
  // the main pool; a pool of their own keeps them from starving those queries.
  const lockPool = new pg.Pool({ ...settings, max: 2, connectionTimeoutMillis: 60_000 })
  for (const p of [pool, lockPool]) {
    // An idle connection the server dropped (restart, failover) is reported here; the pool
    // replaces it on next use. Without a listener the process would exit.
    p.on('error', (error) => options.onError?.(error))
    p.on('connect', (client) => client.on('error', (error) => options.onError?.(error)))
  }
  try {
    await migrate(postgresMigrationTarget(pool))
  } catch (error) {
    await Promise.all([pool.end(), lockPool.end()])
    throw error
  }

  const queues = new Map<string, PendingAppend[]>()
  const flushing = new Set<Promise<void>>()

  /** Write everything queued for `mapId`, a batch at a time, until the queue is empty. */
  async function drain(mapId: string): Promise<void> {
    const queue = queues.get(mapId)!
    while (queue.length) {
      let size = 0
      let count = 0
      while (count < queue.length && count < MAX_BATCH_UPDATES && (count === 0 || size + queue[count].update.byteLength <= MAX_BATCH_BYTES)) size += queue[count++].update.byteLength
      const batch = queue.splice(0, count)
      try {
        const { rows } = await pool.query<{ seq: string }>(
          `WITH s AS (UPDATE maps SET last_seq = last_seq + $3 WHERE id = $1 RETURNING last_seq)
           INSERT INTO updates (map_id, seq, data)
           SELECT $1, s.last_seq - $3 + u.ord, u.data FROM s, unnest($2::bytea[]) WITH ORDINALITY AS u(data, ord)
           RETURNING seq`,
          [mapId, batch.map((b) => b.update), batch.length],
        )
        if (rows.length === 0) throw new MapNotFoundError(`no map ${mapId}`)
        const first = Math.min(...rows.map((r) => Number(r.seq)))
        batch.forEach((b, i) => b.resolve(first + i))
      } catch (error) {
        batch.forEach((b) => b.reject(error))
      }
    }
    queues.delete(mapId)
  }

  const store: MapStore = {
    ...postgresFeedbackStore(pool, transaction),
    async createMap(input) {
      const { rowCount } = await pool.query(
        `WITH m AS (INSERT INTO maps (id, title, created_at, last_seq) VALUES ($1, $2, $3, 1) ON CONFLICT (id) DO NOTHING RETURNING id)
         INSERT INTO updates (map_id, seq, data) SELECT id, 1, $4 FROM m`,
        [input.id, input.title, input.createdAt, bytes(input.initialUpdate)],
      )
      if (rowCount === 0) throw new MapExistsError(`map ${input.id} exists`)
    },

    async getMapMeta(id): Promise<MapMeta | undefined> {
      const { rows } = await pool.query<MapRow>('SELECT * FROM maps WHERE id = $1', [id])
      const row = rows[0]
      return row && { id: row.id, title: row.title, createdAt: row.created_at, epochs: epochsOf(row) }
    },

    appendUpdate(id, update) {
      return new Promise<number>((resolve, reject) => {
        let queue = queues.get(id)
        const start = !queue
        if (!queue) queues.set(id, (queue = []))
        queue.push({ update: bytes(update), resolve, reject })
        if (start) {
          const done = drain(id).finally(() => flushing.delete(done))
          flushing.add(done)
        }
      })
    },

    async loadUpdates(id, afterSeq = 0): Promise<StoredUpdates> {
      // One statement, so the existence check and the rows come from one snapshot.
      const { rows } = await pool.query<{ seq: string | null; data: Buffer | null }>(
        'SELECT u.seq, u.data FROM maps m LEFT JOIN updates u ON u.map_id = m.id AND u.seq > $2 WHERE m.id = $1 ORDER BY u.seq',
        [id, afterSeq],
      )
      if (rows.length === 0) throw new MapNotFoundError(`no map ${id}`)
      const stored = rows.filter((r) => r.seq !== null)
      return { updates: stored.map((r) => view(r.data!)), lastSeq: stored.length ? Number(stored.at(-1)!.seq) : afterSeq, seqs: stored.map((r) => Number(r.seq)) }
    },

    async mapHeads(ids) {
      const { rows } = await pool.query<MapRow>('SELECT id, last_seq, epoch_facilitator, epoch_editor, epoch_viewer FROM maps WHERE id = ANY($1::text[])', [ids])
      return new Map<string, MapHead>(rows.map((r) => [r.id, { lastSeq: Number(r.last_seq), epochs: epochsOf(r) }]))
    },

    async compact(id, snapshot, upToSeq, title) {
      await transaction(pool, async (client) => {
        const found = await client.query('SELECT 1 FROM maps WHERE id = $1', [id])
        if (found.rowCount === 0) throw new MapNotFoundError(`no map ${id}`)
        // Rows appended meanwhile have higher sequence numbers and stay after the snapshot.
        await client.query('DELETE FROM updates WHERE map_id = $1 AND seq <= $2', [id, upToSeq])
        await client.query('INSERT INTO updates (map_id, seq, data) VALUES ($1, $2, $3)', [id, upToSeq, bytes(snapshot)])
        if (title !== undefined) await client.query('UPDATE maps SET title = $2 WHERE id = $1', [id, title])
      })
    },

    async quarantineUpdate(id, seq, reason) {
      // One statement: the row leaves the log and enters quarantine together, or not at all.
      await pool.query(
        `WITH moved AS (DELETE FROM updates WHERE map_id = $1 AND seq = $2 RETURNING map_id, seq, data)
         INSERT INTO quarantine (map_id, seq, reason, quarantined_at, data) SELECT map_id, seq, $3, $4, data FROM moved ON CONFLICT DO NOTHING`,
        [id, seq, reason.slice(0, 500), new Date().toISOString()],
      )
    },

    async listQuarantined(id): Promise<QuarantinedUpdate[]> {
      const { rows } = await pool.query<{ seq: string; reason: string; quarantined_at: string; data: Buffer }>('SELECT seq, reason, quarantined_at, data FROM quarantine WHERE map_id = $1 ORDER BY seq', [id])
      return rows.map((r) => ({ seq: Number(r.seq), reason: r.reason, quarantinedAt: r.quarantined_at, data: view(r.data) }))
    },

    async saveVersion(mapId, v) {
      try {
        await pool.query('INSERT INTO versions (map_id, id, name, reason, created_at, state) VALUES ($1, $2, $3, $4, $5, $6)', [mapId, v.id, v.name, v.reason, v.createdAt, bytes(v.state)])
      } catch (error) {
        if (driverErrorCode(error) === '23503') throw new MapNotFoundError(`no map ${mapId}`)
        throw error
      }
    },

    async listVersions(mapId) {
      const { rows } = await pool.query<VersionRow>('SELECT id, name, reason, created_at FROM versions WHERE map_id = $1 ORDER BY created_at DESC, saved DESC', [mapId])
      return rows.map(versionInfo)
    },

    async loadVersion(mapId, versionId) {
      const { rows } = await pool.query<VersionRow & { state: Buffer }>('SELECT id, name, reason, created_at, state FROM versions WHERE map_id = $1 AND id = $2', [mapId, versionId])
      return rows[0] && { ...versionInfo(rows[0]), state: view(rows[0].state) }
    },

    async bumpEpoch(id, role) {
      const column = EPOCH_COLUMN[role]
      const { rows } = await pool.query<{ epoch: number }>(`UPDATE maps SET ${column} = ${column} + 1 WHERE id = $1 RETURNING ${column} AS epoch`, [id])
      if (!rows[0]) throw new MapNotFoundError(`no map ${id}`)
      return rows[0].epoch
    },

    async createSeat(mapId, seat) {
      try {
        await pool.query('INSERT INTO seats (map_id, id, name, created_at) VALUES ($1, $2, $3, $4)', [mapId, seat.id, seat.name, seat.createdAt])
      } catch (error) {
        if (driverErrorCode(error) === '23503') throw new MapNotFoundError(`no map ${mapId}`)
        throw error
      }
    },

    async listSeats(mapId) {
      const { rows } = await pool.query<SeatRow>('SELECT id, name, created_at, revoked_at FROM seats WHERE map_id = $1 ORDER BY created_at, made', [mapId])
      return rows.map(seatOf)
    },

    async getSeat(mapId, seatId) {
      const { rows } = await pool.query<SeatRow>('SELECT id, name, created_at, revoked_at FROM seats WHERE map_id = $1 AND id = $2', [mapId, seatId])
      return rows[0] && seatOf(rows[0])
    },

    async revokeSeat(mapId, seatId, at) {
      const { rows } = await pool.query<SeatRow>(
        'UPDATE seats SET revoked_at = COALESCE(revoked_at, $3) WHERE map_id = $1 AND id = $2 RETURNING id, name, created_at, revoked_at',
        [mapId, seatId, at],
      )
      return rows[0] && seatOf(rows[0])
    },

    async createJoinCode(j) {
      try {
        await pool.query('INSERT INTO join_codes (code, map_id, role, epoch, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [j.code, j.mapId, j.role, j.epoch, j.createdAt, j.expiresAt])
      } catch (error) {
        if (driverErrorCode(error) === '23503') throw new MapNotFoundError(`no map ${j.mapId}`)
        if (driverErrorCode(error) === '23505') throw new JoinCodeTakenError('join code taken')
        throw error
      }
    },

    async getJoinCode(code) {
      const { rows } = await pool.query<JoinCodeRow>('SELECT code, map_id, role, epoch, created_at, expires_at FROM join_codes WHERE code = $1', [code])
      return rows[0] && joinCodeOf(rows[0])
    },

    async deleteExpiredJoinCodes(now) {
      const { rowCount } = await pool.query('DELETE FROM join_codes WHERE expires_at <= $1', [now])
      return rowCount ?? 0
    },

    async runExclusive(mapId, name, task) {
      const client = await lockPool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        // Held until this transaction ends, on whichever relay got it first; the others skip.
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked', [`journey:${name}`, mapId])
        if (!rows[0].locked) return undefined
        return await task()
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error))
        throw error
      } finally {
        await client.query('COMMIT').catch((error: Error) => (broken ??= error))
        client.release(broken)
      }
    },

    async ping() {
      await pool.query('SELECT 1')
    },

    async close() {
      while (flushing.size) await Promise.all([...flushing])
      await Promise.all([pool.end(), lockPool.end()])
    },
  }
  return store
}

/**
 * The connection string with `synchronous_commit=on` added to the libpq `options` every
 * connection starts with (keeping any the URL has, such as a search_path), so an append is on
 * disk when it resolves whatever the server's default.
 */
function withDurableCommits(connectionString: string): { connectionString: string; options: string } {
  const [base, query = ''] = connectionString.split('?')
  const params = query.split('&').filter(Boolean)
  const given = params.find((p) => p.startsWith('options='))
  const rest = params.filter((p) => p !== given)
  const options = [given ? decodeURIComponent(given.slice('options='.length).replace(/\+/g, ' ')) : '', '-c synchronous_commit=on'].filter(Boolean).join(' ')
  return { connectionString: rest.length ? `${base}?${rest.join('&')}` : base, options }
}

type JoinCodeRow = { code: string; map_id: string; role: string; epoch: number; created_at: string; expires_at: string }
const joinCodeOf = (r: JoinCodeRow): JoinCode => ({ code: r.code, mapId: r.map_id, role: r.role as Role, epoch: r.epoch, createdAt: r.created_at, expiresAt: r.expires_at })
type SeatRow = { id: string; name: string; created_at: string; revoked_at: string | null }
const seatOf = (r: SeatRow): Seat => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at })

type VersionRow = { id: string; name: string; reason: string; created_at: string }
const versionInfo = (r: VersionRow): VersionInfo => ({ id: r.id, name: r.name, reason: r.reason as VersionReason, createdAt: r.created_at })

async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    client.release()
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    // Anything thrown here means the connection may be unusable: release it as broken.
    client.release(true)
    throw error
  }
}

/** The migration runner's hold on PostgreSQL: one transaction under an advisory lock, so relays starting together migrate once. */
function postgresMigrationTarget(pool: pg.Pool): MigrationTarget {
  return {
    engine: 'postgres',
    locked: (work) =>
      transaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
        return work({
          async exec(sql) {
            await client.query(sql)
          },
          async appliedVersions() {
            const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
            return rows.map((r) => r.version)
          },
          async record(migration) {
            await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
          },
        })
      }),
  }
}
