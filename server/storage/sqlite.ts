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
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { Role } from '../auth/tokens'
import { FEEDBACK_SCHEMA, sqliteFeedbackStore } from './sqliteFeedback'
import { MapExistsError, MapNotFoundError, type MapHead, type MapMeta, type MapStore, type QuarantinedUpdate, type Seat, type StoredUpdates, type VersionInfo, type VersionReason } from './types'

/**
 * Exclusive tasks running now, by database file, map and task name. SQLite lives on one machine
 * and, in practice, in one process; stores opened on the same file in this process share this.
 */
const runningExclusive = new Set<string>()

const SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  epoch_facilitator INTEGER NOT NULL DEFAULT 1,
  epoch_editor INTEGER NOT NULL DEFAULT 1,
  epoch_viewer INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE IF NOT EXISTS updates (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (map_id, seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quarantine (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (map_id, seq)
) STRICT;
CREATE TABLE IF NOT EXISTS seats (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  PRIMARY KEY (map_id, id)
) STRICT;
CREATE TABLE IF NOT EXISTS versions (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (map_id, id)
) STRICT;
`

interface MapRow {
  id: string
  title: string
  created_at: string
  epoch_facilitator: number
  epoch_editor: number
  epoch_viewer: number
}

const EPOCH_COLUMN: Record<Role, string> = { facilitator: 'epoch_facilitator', editor: 'epoch_editor', viewer: 'epoch_viewer' }

export interface SqliteOptions {
  /** `NORMAL` survives a process crash; `FULL` also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL'
}

export function openSqliteStore(dataDir: string, options: SqliteOptions = {}): MapStore {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(fs.realpathSync(dataDir), 'maps.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  // Another process (a second relay, a backup tool) may hold the lock briefly.
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)
  db.exec(FEEDBACK_SCHEMA)

  const insertMap = db.prepare('INSERT INTO maps (id, title, created_at) VALUES (?, ?, ?)')
  const selectMap = db.prepare<[string], MapRow>('SELECT * FROM maps WHERE id = ?')
  // One statement picks the next sequence number and inserts, so it stays right even when
  // another process writes to the same file.
  // A quarantined row keeps its number: the next one is past both tables.
  const appendUpdate = db.prepare<[string, Uint8Array, string, string], { seq: number }>(
    `INSERT INTO updates (map_id, seq, data)
     SELECT ?, COALESCE(MAX(seq), 0) + 1, ? FROM (SELECT seq FROM updates WHERE map_id = ? UNION ALL SELECT seq FROM quarantine WHERE map_id = ?)
     RETURNING seq`,
  )
  const insertUpdate = db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)')
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE map_id = ? AND seq > ? ORDER BY seq')
  const selectLastSeq = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM updates WHERE map_id = ?')
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
  const bump = Object.fromEntries(
    Object.entries(EPOCH_COLUMN).map(([role, column]) => [role, db.prepare<[string], { epoch: number }>(`UPDATE maps SET ${column} = ${column} + 1 WHERE id = ? RETURNING ${column} AS epoch`)]),
  ) as Record<Role, Database.Statement<[string], { epoch: number }>>

  const insertVersion = db.prepare('INSERT INTO versions (map_id, id, name, reason, created_at, state) VALUES (?, ?, ?, ?, ?, ?)')
  type VersionRow = { id: string; name: string; reason: string; created_at: string }
  const selectVersions = db.prepare<[string], VersionRow>('SELECT id, name, reason, created_at FROM versions WHERE map_id = ? ORDER BY created_at DESC, rowid DESC')
  const selectVersion = db.prepare<[string, string], VersionRow & { state: Buffer }>('SELECT id, name, reason, created_at, state FROM versions WHERE map_id = ? AND id = ?')
  const versionInfo = (r: VersionRow): VersionInfo => ({ id: r.id, name: r.name, reason: r.reason as VersionReason, createdAt: r.created_at })

  type SeatRow = { id: string; name: string; created_at: string; revoked_at: string | null }
  const insertSeat = db.prepare('INSERT INTO seats (map_id, id, name, created_at) VALUES (?, ?, ?, ?)')
  const selectSeats = db.prepare<[string], SeatRow>('SELECT id, name, created_at, revoked_at FROM seats WHERE map_id = ? ORDER BY created_at, rowid')
  const selectSeat = db.prepare<[string, string], SeatRow>('SELECT id, name, created_at, revoked_at FROM seats WHERE map_id = ? AND id = ?')
  const markSeatRevoked = db.prepare<[string, string, string], SeatRow>(
    'UPDATE seats SET revoked_at = COALESCE(revoked_at, ?) WHERE map_id = ? AND id = ? RETURNING id, name, created_at, revoked_at',
  )
  const seat = (r: SeatRow): Seat => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at })

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
      try {
        return appendUpdate.get(id, update, id, id)!.seq
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MapNotFoundError(`no map ${id}`)
        throw e
      }
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
        heads.set(id, { lastSeq: selectLastSeq.get(id)?.seq ?? 0, epochs: { facilitator: row.epoch_facilitator, editor: row.epoch_editor, viewer: row.epoch_viewer } })
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
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MapNotFoundError(`no map ${mapId}`)
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
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MapNotFoundError(`no map ${mapId}`)
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
    async close() {
      // A checkpoint folds the WAL into the main file so the data directory is one tidy file at rest.
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
