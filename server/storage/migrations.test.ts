/**
 * Upgrades from schemas that were released: the old tables are made here with the SQL of the
 * time (copied from git history, never from migrations.ts), filled with maps the way that code
 * wrote them, and then opened through today's store, which must migrate them and keep every map.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import * as Y from 'yjs'
import { freshPostgresSchema } from '../testing/services'
import { MIGRATIONS, migrate, type Migration, type MigrationConnection } from './migrations'
import { openPostgresStore } from './postgres'
import { openSqliteStore } from './sqlite'
import type { MapStore } from './types'

/** SQLite as first released (commit 9cc162e, server/storage/sqlite.ts). */
const SQLITE_FIRST_RELEASE = `
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
`

/** SQLite as every server deployed before the migration runner made it (commit 931cfb8): tables, no `schema_migrations`. */
const SQLITE_BEFORE_RUNNER = `${SQLITE_FIRST_RELEASE}
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
CREATE TABLE IF NOT EXISTS feedback_sets (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  responses INTEGER NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  PRIMARY KEY (map_id, id)
) STRICT;
CREATE TABLE IF NOT EXISTS feedback_responses (
  map_id TEXT NOT NULL,
  set_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL,
  score INTEGER NOT NULL,
  comment TEXT NOT NULL,
  channel TEXT NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (map_id, set_id, n),
  FOREIGN KEY (map_id, set_id) REFERENCES feedback_sets(map_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
`

/** PostgreSQL as first released (commit c18e45f): migration 1 and its record. */
const POSTGRES_FIRST_RELEASE = `
CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE maps (
  id text PRIMARY KEY,
  title text NOT NULL,
  created_at text NOT NULL,
  last_seq bigint NOT NULL DEFAULT 0,
  epoch_facilitator integer NOT NULL DEFAULT 1,
  epoch_editor integer NOT NULL DEFAULT 1,
  epoch_viewer integer NOT NULL DEFAULT 1
);
CREATE TABLE updates (
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (map_id, seq)
);
CREATE TABLE versions (
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  reason text NOT NULL,
  created_at text NOT NULL,
  state bytea NOT NULL,
  saved bigserial NOT NULL,
  PRIMARY KEY (map_id, id)
);
INSERT INTO schema_migrations (version, name) VALUES (1, 'maps, update log and versions');
`

/** Two maps with text that must survive byte for byte, each as a log of several updates. */
function oldMaps(): { id: string; title: string; createdAt: string; updates: Uint8Array[]; content: Record<string, unknown> }[] {
  return [
    { id: 'map_værksted', title: 'Bilværksted: Karolines rejse — æøå 🚗', createdAt: '2024-01-02T03:04:05.006Z' },
    { id: 'map_resa', title: 'Resa till Malmö ✈️ äö', createdAt: '2024-02-03T04:05:06.007Z' },
  ].map((m, i) => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const meta = doc.getMap('meta')
    meta.set('title', m.title)
    meta.set('stages', ['Opdage', 'Bestille 📅', 'Hente'].slice(0, i + 2))
    meta.set('note', `kommentar ${i}: ÆØÅ`)
    return { ...m, updates, content: meta.toJSON() }
  })
}

async function expectMapsKept(store: MapStore, maps: ReturnType<typeof oldMaps>): Promise<void> {
  for (const m of maps) {
    const meta = await store.getMapMeta(m.id)
    expect(meta).toEqual({ id: m.id, title: m.title, createdAt: m.createdAt, epochs: { facilitator: 1, editor: 2, viewer: 1 } })
    const { updates, lastSeq } = await store.loadUpdates(m.id)
    expect(lastSeq).toBe(m.updates.length)
    const doc = new Y.Doc()
    updates.forEach((u) => Y.applyUpdate(doc, u))
    expect(doc.getMap('meta').toJSON()).toEqual(m.content)
    // The log goes on after the old rows, not over them.
    const more = new Y.Doc()
    Y.applyUpdate(more, Y.encodeStateAsUpdate(doc))
    let next!: Uint8Array
    more.once('update', (u: Uint8Array) => (next = u))
    more.getMap('meta').set('after', 'opgraderet ✓')
    expect(await store.appendUpdate(m.id, next)).toBe(m.updates.length + 1)
    expect((await store.mapHeads([m.id])).get(m.id)?.lastSeq).toBe(m.updates.length + 1)
  }
}

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
function sqliteFile(schema: string): { dir: string; db: Database.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-migrate-'))
  dirs.push(dir)
  const db = new Database(path.join(dir, 'maps.sqlite'))
  db.pragma('journal_mode = WAL')
  db.exec(schema)
  return { dir, db }
}

