/**
 * The default storage engine: one SQLite file in the data directory through better-sqlite3.
 *
 * Durability: WAL journal with `synchronous = NORMAL`. A committed transaction is in the WAL
 * file before `appendUpdate` returns, so it survives the process being killed (kill -9, crash,
 * OOM); only a power loss or kernel crash may lose the last transactions, which FULL would also
 * cover at the cost of an fsync per update. Set `synchronous: 'FULL'` for that.
 *
 * better-sqlite3 is synchronous: each call finishes its write before returning, so the
 * promise-returning methods below are already durable when they resolve (and when they return).
 * Each commit writes the map's counter page and a commit record to the WAL whatever it holds, so
 * a room stores the updates of one event-loop turn with one commit (`appendUpdatesNow`).
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { Role } from '../auth/tokens'
import { migrate, type MigrationTarget } from './migrations'
import { sqliteFeedbackStore } from './sqliteFeedback'
import { driverErrorCode, JoinCodeTakenError, MapExistsError, MapNotFoundError, type MapHead, type MapMeta, type JoinCode, type MapStore, type QuarantinedUpdate, type Seat, type StoredUpdates, type VersionInfo, type VersionReason } from './types'

/**
 * Exclusive tasks running now, by database file, map and task name. SQLite lives on one machine
 * and, in practice, in one process; stores opened on the same file in this process share this.
 */
const runningExclusive = new Set<string>()

interface MapRow {
  id: string
  title: string
  created_at: string
  last_seq: number
  epoch_facilitator: number
  epoch_editor: number
  epoch_viewer: number
}

const EPOCH_COLUMN: Record<Role, string> = { facilitator: 'epoch_facilitator', editor: 'epoch_editor', viewer: 'epoch_viewer' }

