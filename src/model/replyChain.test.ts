import { describe, expect, it } from 'vitest'
import { findOrphans } from './orphans'
import { followReplyChain, MAX_REPLY_DEPTH, replyChainRoot } from './replyChain'
import type { Comment, Snapshot } from './records'
import { emptyCollections } from './journeyJson'

const chain = (targets: Record<string, string>) => (id: string) => targets[id]

describe('a comment’s reply chain', () => {
  it('ends at the record its thread is about, counting the replies passed', () => {
    const targets = { 'comment:a': 'touchpoint:t', 'comment:b': 'comment:a', 'comment:c': 'comment:b' }
    expect(followReplyChain('comment:a', chain(targets))).toEqual({ ends: true, anchor: 'touchpoint:t', depth: 0 })
    expect(followReplyChain('comment:c', chain(targets))).toEqual({ ends: true, anchor: 'touchpoint:t', depth: 2 })
  })

  it('ends at a comment the map no longer holds', () => {
    expect(followReplyChain('comment:b', chain({ 'comment:b': 'comment:gone' }))).toEqual({ ends: true, anchor: 'comment:gone', depth: 0 })
  })

  it('does not end for a self-reply, a pair answering each other, or a cycle further up', () => {
    expect(followReplyChain('comment:a', chain({ 'comment:a': 'comment:a' }))).toEqual({ ends: false, problem: 'cycle' })
    expect(followReplyChain('comment:a', chain({ 'comment:a': 'comment:b', 'comment:b': 'comment:a' }))).toEqual({ ends: false, problem: 'cycle' })
    expect(followReplyChain('comment:x', chain({ 'comment:x': 'comment:a', 'comment:a': 'comment:b', 'comment:b': 'comment:a' }))).toEqual({ ends: false, problem: 'cycle' })
  })

  it('stops after MAX_REPLY_DEPTH replies, however long the chain, asking for at most that many', () => {
    const targets: Record<string, string> = { 'comment:0': 'stage:s' }
    for (let i = 1; i <= 100_000; i++) targets[`comment:${i}`] = `comment:${i - 1}`
    let asked = 0
    const counting = (id: string) => (asked++, targets[id])
    expect(followReplyChain(`comment:${MAX_REPLY_DEPTH}`, chain(targets))).toEqual({ ends: true, anchor: 'stage:s', depth: MAX_REPLY_DEPTH })
    expect(followReplyChain(`comment:${MAX_REPLY_DEPTH + 1}`, chain(targets))).toEqual({ ends: false, problem: 'too_deep' })
    expect(followReplyChain('comment:100000', counting)).toEqual({ ends: false, problem: 'too_deep' })
    expect(asked).toBeLessThanOrEqual(MAX_REPLY_DEPTH + 2)
  })
})

const comment = (id: string, targetId: string): Comment => ({ id, targetId, author: 'Åse', text: 'Svar 🙂', createdAt: '2026-01-01T00:00:00.000Z', resolved: false }) as Comment

/** A chain of `length` comments, each answering the one before, the first on `root`. */
function chainOf(length: number, root = 'touchpoint:a'): Record<string, Comment> {
  const comments: Record<string, Comment> = {}
  for (let i = 0; i < length; i++) comments[`comment:${i}`] = comment(`comment:${i}`, i === 0 ? root : `comment:${i - 1}`)
  return comments
}

describe('replyChainRoot', () => {
  it('finds the record a top-level comment and a reply hang on', () => {
    const comments = chainOf(3)
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
    const comments = chainOf(MAX_REPLY_DEPTH + 2)
    expect(replyChainRoot(comments, `comment:${MAX_REPLY_DEPTH}`)).toBe('touchpoint:a')
    expect(replyChainRoot(comments, `comment:${MAX_REPLY_DEPTH + 1}`)).toBeNull()
  })

  it('stops after the largest allowed depth on a chain 100,000 long instead of walking it', () => {
    let reads = 0
    const comments = new Proxy(chainOf(100_000), {
      get(target, key: string) {
        reads++
        return target[key]
      },
    })
    expect(replyChainRoot(comments, 'comment:99999')).toBeNull()
    expect(reads).toBeLessThanOrEqual(MAX_REPLY_DEPTH + 2)
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
      ...chainOf(MAX_REPLY_DEPTH + 2),
      'comment:s': comment('comment:s', 'comment:s'),
      'comment:x': comment('comment:x', 'comment:y'),
      'comment:y': comment('comment:y', 'comment:x'),
    }
    const unplaced = findOrphans(snapshot).comments.map((c) => c.id).sort()
    expect(unplaced).toEqual([`comment:${MAX_REPLY_DEPTH + 1}`, 'comment:s', 'comment:x', 'comment:y'].sort())
  })
})
