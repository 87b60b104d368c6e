/**
 * The PostgreSQL schema, as numbered migrations applied in order at start-up and recorded in
 * `schema_migrations`. A migration, once released, never changes: a new one is appended. Each
 * must leave the schema usable by relays still running the previous release (add, never
 * rename or drop in the same step), so relays can be restarted one at a time.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'maps, update log and versions',
    sql: `
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
  {
    version: 2,
    name: 'quarantine for stored updates set aside',
    sql: `
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
  {
    version: 3,
    name: 'named seats: per-person links, revocable on their own',
    sql: `
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
  {
    version: 4,
    name: 'customer feedback: data sets and their responses',
    sql: `
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
]
