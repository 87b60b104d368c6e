/**
 * Schema migrations: named, numbered steps that turn a document of version N into N+1.
 * They run on plain JSON (the interchange format or a server-side document dump) before
 * validation, so every way in sees the current shape.
 *
 * v1 is the first published schema, so the list is empty today; the mechanism is exercised in
 * `migrations.test.ts` with a fixture chain. When v2 lands, add `{ from: 1, name, up }` here with
 * a fixture of a real v1 file.
 */
export const SCHEMA_VERSION = 1

export type JsonObject = Record<string, unknown>

export interface Migration {
  /** The version this step reads; it produces `from + 1`. */
  from: number
  name: string
  up(doc: JsonObject): JsonObject
}

export const MIGRATIONS: readonly Migration[] = []

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
