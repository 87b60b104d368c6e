/**
 * Where a comment's thread is anchored. A comment is about a record (a persona, stage, touchpoint,
 * annotation or phase) or answers another comment (`targetId` is a comment id); following
 * `targetId` through comments must reach something that is not a comment within
 * `MAX_REPLY_DEPTH` steps. Participants write these references, so the walk is bounded and
 * guarded by the comments it has seen: a self-reply, a cycle or an endless chain costs at most
 * `MAX_REPLY_DEPTH` lookups. The relay refuses a comment whose chain does not end; a reader
 * shows one stored before as a top-level comment.
 */

/**
 * Replies a chain may hold between a comment and the record its thread is about. A real thread
 * is a handful of answers deep (the app replies to the thread's comments, not to replies of
 * replies); 16 leaves room for any conversation while keeping a walk per written comment cheap.
 */
export const MAX_REPLY_DEPTH = 16

export type ReplyChainEnd =
  /**
   * The chain ends: `anchor` is the first id that is not a comment the map holds — the record the
   * thread is about, or a comment since deleted (read as a reply to nothing: a top-level comment).
   * `depth` is the number of comments passed on the way (0 for a comment on a record).
   */
  | { ends: true; anchor: string; depth: number }
  /** A self-reply or a cycle of replies, or a chain longer than the bound. */
  | { ends: false; problem: 'cycle' | 'too_deep' }

export const isCommentRef = (targetId: string): boolean => targetId.startsWith('comment:')

/**
 * Follow a comment's `targetId` through the comments it answers. `targetOf` gives a comment's
 * `targetId`, or undefined when the map holds no such comment.
 */
export function followReplyChain(commentId: string, targetOf: (commentId: string) => string | undefined, maxDepth: number = MAX_REPLY_DEPTH): ReplyChainEnd {
  const seen = new Set<string>([commentId])
  let target = targetOf(commentId)
  if (target === undefined) return { ends: true, anchor: commentId, depth: 0 }
  let depth = 0
  while (isCommentRef(target)) {
    if (seen.has(target)) return { ends: false, problem: 'cycle' }
    const next = targetOf(target)
    if (next === undefined) return { ends: true, anchor: target, depth }
    depth++
    if (depth > maxDepth) return { ends: false, problem: 'too_deep' }
    seen.add(target)
    target = next
  }
  return { ends: true, anchor: target, depth }
}

/**
 * The id a comment's thread hangs on, for readers of a snapshot: the record, a phase, or a comment
 * that is gone. `null` for a self-reply, a cycle or a chain past `maxDepth`: such a comment is read
 * as a top-level comment that hangs on nothing.
 */
export function replyChainRoot(comments: Readonly<Record<string, { targetId: string }>>, commentId: string, maxDepth = MAX_REPLY_DEPTH): string | null {
  const end = followReplyChain(commentId, (id) => (Object.hasOwn(comments, id) ? comments[id].targetId : undefined), maxDepth)
  return end.ends ? end.anchor : null
}
