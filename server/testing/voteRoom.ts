import { afterEach, beforeEach } from 'vitest'
import type { ShareLinks } from '../maps'
import { issueParticipant, SyncClient } from './syncClient'
import { startTestServer, type TestServer } from './testServer'

/**
 * A fresh relay and map for each test of a voting file, with participants who join from an address
 * of their own (the relay trusts X-Forwarded-For here), each under an id the relay issued or with
 * only a role token. Registers its own set-up and tear-down.
 */
export function voteRoom(title: string) {
  const room = {} as { server: TestServer; links: ShareLinks }
  const clients: SyncClient[] = []
  beforeEach(async () => {
    room.server = await startTestServer({ trustProxy: true })
    room.links = await room.server.createMap({ title })
  })
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
    await room.server.dispose()
  })

  async function join(token: string, address: string, participantToken?: string): Promise<SyncClient> {
    const client = await SyncClient.connect(room.server.url, room.links.id, token, {
      params: participantToken ? { participant: participantToken } : {},
      headers: { 'x-forwarded-for': address },
    })
    clients.push(client)
    await client.synced
    return client
  }

  async function participant(token: string, address: string) {
    const issued = await issueParticipant(room.server.url, room.links.id, token, undefined, { 'x-forwarded-for': address })
    return { id: issued.participantId, client: await join(token, address, issued.participantToken) }
  }

  return { room, join, participant }
}
