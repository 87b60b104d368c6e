import { isEmptyDoc, readSnapshot } from '../doc'
import { toJourneyJson, type JourneyJson } from '../model'
import type { MapSession } from '../sync'

/** The session's map holds nothing yet (a new map, before its template or import lands). */
export const isEmptyMap = (session: Pick<MapSession, 'doc'>): boolean => isEmptyDoc(session.doc)

/** The session's map as it is now, in the JSON interchange format (to publish or copy it). */
export const mapAsJson = (session: Pick<MapSession, 'doc'>): JourneyJson => toJourneyJson(readSnapshot(session.doc))
