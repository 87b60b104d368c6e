/**
 * Where a comment's reply chain ends. A comment answers a record or another comment, and the
 * chain "always ends at a record" only while every participant plays fair: a stock client can
 * write a comment that answers itself, two that answer each other, or a chain thousands deep.
 * Every reader walks the chain through this one function, which stops at a revisited comment
 * and after `MAX_REPLY_DEPTH` steps, so no document can make a reader loop.
 */

/** Replies deeper than this are not a conversation; the relay refuses them, readers stop here. */
export const MAX_REPLY_DEPTH = 16

/**
 * The id the chain starting at `commentId` ends at: the first target that is not a comment held
 * in `comments` (a record, a phase, or a comment that is gone). `null` when the chain revisits a
 * comment or runs past `maxDepth` replies: such a comment is read as a top-level comment that
 * hangs on nothing.
 */
export function replyChainRoot(comments: Readonly<Record<string, { targetId: string }>>, commentId: string, maxDepth = MAX_REPLY_DEPTH): string | null {
  const visited = new Set<string>()
  let id = commentId
  // depth 0 is the comment itself, depth k the k-th comment it answers.
  for (let depth = 0; Object.hasOwn(comments, id); depth++) {
    if (depth > maxDepth || visited.has(id)) return null
    visited.add(id)
    id = comments[id].targetId
  }
  return id
}
