/**
 * A writing round's drafts as the interface reaches them: kept in this browser only until the
 * reveal (sync/drafts.ts). Its own module, so the drafts load with the round and not before.
 */
export { addDraft, editDraft, loadDrafts, markLanded, MAX_DRAFTS, pendingDrafts, removeDraft, subscribeDrafts, type Draft } from '../sync/drafts'
