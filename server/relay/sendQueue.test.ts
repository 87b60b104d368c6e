/**
 * One connection's outgoing queue (sendQueue.ts): bytes handed to the socket are counted until it
 * has written them, for the connection, its room and the process, and a socket that is never
 * quite drained (one message always in flight) keeps its bookkeeping small.
 */
import { expect, it } from 'vitest'
import { HeldBytes, SendQueue } from './sendQueue'

it('counts what is in flight until written, and keeps its books small when one message is always in flight', () => {
  const room = new HeldBytes()
  const process = new HeldBytes()
  const queue = new SendQueue({ perConnection: 1 << 30, perRoom: 1 << 30, perProcess: 1 << 30 }, room, process, () => 0)
  const messages = Array.from({ length: 5000 }, (_, i) => new Uint8Array(10 + (i % 7)))
  let written = queue.add(messages[0])
  for (let i = 1; i < messages.length; i++) {
    const next = queue.add(messages[i])
    written() // the older one is written; the newer stays in flight
    written = next
    expect(queue.bytes).toBe(messages[i].byteLength)
  }
  expect(room.bytes).toBe(messages.at(-1)!.byteLength)
  expect(process.bytes).toBe(messages.at(-1)!.byteLength)
  expect((queue as unknown as { inFlight: unknown[] }).inFlight.length).toBeLessThan(3000)
  written()
  expect(queue.bytes).toBe(0)
  expect(room.bytes).toBe(0)
})