function sqliteColumns(db: Database.Database): Record<string, string[]> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().sort((a, b) => (a.name < b.name ? -1 : 1))
  return Object.fromEntries(tables.map((t) => [t.name, db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${t.name}')`).all().map((c) => c.name).sort()]))
}

describe('SQLite', () => {
  it('upgrades a file of the first released schema to the latest and keeps every map', async () => {
    const maps = oldMaps()
    const { dir, db } = sqliteFile(SQLITE_FIRST_RELEASE)
    for (const m of maps) {
      db.prepare('INSERT INTO maps (id, title, created_at) VALUES (?, ?, ?)').run(m.id, m.title, m.createdAt)
      m.updates.forEach((u, i) => db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)').run(m.id, i + 1, u))
      db.prepare('UPDATE maps SET epoch_editor = epoch_editor + 1 WHERE id = ?').run(m.id)
    }
    db.close()

    const store = await openSqliteStore(dir)
    try {
      await expectMapsKept(store, maps)
    } finally {
      await store.close()
    }
    const after = new Database(path.join(dir, 'maps.sqlite'))
    try {
      expect(after.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    } finally {
      after.close()
    }
  })

  it('upgrades a file written before the runner, keeping quarantine, versions, seats and feedback in order', async () => {
    const maps = oldMaps()
    const { dir, db } = sqliteFile(SQLITE_BEFORE_RUNNER)
    const [m] = maps
    db.prepare('INSERT INTO maps (id, title, created_at) VALUES (?, ?, ?)').run(m.id, m.title, m.createdAt)
    m.updates.forEach((u, i) => db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)').run(m.id, i + 1, u))
    // The newest row was set aside: its number must not be handed out again.
    db.prepare("INSERT INTO quarantine (map_id, seq, reason, quarantined_at, data) VALUES (?, ?, 'bad', '2024-01-03T00:00:00.000Z', x'00')").run(m.id, m.updates.length + 1)
    // Saved in the same millisecond: the later one lists first.
    for (const id of ['v_first', 'v_second']) db.prepare("INSERT INTO versions (map_id, id, name, reason, created_at, state) VALUES (?, ?, ?, 'manual', '2024-01-04T00:00:00.000Z', x'00')").run(m.id, id, `Før ${id} ✨`)
    for (const id of ['s_b', 's_a']) db.prepare("INSERT INTO seats (map_id, id, name, created_at) VALUES (?, ?, ?, '2024-01-05T00:00:00.000Z')").run(m.id, id, `Sæde ${id}`)
    for (const id of ['f_b', 'f_a']) db.prepare("INSERT INTO feedback_sets (map_id, id, name, created_at, responses, date_from, date_to) VALUES (?, ?, ?, '2024-01-06T00:00:00.000Z', 0, '', '')").run(m.id, id, `Svar ${id}`)
    db.close()

    const store = await openSqliteStore(dir)
    try {
      expect((await store.listQuarantined(m.id)).map((q) => q.seq)).toEqual([m.updates.length + 1])
      expect((await store.listVersions(m.id)).map((v) => v.id)).toEqual(['v_second', 'v_first'])
      expect((await store.listSeats(m.id)).map((s) => s.id)).toEqual(['s_b', 's_a'])
      expect((await store.listFeedbackSets(m.id)).map((s) => s.id)).toEqual(['f_b', 'f_a'])
      const { lastSeq } = await store.loadUpdates(m.id)
      expect(lastSeq).toBe(m.updates.length)
      expect(await store.appendUpdate(m.id, m.updates[0])).toBe(m.updates.length + 2)
      // Rows written after the upgrade still come after the old ones.
      await store.saveVersion(m.id, { id: 'v_third', name: 'Efter', reason: 'manual', createdAt: '2024-01-04T00:00:00.000Z', state: new Uint8Array([0]) })
      await store.createSeat(m.id, { id: 's_0', name: 'Ny', createdAt: '2024-01-05T00:00:00.000Z' })
      expect((await store.listVersions(m.id)).map((v) => v.id)).toEqual(['v_third', 'v_second', 'v_first'])
      expect((await store.listSeats(m.id)).map((s) => s.id)).toEqual(['s_b', 's_a', 's_0'])
    } finally {
      await store.close()
    }
  })

  it('applies nothing twice: a second open finds the schema current', async () => {
    const { dir, db } = sqliteFile('')
    db.close()
    const first = await openSqliteStore(dir)
    await first.close()
    const again = new Database(path.join(dir, 'maps.sqlite'))
    try {
      expect(await migrate({ engine: 'sqlite', locked: transactional(again) })).toEqual([])
    } finally {
      again.close()
    }
  })

  it('migrates once when one process opens the same file several times at once', async () => {
    const { dir, db } = sqliteFile('')
    db.close()
    const stores = await Promise.all([openSqliteStore(dir), openSqliteStore(dir), openSqliteStore(dir)])
    await stores[0].createMap({ id: 'map_y', title: 'Ø', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: new Uint8Array([0, 0]) })
    expect((await stores[2].getMapMeta('map_y'))?.title).toBe('Ø')
    await Promise.all(stores.map((s) => s.close()))
  })

  it('leaves the file as it was when a migration fails, and says which', async () => {
    const { dir, db } = sqliteFile(SQLITE_FIRST_RELEASE)
    db.prepare("INSERT INTO maps (id, title, created_at) VALUES ('map_x', 'Æble', '2024-01-01T00:00:00.000Z')").run()
    const before = sqliteColumns(db)
    const broken: Migration = { version: 99, name: 'broken', sql: { sqlite: 'ALTER TABLE maps ADD COLUMN extra TEXT; SELECT * FROM no_such_table;', postgres: null } }
    await expect(migrate({ engine: 'sqlite', locked: transactional(db) }, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/)
    expect(sqliteColumns(db)).toEqual(before)
    expect(db.prepare('SELECT title FROM maps').all()).toEqual([{ title: 'Æble' }])
    db.close()
    // Opening it normally still works: nothing was half-applied.
    const store = await openSqliteStore(dir)
    expect((await store.getMapMeta('map_x'))?.title).toBe('Æble')
    await store.close()
  })
})

function sqliteConnection(db: Database.Database): MigrationConnection {
  return {
    async exec(sql: string) {
      db.exec(sql)
    },
    async appliedVersions() {
      return db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version)
    },
    async record(m: Migration) {
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
    },
  }
}

function transactional(db: Database.Database) {
  return async <T,>(work: (c: MigrationConnection) => Promise<T>): Promise<T> => {
    db.exec('BEGIN IMMEDIATE')
    try {
      const result = await work(sqliteConnection(db))
      db.exec('COMMIT')
      return result
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}

describe('PostgreSQL', () => {
  const { databaseUrl } = inject('services')
  const schemas: { drop(): Promise<void> }[] = []
  afterAll(async () => {
    await Promise.all(schemas.map((s) => s.drop()))
  })
  async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }

  it('upgrades a database of the first released schema to the latest and keeps every map', async () => {
    const schema = await freshPostgresSchema(databaseUrl)
    schemas.push(schema)
    const maps = oldMaps()
    await withClient(schema.url, async (client) => {
      await client.query(POSTGRES_FIRST_RELEASE)
      for (const m of maps) {
        await client.query('INSERT INTO maps (id, title, created_at, last_seq, epoch_editor) VALUES ($1, $2, $3, $4, 2)', [m.id, m.title, m.createdAt, m.updates.length])
        for (const [i, u] of m.updates.entries()) await client.query('INSERT INTO updates (map_id, seq, data) VALUES ($1, $2, $3)', [m.id, i + 1, Buffer.from(u)])
      }
    })

    const store = await openPostgresStore(schema.url)
    try {
      await expectMapsKept(store, maps)
    } finally {
      await store.close()
    }
    await withClient(schema.url, async (client) => {
      const { rows } = await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    })
  })

  it('ends with the same tables and columns as SQLite', async () => {
    const schema = await freshPostgresSchema(databaseUrl)
    schemas.push(schema)
    await (await openPostgresStore(schema.url)).close()
    const postgres = await withClient(schema.url, async (client) => {
      const { rows } = await client.query<{ table_name: string; column_name: string }>(
        'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name',
      )
      const tables: Record<string, string[]> = {}
      for (const r of rows) (tables[r.table_name] ??= []).push(r.column_name)
      return Object.fromEntries(Object.entries(tables).sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, columns]) => [t, columns.sort()]))
    })
    const { dir, db } = sqliteFile('')
    db.close()
    await (await openSqliteStore(dir)).close()
    const file = new Database(path.join(dir, 'maps.sqlite'))
    try {
      expect(sqliteColumns(file)).toEqual(postgres)
    } finally {
      file.close()
    }
  })
})
