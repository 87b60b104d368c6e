import { afterAll, expect, inject, it } from 'vitest'
import pg from 'pg'
import { freshPostgresSchema } from '../testing/services'
import { describeMapStoreContract } from './contract'
import { openPostgresStore } from './postgres'
import { MIGRATIONS } from './migrations'

const { databaseUrl } = inject('services')
const schemas: { url: string; drop(): Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()))
})

const freshLocation = async () => {
  const schema = await freshPostgresSchema(databaseUrl)
  schemas.push(schema)
  return schema.url
}

describeMapStoreContract('PostgreSQL', { freshLocation, open: (url) => openPostgresStore(url) })

it('creates its tables by numbered migrations, once, even when relays start together', async () => {
  const url = await freshLocation()
  const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)])
  await Promise.all(stores.map((s) => s.close()))
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    const tables = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name')
    expect(tables.rows.map((r) => r.table_name)).toEqual(['feedback_responses', 'feedback_sets', 'join_codes', 'maps', 'quarantine', 'schema_migrations', 'seats', 'updates', 'versions'])
  } finally {
    await client.end()
  }
})

it('refuses to open when the server cannot be reached, saying so', async () => {
  await expect(openPostgresStore('postgres://127.0.0.1:1/none')).rejects.toThrow(/ECONNREFUSED|connect/)
})

it('keeps the search path the URL asks for beside its own connection options', async () => {
  const url = await freshLocation()
  const store = await openPostgresStore(url)
  await store.createMap({ id: 'map_d', title: 'd', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: new Uint8Array([0, 0]) })
  await store.close()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // The map went into the schema the URL named, not public.
    expect((await client.query('SELECT id FROM maps')).rows).toEqual([{ id: 'map_d' }])
  } finally {
    await client.end()
  }
})
