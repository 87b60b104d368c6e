/**
 * Counters and slots hold across relays: the same suite runs on the in-process implementation
 * (one relay) and on Redis with two instances standing for two relays.
 */
import { Redis } from 'ioredis'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { freshRedisPrefix } from '../testing/services'
import { InProcessCoordination } from './inProcess'
import { RedisCoordination } from './redis'
import type { Coordination } from './types'

const { redisUrl } = inject('services')
const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

/** Two views of the same shared state, as two relays would have. */
type Pair = () => Promise<[Coordination, Coordination]>

const inProcess: Pair = async () => {
  const one = new InProcessCoordination()
  return [one, one]
}

const redisPair: Pair = async () => {
  const { prefix, drop } = freshRedisPrefix(redisUrl)
  const connections = [new Redis(redisUrl), new Redis(redisUrl)]
  const [a, b] = connections.map((c) => new RedisCoordination(c, prefix, 600))
  cleanups.push(drop, () => connections.forEach((c) => c.disconnect()), async () => void (await Promise.all([a.close(), b.close()])))
  return [a, b]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each([
  ['in process', inProcess],
  ['Redis', redisPair],
] as const)('coordination: %s', (_name, pair) => {
  it('counts hits from every relay in one window, and starts afresh after it', async () => {
    const [a, b] = await pair()
    expect(await a.counters.hit('link:abc', 400)).toBe(1)
    expect(await b.counters.hit('link:abc', 400)).toBe(2)
    expect(await a.counters.hit('link:abc', 400, 5)).toBe(7)
    expect(await b.counters.hit('address:127.0.0.1', 400)).toBe(1) // another key
    await sleep(450)
    expect(await b.counters.hit('link:abc', 400)).toBe(1)
  })

  it('never hands out more slots than the limit, whichever relay asks', async () => {
    const [a, b] = await pair()
    const asks = Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).slots.acquire('participants:map_1', `holder${i}`, 4))
    expect((await Promise.all(asks)).filter(Boolean)).toHaveLength(4)
    expect(await a.slots.count('participants:map_1')).toBe(4)
    // Asking again for a slot one holds is no second slot.
    const holders = (await Promise.all(asks)).flatMap((ok, i) => (ok ? [`holder${i}`] : []))
    expect(await a.slots.acquire('participants:map_1', holders[0], 4)).toBe(true)
    expect(await b.slots.acquire('participants:map_1', 'late', 4)).toBe(false)
    // A release on one relay frees a slot for the other.
    const releaser = Number(holders[0].slice(6)) % 2 ? a : b
    await releaser.slots.release('participants:map_1', holders[0])
    expect(await b.slots.acquire('participants:map_1', 'late', 4)).toBe(true)
    expect(await a.slots.acquire('participants:map_2', 'elsewhere', 4)).toBe(true)
  })
})

it('Redis keeps a live relay’s slots past their lease and frees a dead relay’s', async () => {
  const [alive, dying] = await redisPair()
  expect(await alive.slots.acquire('participants:map_3', 'alive', 2)).toBe(true)
  expect(await dying.slots.acquire('participants:map_3', 'dying', 2)).toBe(true)
  await dying.close() // stops renewing, as a killed relay does
  expect(await alive.slots.acquire('participants:map_3', 'newcomer', 2)).toBe(false)
  await sleep(900) // past the 600 ms lease
  expect(await alive.slots.acquire('participants:map_3', 'newcomer', 2)).toBe(true)
  expect(await alive.slots.count('participants:map_3')).toBe(2) // alive + newcomer: the live lease was renewed
})
