/**
 * Customer feedback of a map (README "Customer feedback"; storage: feedbackTypes.ts):
 *
 *   GET    /api/maps/<id>/feedback            → {sets: [{id, name, createdAt, responses, from, to}]}   (any role)
 *   POST   /api/maps/<id>/feedback            {"id", "name", "responses": [{date, kind, score, comment, channel, target}]}
 *                                             → 201 the set, or 400 {errors: [{path: "row 12, column score", message}]}  (facilitator, editor)
 *   GET    /api/maps/<id>/feedback/<setId>    → {set, aggregates: [{target, kind, day, counts}], responses?}
 *   DELETE /api/maps/<id>/feedback/<setId>    → {deleted: true}: every response gone                    (facilitator, editor)
 *
 * Verbatims are personal data: facilitators and editors get each response with its comment;
 * a viewer gets only histograms per stage/touchpoint value, kind and day (everything the metrics,
 * intervals, periods and curves need, no text), and the quotes someone pinned, which the
 * document carries. Every row is checked before anything is stored, and stored in one
 * transaction: an upload is imported whole or not at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { aggregateResponses } from '../../src/feedback/metrics'
import { checkResponses, MAX_FEEDBACK_BYTES, MAX_FEEDBACK_NAME } from '../../src/feedback/responses'
import { authorize } from '../auth/authorize'
import { InputError } from '../maps'
import { MAP_ID } from '../mapIds'
import type { ApiDeps } from './api'
import { HttpError, parseJsonObject, readBody, sendJson } from './respond'

const SET_ID = /^feedback-set:[A-Za-z0-9]{1,40}$/
const ROUTE = new RegExp(`^/api/maps/(${MAP_ID.source.slice(1, -1)})/feedback(?:/(feedback-set:[A-Za-z0-9]{1,40}))?$`)
/** Data sets per map: a survey programme's quarters for years. */
const MAX_SETS = 200

export function createFeedbackApi(deps: ApiDeps) {
  const authorized = async (mapId: string, token: string | null, writes: boolean) => {
    const auth = await authorize(deps.signer, deps.store, mapId, token)
    if (!auth.ok) {
      deps.metrics.rejected.inc({ reason: auth.reason })
      throw new HttpError(auth.status, auth.message, { reason: auth.reason })
    }
    if (writes && auth.claims.role === 'viewer') {
      deps.metrics.rejected.inc({ reason: 'role_insufficient' })
      throw new HttpError(403, 'this needs a facilitator or editor link', { reason: 'role_insufficient' })
    }
    return auth
  }

  /** Handles the route and returns its metrics label, or returns undefined when the path is not ours. */
  return async function handleFeedback(req: IncomingMessage, res: ServerResponse, url: URL, token: string | null): Promise<string | undefined> {
    const match = ROUTE.exec(url.pathname.replace(/%3A/gi, ':'))
    if (!match) return undefined
    const [, mapId, setId] = match

    if (setId === undefined) {
      if (req.method === 'GET') {
        await authorized(mapId, token, false)
        sendJson(res, 200, { sets: await deps.store.listFeedbackSets(mapId) })
        return 'feedback-sets'
      }
      if (req.method !== 'POST') throw new HttpError(405, 'use GET or POST', {}, { Allow: 'GET, POST' })
      await authorized(mapId, token, true)
      const body = parseJsonObject((await readBody(req, MAX_FEEDBACK_BYTES)).toString('utf8'))
      const id = body.id
      if (typeof id !== 'string' || !SET_ID.test(id)) throw new InputError([{ path: 'id', message: 'expected a feedback-set id' }])
      const name = typeof body.name === 'string' ? body.name.trim() : ''
      if (!name || name.length > MAX_FEEDBACK_NAME) throw new InputError([{ path: 'name', message: `expected text of 1..${MAX_FEEDBACK_NAME} characters` }])
      const checked = checkResponses(body.responses)
      if (!checked.ok) throw new InputError(checked.problems.map((p) => ({ path: `responses: row ${p.row}, column ${p.column}`, message: p.message })))
      const existing = await deps.store.listFeedbackSets(mapId)
      if (existing.some((s) => s.id === id)) throw new HttpError(409, `data set ${id} exists`)
      if (existing.length >= MAX_SETS) throw new HttpError(409, `a map keeps at most ${MAX_SETS} data sets; delete one first`)
      const set = await deps.store.createFeedbackSet(mapId, { id, name, createdAt: new Date().toISOString() }, checked.responses)
      sendJson(res, 201, set)
      return 'feedback-import'
    }

    if (req.method === 'DELETE') {
      await authorized(mapId, token, true)
      if (!(await deps.store.deleteFeedbackSet(mapId, setId))) throw new HttpError(404, 'no such data set')
      sendJson(res, 200, { deleted: true })
      return 'feedback-delete'
    }
    if (req.method !== 'GET') throw new HttpError(405, 'use GET or DELETE', {}, { Allow: 'GET, DELETE' })
    const { claims } = await authorized(mapId, token, false)
    const set = (await deps.store.listFeedbackSets(mapId)).find((s) => s.id === setId)
    const responses = set && (await deps.store.loadFeedbackResponses(mapId, setId))
    if (!set || !responses) throw new HttpError(404, 'no such data set')
    const verbatim = claims.role !== 'viewer'
    sendJson(res, 200, { set, aggregates: aggregateResponses(responses), ...(verbatim ? { responses } : {}) })
    return verbatim ? 'feedback-responses' : 'feedback-aggregates'
  }
}

