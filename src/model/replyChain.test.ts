import { describe, expect, it } from 'vitest'
import { followReplyChain, MAX_REPLY_DEPTH } from './replyChain'

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
