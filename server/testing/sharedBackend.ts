/**
 * The relay suite runs twice: on SQLite (the default) and, in the vitest project
 * `relay-postgres-redis`, on PostgreSQL + Redis (`RELAY_TEST_BACKEND=postgres+redis`). There,
 * every test server gets a schema and a Redis key prefix of its own on the shared services,
 * keyed by its data directory (a server restarted on the same directory finds its maps again),
 * dropped after the test file.
 */
import { inject } from 'vitest'
import { freshPostgresSchema, freshRedisPrefix } from './services'

export interface SharedBackend {
  databaseUrl: string
  redisUrl: string
  redisKeyPrefix: string
}

export const onSharedBackend = (): boolean => process.env.RELAY_TEST_BACKEND === 'postgres+redis'

const backends = new Map<string, Promise<SharedBackend>>()
const drops: (() => Promise<void>)[] = []

export function sharedBackendFor(dataDir: string): Promise<SharedBackend> {
  let backend = backends.get(dataDir)
  if (!backend) {
    backend = (async () => {
      const { databaseUrl, redisUrl } = inject('services')
      const schema = await freshPostgresSchema(databaseUrl)
      const prefix = freshRedisPrefix(redisUrl)
      drops.push(schema.drop, prefix.drop)
      return { databaseUrl: schema.url, redisUrl, redisKeyPrefix: prefix.prefix }
    })()
    backends.set(dataDir, backend)
  }
  return backend
}

export async function dropSharedBackends(): Promise<void> {
  backends.clear()
  await Promise.all(drops.splice(0).map((drop) => drop().catch(() => {})))
}
