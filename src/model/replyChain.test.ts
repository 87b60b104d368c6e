import { describe, expect, it } from 'vitest'
import { findOrphans } from './orphans'
import { MAX_REPLY_DEPTH, replyChainRoot } from './replyChain'
import type { Comment, Snapshot } from './records'
import { emptyCollections } from './journeyJson'

const comment = (id: string, targetId: string): Comment => ({ id, targetId, author: 'Åse', text: 'Svar 🙂', createdAt: '2026-01-01T00:00:00.000Z', resolved: false }) as Comment

/** A chain of `length` comments, each answering the one before, the first on `root`. */
function chain(length: number, root = 'touchpoint:a'): Record<string, Comment> {
  const comments: Record<string, Comment> = {}
  for (let i = 0; i < length; i++) comments[`comment:${i}`] = comment(`comment:${i}`, i === 0 ? root : `comment:${i - 1}`)
  return comments
}

describe('replyChainRoot', () => {
  it('finds the record a top-level comment and a reply hang on', () => {
    const comments = chain(3)
    expect(replyChainRoot(comments, 'comment:0')).toBe('touchpoint:a')
    expect(replyChainRoot(comments, 'comment:2')).toBe('touchpoint:a')
  })

  it('reads a self-reply as hanging on nothing', () => {
    expect(replyChainRoot({ 'comment:s': comment('comment:s', 'comment:s') }, 'comment:s')).toBeNull()
  })

  it('reads two comments that answer each other, and a reply into their loop, as hanging on nothing', () => {
    const comments = { 'comment:a': comment('comment:a', 'comment:b'), 'comment:b': comment('comment:b', 'comment:a'), 'comment:c': comment('comment:c', 'comment:a') }
    expect(replyChainRoot(comments, 'comment:a')).toBeNull()
    expect(replyChainRoot(comments, 'comment:b')).toBeNull()
    expect(replyChainRoot(comments, 'comment:c')).toBeNull()
  })

  it('follows a chain of the largest allowed depth and stops one reply past it', () => {
    const comments = chain(MAX_REPLY_DEPTH + 2)
    expect(replyChainRoot(comments, `comment:${MAX_REPLY_DEPTH}`)).toBe('touchpoint:a')
    expect(replyChainRoot(comments, `comment:${MAX_REPLY_DEPTH + 1}`)).toBeNull()
  })

  it('stops after the largest allowed depth on a chain 100,000 long instead of walking it', () => {
    let reads = 0
    const comments = new Proxy(chain(100_000), {
      get(target, key: string) {
        reads++
        return target[key]
      },
    })
    expect(replyChainRoot(comments, 'comment:99999')).toBeNull()
    expect(reads).toBeLessThanOrEqual(MAX_REPLY_DEPTH + 1)
  })

  it('ends at a comment that is gone, so the caller sees a dangling reply', () => {
    expect(replyChainRoot({ 'comment:r': comment('comment:r', 'comment:gone') }, 'comment:r')).toBe('comment:gone')
  })

  it('does not take inherited object keys for comments', () => {
    expect(replyChainRoot({}, 'constructor')).toBe('constructor')
  })
})

describe('looping reply chains in the unplaced list', () => {
  it('lists self-replies, loops and too-deep chains as unplaced comments, and keeps fair replies in place', () => {
    const snapshot: Snapshot = { ...emptyCollections(), touchpoints: { 'touchpoint:a': { id: 'touchpoint:a' } } } as unknown as Snapshot
    snapshot.comments = {
      ...chain(MAX_REPLY_DEPTH + 2),
      'comment:s': comment('comment:s', 'comment:s'),
      'comment:x': comment('comment:x', 'comment:y'),
      'comment:y': comment('comment:y', 'comment:x'),
    }
    const unplaced = findOrphans(snapshot).comments.map((c) => c.id).sort()
    expect(unplaced).toEqual([`comment:${MAX_REPLY_DEPTH + 1}`, 'comment:s', 'comment:x', 'comment:y'].sort())
  })
})
