/**
 * Feedback data sets in the PostgreSQL engine (see feedbackTypes.ts; tables from migration 4).
 * A data set goes in in one transaction, its responses a slice of arrays at a time through
 * `unnest`, so 50,000 rows are a handful of statements and a failure leaves nothing behind.
 * A deleted data set's rows are gone for every reader at commit; PostgreSQL reclaims the space
 * at its next vacuum of the table.
 */
import type pg from 'pg'
import { dateRange, type FeedbackKind, type StoredResponse } from '../../src/feedback/responses'
import type { FeedbackSetInfo, FeedbackStore } from './feedbackTypes'
import { driverErrorCode, MapNotFoundError } from './types'

const SLICE = 10_000

type SetRow = { id: string; name: string; created_at: string; responses: number; date_from: string; date_to: string }
const setInfo = (r: SetRow): FeedbackSetInfo => ({ id: r.id, name: r.name, createdAt: r.created_at, responses: r.responses, from: r.date_from, to: r.date_to })

export function postgresFeedbackStore(pool: pg.Pool, transaction: <T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) => Promise<T>): FeedbackStore {
  return {
    async createFeedbackSet(mapId, set, responses) {
      const { from, to } = dateRange(responses)
      try {
        await transaction(pool, async (client) => {
          await client.query('INSERT INTO feedback_sets (map_id, id, name, created_at, responses, date_from, date_to) VALUES ($1, $2, $3, $4, $5, $6, $7)', [mapId, set.id, set.name, set.createdAt, responses.length, from, to])
          for (let start = 0; start < responses.length; start += SLICE) {
            const slice = responses.slice(start, start + SLICE)
            await client.query(
              `INSERT INTO feedback_responses (map_id, set_id, n, date, kind, score, comment, channel, target)
               SELECT $1, $2, u.n, u.date, u.kind, u.score, u.comment, u.channel, u.target
               FROM unnest($3::int[], $4::text[], $5::text[], $6::smallint[], $7::text[], $8::text[], $9::text[]) AS u(n, date, kind, score, comment, channel, target)`,
              [mapId, set.id, slice.map((_, i) => start + i + 1), slice.map((r) => r.date), slice.map((r) => r.kind), slice.map((r) => r.score), slice.map((r) => r.comment), slice.map((r) => r.channel), slice.map((r) => r.target)],
            )
          }
        })
      } catch (error) {
        if (driverErrorCode(error) === '23503') throw new MapNotFoundError(`no map ${mapId}`)
        throw error
      }
      return { id: set.id, name: set.name, createdAt: set.createdAt, responses: responses.length, from, to }
    },
    async listFeedbackSets(mapId) {
      const { rows } = await pool.query<SetRow>('SELECT id, name, created_at, responses, date_from, date_to FROM feedback_sets WHERE map_id = $1 ORDER BY created_at, made', [mapId])
      return rows.map(setInfo)
    },
    async loadFeedbackResponses(mapId, setId) {
      const { rows: sets } = await pool.query('SELECT 1 FROM feedback_sets WHERE map_id = $1 AND id = $2', [mapId, setId])
      if (!sets.length) return undefined
      const { rows } = await pool.query<StoredResponse>('SELECT n, date, kind, score, comment, channel, target FROM feedback_responses WHERE map_id = $1 AND set_id = $2 ORDER BY n', [mapId, setId])
      return rows.map((r) => ({ ...r, kind: r.kind as FeedbackKind }))
    },
    async deleteFeedbackSet(mapId, setId) {
      return transaction(pool, async (client) => {
        await client.query('DELETE FROM feedback_responses WHERE map_id = $1 AND set_id = $2', [mapId, setId])
        const { rowCount } = await client.query('DELETE FROM feedback_sets WHERE map_id = $1 AND id = $2', [mapId, setId])
        return (rowCount ?? 0) > 0
      })
    },
  }
}
