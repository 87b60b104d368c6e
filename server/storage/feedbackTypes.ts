/**
 * Customer-feedback data sets of a map, in the map's storage engine beside its document (which
 * holds only references to them: README, "Document additions"). Part of `MapStore`; the storage
 * contract (`contract.ts`) checks every engine.
 */
import type { FeedbackResponse, FeedbackSetInfo, StoredResponse } from '../../src/feedback/responses'

export type { FeedbackSetInfo }

export interface FeedbackStore {
  /**
   * Store a data set with all its responses in one transaction: afterwards either every response
   * is stored, numbered 1..n in the given order, or (on any failure) nothing is. Rejects with
   * MapNotFoundError for an unknown map.
   */
  createFeedbackSet(mapId: string, set: { id: string; name: string; createdAt: string }, responses: readonly FeedbackResponse[]): Promise<FeedbackSetInfo>
  /** A map's data sets, oldest first. */
  listFeedbackSets(mapId: string): Promise<FeedbackSetInfo[]>
  /** A data set's responses in sheet order, or undefined when there is no such set. */
  loadFeedbackResponses(mapId: string, setId: string): Promise<StoredResponse[] | undefined>
  /**
   * Delete a data set and every one of its responses, for good (personal data): the engines
   * overwrite what they can rather than only unlinking it. Resolves to false when there was none.
   */
  deleteFeedbackSet(mapId: string, setId: string): Promise<boolean>
}
