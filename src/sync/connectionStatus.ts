/**
 * The connection state a participant is shown, from what the browser and the socket say. "Offline"
 * is only ever the browser's own word (navigator.onLine): a participant whose network works but
 * whose socket is down is reconnecting, and one the relay turned away is refused, with the reason.
 */
import { errorOfClose } from '../model'
import type { ConnectionStatus, Refusal } from '../store'

export interface SocketFacts {
  /** The relay refused this participant for good (a 44xx close, or the link refused over HTTP). */
  refused: boolean
  /** `navigator.onLine`. */
  online: boolean
  /** The socket is open and the relay has answered our sync step 1. */
  synced: boolean
  /** It was synced at least once in this session. */
  everSynced: boolean
}

export function connectionStatus(facts: SocketFacts): ConnectionStatus {
  if (facts.refused) return 'refused'
  if (!facts.online) return 'offline'
  if (facts.synced) return 'connected'
  return facts.everSynced ? 'reconnecting' : 'connecting'
}

/**
 * Why the relay closed a socket for good (y-websocket stops reconnecting on 4400–4499), as the
 * interface explains it, read through the close-code table the relay sends by
 * (model/errorCodes.ts). Transient closes (4529 rate limited, 1013 try again later, 1011 storage
 * failed, 1001 going away) never get here: y-websocket reconnects after them.
 */
export function refusalOfClose(code: number): Refusal {
  switch (errorOfClose(code)) {
    case 'link-revoked':
      return 'revoked'
    case 'schema-violation':
      return 'schema'
    case 'forbidden':
      return 'forbidden'
    default:
      return 'malformed'
  }
}
