/**
 * Schema migrations: named, numbered steps that turn a document of version N into N+1.
 * They run on plain JSON (the interchange format or a server-side document dump) before
 * validation, so every way in sees the current shape. The live Y.Doc has its own step for each
 * (`src/doc/migrate.ts`), run by the relay when it loads a stored map.
 *
 * v2 stores every set of ids a record holds (an action's `addresses`, a service priority's
 * `touchpointIds`) as a nested Y.Map of id → true, so concurrent links merge. The interchange
 * format keeps sets as arrays, so its v1 → v2 step changes nothing but the number.
 */
export const SCHEMA_VERSION = 2

export type JsonObject = Record<string, unknown>

export interface Migration {
  /** The version this step reads; it produces `from + 1`. */
  from: number
  name: string
  up(doc: JsonObject): JsonObject
}

export const MIGRATIONS: readonly Migration[] = [{ from: 1, name: 'sets-of-ids-merge', up: (doc) => doc }]

export type MigrateResult =
  | { ok: true; doc: JsonObject; applied: string[] }
  | { ok: false; reason: 'newer' | 'invalid'; message: string }

/**
 * Bring `doc` (with a numeric `schemaVersion`) up to `target`. A document from a newer schema
 * than this build knows is not touched: the caller opens it read-only and says why.
 */
export function migrate(doc: JsonObject, migrations: readonly Migration[] = MIGRATIONS, target = SCHEMA_VERSION): MigrateResult {
  const version = doc.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid', message: `schemaVersion: expected a positive integer, got ${JSON.stringify(version)}` }
  }
  if (version > target) {
    return { ok: false, reason: 'newer', message: `schemaVersion: this map uses schema v${version}, newer than this app's v${target}; it opens read-only until the app is updated` }
  }
  let current: JsonObject = doc
  const applied: string[] = []
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v)
    if (!step) return { ok: false, reason: 'invalid', message: `schemaVersion: no migration from v${v} to v${v + 1}` }
    current = { ...step.up(current), schemaVersion: v + 1 }
    applied.push(`${v}→${v + 1} ${step.name}`)
  }
  return { ok: true, doc: current, applied }
}
