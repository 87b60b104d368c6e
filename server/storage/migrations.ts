/**
 * The storage schema of both engines, as one list of numbered migrations and one runner that
 * applies those not yet recorded in `schema_migrations`, in one transaction, one opener at a
 * time. A migration carries the SQL of each engine (types and syntax differ; the tables and
 * columns they make are the same), and once released it never changes: a new one is appended.
 *
 * Each must leave the schema usable by relays still running the previous release (add, never
 * rename or drop in the same step), so relays can be restarted one at a time.
 *
 * SQLite files written before this runner existed have some of the tables of migrations 1–4 and
 * no `schema_migrations`: SQLite's forms of those say `IF NOT EXISTS`, so such a file is brought
 * up to date like any other. Those tables never changed their columns while created that way.
 */
export type Engine = 'sqlite' | 'postgres'

export interface Migration {
  version: number
  name: string
  /** The statements for each engine; `null` when the engine already had what this one adds. */
  sql: Record<Engine, string | null>
}

/** What the runner needs of an engine: a transaction that holds the engine's migration lock. */
export interface MigrationTarget {
  engine: Engine
  locked<T>(work: (db: MigrationConnection) => Promise<T>): Promise<T>
}

export interface MigrationConnection {
  /** Run statements without parameters, several in one string. */
  exec(sql: string): Promise<void>
  appliedVersions(): Promise<number[]>
  record(migration: Migration): Promise<void>
}

export const SCHEMA_MIGRATIONS_TABLE: Record<Engine, string> = {
  sqlite: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  postgres: 'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'maps, update log and versions',
    sql: {
      sqlite: `
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
CREATE TABLE IF NOT EXISTS versions (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (map_id, id)
) STRICT;
`,
      postgres: `
CREATE TABLE maps (
  id text PRIMARY KEY,
  title text NOT NULL,
  -- ISO 8601 text as the relay wrote it, returned byte for byte.
  created_at text NOT NULL,
  -- The last sequence number handed out; appends take the next ones under this row's lock,
  -- so a map's sequence numbers commit in order, whichever relay appends.
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
  -- Insertion order, to list versions saved in the same millisecond newest first.
  saved bigserial NOT NULL,
  PRIMARY KEY (map_id, id)
);
`,
    },
  },
  {
    version: 2,
    name: 'quarantine for stored updates set aside',
    sql: {
      sqlite: `
CREATE TABLE IF NOT EXISTS quarantine (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (map_id, seq)
) STRICT;
`,
      postgres: `
CREATE TABLE quarantine (
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  reason text NOT NULL,
  quarantined_at text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (map_id, seq)
);
`,
    },
  },
  {
    version: 3,
    name: 'named seats: per-person links, revocable on their own',
    sql: {
      sqlite: `
CREATE TABLE IF NOT EXISTS seats (
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  PRIMARY KEY (map_id, id)
) STRICT;
`,
      postgres: `
CREATE TABLE seats (
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  created_at text NOT NULL,
  revoked_at text,
  -- Insertion order, to list seats made in the same millisecond oldest first.
  made bigserial NOT NULL,
  PRIMARY KEY (map_id, id)
);
`,
    },
  },
  {
    version: 4,
    name: 'customer feedback: data sets and their responses',
    sql: {
      sqlite: `
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
`,
      postgres: `
CREATE TABLE feedback_sets (
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  created_at text NOT NULL,
  responses integer NOT NULL,
  date_from text NOT NULL,
  date_to text NOT NULL,
  -- Insertion order, to list sets made in the same millisecond oldest first.
  made bigserial NOT NULL,
  PRIMARY KEY (map_id, id)
);
CREATE TABLE feedback_responses (
  map_id text NOT NULL,
  set_id text NOT NULL,
  n integer NOT NULL,
  date text NOT NULL,
  kind text NOT NULL,
  score smallint NOT NULL,
  comment text NOT NULL,
  channel text NOT NULL,
  target text NOT NULL,
  PRIMARY KEY (map_id, set_id, n),
  FOREIGN KEY (map_id, set_id) REFERENCES feedback_sets(map_id, id) ON DELETE CASCADE
);
`,
    },
  },
  {
    version: 5,
    name: 'SQLite gains the columns PostgreSQL has: last_seq, saved, made',
    sql: {
      // The sequence counter replaces the maximum over the log and quarantine, which counted
      // a quarantined row's number only while its row was kept; the insertion counters replace
      // rowid, which VACUUM may renumber.
      sqlite: `
ALTER TABLE maps ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
UPDATE maps SET last_seq = COALESCE((SELECT MAX(seq) FROM (
  SELECT seq FROM updates WHERE map_id = maps.id UNION ALL SELECT seq FROM quarantine WHERE map_id = maps.id
)), 0);
ALTER TABLE versions ADD COLUMN saved INTEGER NOT NULL DEFAULT 0;
UPDATE versions SET saved = rowid;
ALTER TABLE seats ADD COLUMN made INTEGER NOT NULL DEFAULT 0;
UPDATE seats SET made = rowid;
ALTER TABLE feedback_sets ADD COLUMN made INTEGER NOT NULL DEFAULT 0;
UPDATE feedback_sets SET made = rowid;
`,
      postgres: null,
    },
  },
  {
    version: 6,
    name: 'join codes: short codes that stand for a role link during a workshop',
    sql: {
      sqlite: `
CREATE TABLE IF NOT EXISTS join_codes (
  code TEXT PRIMARY KEY,
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  epoch INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS join_codes_expiry ON join_codes (expires_at);
`,
      postgres: `
CREATE TABLE join_codes (
  code text PRIMARY KEY,
  map_id text NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  role text NOT NULL,
  -- The role's epoch when the code was made: revoking the role's links retires the code too.
  epoch integer NOT NULL,
  created_at text NOT NULL,
  -- ISO 8601 text as the relay wrote it (UTC, fixed width), so it orders as it compares.
  expires_at text NOT NULL
);
CREATE INDEX join_codes_expiry ON join_codes (expires_at);
`,
    },
  },
]

/**
 * Apply every migration in `migrations` not yet recorded, in order, in one transaction: either
 * the schema reaches the latest version or it stays as it was. Returns the versions applied.
 */
export async function migrate(target: MigrationTarget, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return target.locked(async (db) => {
    await db.exec(SCHEMA_MIGRATIONS_TABLE[target.engine])
    const applied = new Set(await db.appliedVersions())
    const done: number[] = []
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue
      const sql = migration.sql[target.engine]
      if (sql !== null) await db.exec(sql)
      await db.record(migration)
      done.push(migration.version)
    }
    return done
  })
}
