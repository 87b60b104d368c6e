import * as Y from 'yjs'

/**
 * The document engine's types, for the layers that hand a map's document or undo manager on
 * without using Yjs themselves (the store binds to it, files are imported into it, actions run
 * commands on it): they name these, and only src/doc, commands, sync, session and the relay
 * import Yjs (src/architecture.test.ts).
 */
export type MapDoc = Y.Doc
export type MapUndoManager = Y.UndoManager

/** A fresh, empty map document (a template is built by running the real commands on one). */
export const createMapDoc = (): MapDoc => new Y.Doc()
