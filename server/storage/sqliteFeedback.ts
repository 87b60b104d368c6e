/**
 * Feedback data sets in the SQLite engine (see feedbackTypes.ts; tables from migration 4 in
 * migrations.ts).
 *
 * Deleting a data set runs with `secure_delete` on, so SQLite overwrites the freed pages with
 * zeros instead of leaving the comments readable in the file, and then checkpoints the WAL so the
 * old pages do not linger there either.
 */
import type Database from 'better-sqlite3'
import { dateRange, type FeedbackKind, type FeedbackResponse, type StoredResponse } from '../../src/feedback/responses'
import type { FeedbackSetInfo, FeedbackStore } from './feedbackTypes'
import { MapNotFoundError } from './types'

type SetRow = { id: string; name: string; created_at: string; responses: number; date_from: string; date_to: string }
const setInfo = (r: SetRow): FeedbackSetInfo => ({ id: r.id, name: r.name, createdAt: r.created_at, responses: r.responses, from: r.date_from, to: r.date_to })

export function sqliteFeedbackStore(db: Database.Database): FeedbackStore {
  const insertSet = db.prepare('INSERT INTO feedback_sets (map_id, id, name, created_at, responses, date_from, date_to, made) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(made), 0) + 1 FROM feedback_sets))')
  const insertResponse = db.prepare('INSERT INTO feedback_responses (map_id, set_id, n, date, kind, score, comment, channel, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const selectSets = db.prepare<[string], SetRow>('SELECT id, name, created_at, responses, date_from, date_to FROM feedback_sets WHERE map_id = ? ORDER BY created_at, made')
  const selectSet = db.prepare<[string, string], SetRow>('SELECT id, name, created_at, responses, date_from, date_to FROM feedback_sets WHERE map_id = ? AND id = ?')
  const selectResponses = db.prepare<[string, string], StoredResponse>('SELECT n, date, kind, score, comment, channel, target FROM feedback_responses WHERE map_id = ? AND set_id = ? ORDER BY n')
  const deleteResponses = db.prepare('DELETE FROM feedback_responses WHERE map_id = ? AND set_id = ?')
  const deleteSet = db.prepare('DELETE FROM feedback_sets WHERE map_id = ? AND id = ?')
  const mapExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM maps WHERE id = ?')

  const create = db.transaction((mapId: string, set: { id: string; name: string; createdAt: string }, responses: readonly FeedbackResponse[]) => {
    if (!mapExists.get(mapId)) throw new MapNotFoundError(`no map ${mapId}`)
    const { from, to } = dateRange(responses)
    insertSet.run(mapId, set.id, set.name, set.createdAt, responses.length, from, to)
    responses.forEach((r, i) => insertResponse.run(mapId, set.id, i + 1, r.date, r.kind, r.score, r.comment, r.channel, r.target))
    return { id: set.id, name: set.name, createdAt: set.createdAt, responses: responses.length, from, to }
  })
  const remove = db.transaction((mapId: string, setId: string) => {
    deleteResponses.run(mapId, setId)
    return deleteSet.run(mapId, setId).changes > 0
  })

  return {
    async createFeedbackSet(mapId, set, responses) {
      return create(mapId, set, responses)
    },
    async listFeedbackSets(mapId) {
      return selectSets.all(mapId).map(setInfo)
    },
    async loadFeedbackResponses(mapId, setId) {
      if (!selectSet.get(mapId, setId)) return undefined
      return selectResponses.all(mapId, setId).map((r) => ({ ...r, kind: r.kind as FeedbackKind }))
    },
    async deleteFeedbackSet(mapId, setId) {
      db.pragma('secure_delete = ON')
      try {
        const deleted = remove(mapId, setId)
        if (deleted) db.pragma('wal_checkpoint(TRUNCATE)')
        return deleted
      } finally {
        db.pragma('secure_delete = OFF')
      }
    },
  }
}
