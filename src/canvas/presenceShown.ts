import { createContext } from 'react'

/**
 * Whether the cards draw colleagues' live presence (their selections and edits). False in a
 * version's preview: a saved version is no one's live map, and a colleague's outline there would
 * read as a change marked on it.
 */
export const PresenceShown = createContext(true)