export interface SqliteOptions {
  /** `NORMAL` survives a process crash; `FULL` also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL'
}

/** Open (creating if need be) `maps.sqlite` in `dataDir` and bring its schema up to date. */
export async function openSqliteStore(dataDir: string, options: SqliteOptions = {}): Promise<MapStore> {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(fs.realpathSync(dataDir), 'maps.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  // Another process (a second relay, a backup tool) may hold the lock briefly.
  db.pragma('busy_timeout = 5000')
  try {
    await migrate(sqliteMigrationTarget(db, file))
  } catch (error) {
    db.close()
    throw error
  }

  const insertMap = db.prepare('INSERT INTO maps (id, title, created_at, last_seq) VALUES (?, ?, ?, 1)')
  const selectMap = db.prepare<[string], MapRow>('SELECT * FROM maps WHERE id = ?')
  // The map's counter hands out the next sequence number; bumping it takes the file's write lock
  // until the row is in, so numbers stay in order even when another process writes to the file.
  // A quarantined or compacted row keeps its number: the counter never goes back.
  const nextSeq = db.prepare<[string], { seq: number }>('UPDATE maps SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq AS seq')
  const insertUpdate = db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)')
  const appendUpdate = db.transaction((id: string, update: Uint8Array): number => {
    const row = nextSeq.get(id)
    if (!row) throw new MapNotFoundError(`no map ${id}`)
    insertUpdate.run(id, row.seq, update)
    return row.seq
  })
  // Several at once (a room's turn): the counter moves by their number, then each row goes in.
  const reserveSeqs = db.prepare<[number, string], { seq: number }>('UPDATE maps SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq AS seq')
  const appendUpdates = db.transaction((id: string, updates: readonly Uint8Array[]): number[] => {
    const row = reserveSeqs.get(updates.length, id)
    if (!row) throw new MapNotFoundError(`no map ${id}`)
    const first = row.seq - updates.length + 1
    return updates.map((update, i) => {
      insertUpdate.run(id, first + i, update)
      return first + i
    })
  })
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE map_id = ? AND seq > ? ORDER BY seq')
  const deleteUpTo = db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?')
  const setTitle = db.prepare('UPDATE maps SET title = ? WHERE id = ?')
  const moveToQuarantine = db.prepare(
    'INSERT OR IGNORE INTO quarantine (map_id, seq, reason, quarantined_at, data) SELECT map_id, seq, ?, ?, data FROM updates WHERE map_id = ? AND seq = ?',
  )
  const deleteUpdate = db.prepare('DELETE FROM updates WHERE map_id = ? AND seq = ?')
  const selectQuarantined = db.prepare<[string], { seq: number; reason: string; quarantined_at: string; data: Buffer }>(
    'SELECT seq, reason, quarantined_at, data FROM quarantine WHERE map_id = ? ORDER BY seq',
  )
  const quarantine = db.transaction((id: string, seq: number, reason: string) => {
    moveToQuarantine.run(reason, new Date().toISOString(), id, seq)
    deleteUpdate.run(id, seq)
  })
  const bumpColumn = (role: Role) => db.prepare<[string], { epoch: number }>(`UPDATE maps SET ${EPOCH_COLUMN[role]} = ${EPOCH_COLUMN[role]} + 1 WHERE id = ? RETURNING ${EPOCH_COLUMN[role]} AS epoch`)
  const bump: Record<Role, Database.Statement<[string], { epoch: number }>> = { facilitator: bumpColumn('facilitator'), editor: bumpColumn('editor'), viewer: bumpColumn('viewer') }

  const insertVersion = db.prepare('INSERT INTO versions (map_id, id, name, reason, created_at, state, saved) VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(saved), 0) + 1 FROM versions))')
  type VersionRow = { id: string; name: string; reason: string; created_at: string }
  const selectVersions = db.prepare<[string], VersionRow>('SELECT id, name, reason, created_at FROM versions WHERE map_id = ? ORDER BY created_at DESC, saved DESC')
  const selectVersion = db.prepare<[string, string], VersionRow & { state: Buffer }>('SELECT id, name, reason, created_at, state FROM versions WHERE map_id = ? AND id = ?')
  const versionInfo = (r: VersionRow): VersionInfo => ({ id: r.id, name: r.name, reason: r.reason as VersionReason, createdAt: r.created_at })

  type SeatRow = { id: string; name: string; created_at: string; revoked_at: string | null }
  const insertSeat = db.prepare('INSERT INTO seats (map_id, id, name, created_at, made) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(made), 0) + 1 FROM seats))')
  const selectSeats = db.prepare<[string], SeatRow>('SELECT id, name, created_at, revoked_at FROM seats WHERE map_id = ? ORDER BY created_at, made')
  const selectSeat = db.prepare<[string, string], SeatRow>('SELECT id, name, created_at, revoked_at FROM seats WHERE map_id = ? AND id = ?')
  const markSeatRevoked = db.prepare<[string, string, string], SeatRow>(
    'UPDATE seats SET revoked_at = COALESCE(revoked_at, ?) WHERE map_id = ? AND id = ? RETURNING id, name, created_at, revoked_at',
  )
  const seat = (r: SeatRow): Seat => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at })

  type JoinCodeRow = { code: string; map_id: string; role: string; epoch: number; created_at: string; expires_at: string }
  const insertJoinCode = db.prepare('INSERT INTO join_codes (code, map_id, role, epoch, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
  const selectJoinCode = db.prepare<[string], JoinCodeRow>('SELECT * FROM join_codes WHERE code = ?')
  const deleteExpiredJoinCodes = db.prepare('DELETE FROM join_codes WHERE expires_at <= ?')

  const create = db.transaction((input: { id: string; title: string; createdAt: string; initialUpdate: Uint8Array }) => {
    if (selectMap.get(input.id)) throw new MapExistsError(`map ${input.id} exists`)
    insertMap.run(input.id, input.title, input.createdAt)
    insertUpdate.run(input.id, 1, input.initialUpdate)
  })

  // The snapshot takes the highest replaced sequence number, so it keeps its place in the log.
  const compact = db.transaction((id: string, snapshot: Uint8Array, upToSeq: number, title?: string) => {
    if (!selectMap.get(id)) throw new MapNotFoundError(`no map ${id}`)
    deleteUpTo.run(id, upToSeq)
    insertUpdate.run(id, upToSeq, snapshot)
    if (title !== undefined) setTitle.run(title, id)
  })

  return {
    ...sqliteFeedbackStore(db),
    async createMap(input) {
      create(input)
    },
    async getMapMeta(id): Promise<MapMeta | undefined> {
      const row = selectMap.get(id)
      if (!row) return undefined
      return {
        id: row.id,
        title: row.title,
        createdAt: row.created_at,
        epochs: { facilitator: row.epoch_facilitator, editor: row.epoch_editor, viewer: row.epoch_viewer },
      }
    },
    async appendUpdate(id, update) {
      return appendUpdate.immediate(id, update)
    },
    appendUpdatesNow(id, updates) {
      return updates.length ? appendUpdates.immediate(id, updates) : []
    },
    async loadUpdates(id, afterSeq = 0): Promise<StoredUpdates> {
      if (!selectMap.get(id)) throw new MapNotFoundError(`no map ${id}`)
      const rows = selectUpdates.all(id, afterSeq)
      return { updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)), lastSeq: rows.at(-1)?.seq ?? afterSeq, seqs: rows.map((r) => r.seq) }
    },
    async mapHeads(ids) {
      const heads = new Map<string, MapHead>()
      for (const id of ids) {
        const row = selectMap.get(id)
        if (!row) continue
        heads.set(id, { lastSeq: row.last_seq, epochs: { facilitator: row.epoch_facilitator, editor: row.epoch_editor, viewer: row.epoch_viewer } })
      }
      return heads
    },
    async runExclusive(mapId, name, task) {
      const key = `${file}\0${mapId}\0${name}`
      if (runningExclusive.has(key)) return undefined
      runningExclusive.add(key)
      try {
        return await task()
      } finally {
        runningExclusive.delete(key)
      }
    },
    async ping() {
      db.prepare('SELECT 1').get()
    },
    async compact(id, snapshot, upToSeq, title) {
      compact(id, snapshot, upToSeq, title)
    },
    async quarantineUpdate(id, seq, reason) {
      quarantine(id, seq, reason.slice(0, 500))
    },
    async listQuarantined(id): Promise<QuarantinedUpdate[]> {
      return selectQuarantined.all(id).map((r) => ({ seq: r.seq, reason: r.reason, quarantinedAt: r.quarantined_at, data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength) }))
    },
    async saveVersion(mapId, v) {
      try {
        insertVersion.run(mapId, v.id, v.name, v.reason, v.createdAt, v.state)
      } catch (e) {
        if (driverErrorCode(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MapNotFoundError(`no map ${mapId}`)
        throw e
      }
    },
    async listVersions(mapId) {
      return selectVersions.all(mapId).map(versionInfo)
    },
    async loadVersion(mapId, versionId) {
      const row = selectVersion.get(mapId, versionId)
      return row ? { ...versionInfo(row), state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength) } : undefined
    },
    async bumpEpoch(id, role) {
      const row = bump[role].get(id)
      if (!row) throw new MapNotFoundError(`no map ${id}`)
      return row.epoch
    },
    async createSeat(mapId, s) {
      try {
        insertSeat.run(mapId, s.id, s.name, s.createdAt)
      } catch (e) {
        if (driverErrorCode(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MapNotFoundError(`no map ${mapId}`)
        throw e
      }
    },
    async listSeats(mapId) {
      return selectSeats.all(mapId).map(seat)
    },
    async getSeat(mapId, seatId) {
      const row = selectSeat.get(mapId, seatId)
      return row ? seat(row) : undefined
    },
    async revokeSeat(mapId, seatId, at) {
      const row = markSeatRevoked.get(at, mapId, seatId)
      return row ? seat(row) : undefined
    },
    async createJoinCode(j) {
      try {
        insertJoinCode.run(j.code, j.mapId, j.role, j.epoch, j.createdAt, j.expiresAt)
      } catch (e) {
        if (driverErrorCode(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MapNotFoundError(`no map ${j.mapId}`)
        if (driverErrorCode(e) === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new JoinCodeTakenError('join code taken')
        throw e
      }
    },
    async getJoinCode(code) {
      const row = selectJoinCode.get(code)
      return row ? joinCodeOf(row) : undefined
    },
    async deleteExpiredJoinCodes(now) {
      return deleteExpiredJoinCodes.run(now).changes
    },
    async close() {
      // A checkpoint folds the WAL into the main file so the data directory is one tidy file at rest.
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}

/** Openers of each file in this process, in turn: a second one waits for the first's migration. */
const migrating = new Map<string, Promise<unknown>>()

/**
 * The migration runner's hold on SQLite: `BEGIN IMMEDIATE` takes the file's write lock, so another
 * process opening the same file waits (busy_timeout) and then finds the work done.
 */
function sqliteMigrationTarget(db: Database.Database, file: string): MigrationTarget {
  return {
    engine: 'sqlite',
    async locked(work) {
      const before = migrating.get(file) ?? Promise.resolve()
      const run = before.catch(() => {}).then(async () => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await work({
            async exec(sql) {
              db.exec(sql)
            },
            async appliedVersions() {
              return db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version)
            },
            async record(migration) {
              db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString())
            },
          })
          db.exec('COMMIT')
          return result
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK')
          throw error
        }
      })
      migrating.set(file, run)
      try {
        return await run
      } finally {
        if (migrating.get(file) === run) migrating.delete(file)
      }
    },
  }
}

function joinCodeOf(r: { code: string; map_id: string; role: string; epoch: number; created_at: string; expires_at: string }): JoinCode {
  return { code: r.code, mapId: r.map_id, role: r.role as Role, epoch: r.epoch, createdAt: r.created_at, expiresAt: r.expires_at }
}
