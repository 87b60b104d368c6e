/** Setup file of the `relay-postgres-redis` vitest project: drop each file's schemas and keys afterwards. */
import { afterAll } from 'vitest'
import { dropSharedBackends } from './sharedBackend'

afterAll(dropSharedBackends)
