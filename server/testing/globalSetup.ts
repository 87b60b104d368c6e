/**
 * Vitest global setup: finds (or starts) the PostgreSQL and Redis that scale-out tests share,
 * and hands their URLs to the test files (`inject('services')`). Never skips: if neither the
 * configured, the machine's nor a throwaway server can be had, the run fails here, saying why.
 * Point the tests at other servers with DATABASE_URL and REDIS_URL.
 */
import type { TestProject } from 'vitest/node'
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, postgresAnswers, postgresBinaries, redisAnswers, redisServerBinary, startThrowawayPostgres, startThrowawayRedis } from './services'

export interface SharedServices {
  databaseUrl: string
  redisUrl: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: SharedServices
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const teardown: (() => Promise<void>)[] = []
  // Tests that stop and restart servers start their own from these binaries: make sure they are here.
  postgresBinaries()
  redisServerBinary()

  const pick = async (what: string, configured: string | undefined, fallback: string, answers: (url: string) => Promise<boolean>, startOwn: () => Promise<{ url: string; dispose(): Promise<void> }>) => {
    if (configured) {
      if (await answers(configured)) return configured
      console.warn(`[services] ${what} at ${configured.replace(/\/\/[^@]*@/, '//…@')} does not answer; trying ${fallback}`)
    }
    if (await answers(fallback)) return fallback
    const own = await startOwn()
    console.log(`[services] started a throwaway ${what} at ${own.url}`)
    teardown.push(() => own.dispose())
    return own.url
  }
  const databaseUrl = await pick('PostgreSQL', process.env.DATABASE_URL, DEFAULT_DATABASE_URL, postgresAnswers, startThrowawayPostgres)
  const redisUrl = await pick('Redis', process.env.REDIS_URL, DEFAULT_REDIS_URL, redisAnswers, startThrowawayRedis)
  project.provide('services', { databaseUrl, redisUrl })
  return async () => {
    for (const stop of teardown.reverse()) await stop()
  }
}
