/**
 * The map's socket, opened by the page's first script (public/open-early.js) before this code
 * loaded. On a map link, in a browser holding no participant id for the map (so none of the map
 * either), that script asks for the id (see takeEarlyParticipant in api.ts) and, when the
 * participant has a name (else the app asks for one first), opens the socket as soon as the id is
 * issued, saying it holds nothing (`state=empty`): the relay's copy of the map is on its way while
 * the code loads. Until the socket is taken it keeps every event; unclaimed for 30 s it is closed.
 *
 * y-websocket adopts it through the constructor it is given (`WebSocketPolyfill`): for the same
 * URL (open-early.js writes the parameters as y-websocket does, in the order the session sets
 * them: token, participant, state) it gets that socket, and the events the socket had until then are handed to its handlers in
 * order, as if they came now. For any other URL the held socket is closed and a new one opened.
 */

/** What open-early.js leaves on `window.__journeyEarlySocket`. */
export interface HeldSocket {
  url: string
  socket: WebSocket
  /** open, message, error and close events, in the order they came. */
  events: Event[]
  /** Stop keeping events. */
  stop(): void
}

type Page = { __journeyEarlySocket?: HeldSocket }

/** The held socket, taken once, if it was opened for `url`; a held socket for another address is closed. */
export function takeEarlySocket(url: string, page: Page = window as Page): WebSocket | null {
  const held = page.__journeyEarlySocket
  if (!held) return null
  delete page.__journeyEarlySocket
  held.stop()
  if (held.url !== url || held.socket.readyState === held.socket.CLOSING) {
    held.socket.close()
    return null
  }
  const { socket, events } = held
  // The adopter sets its handlers right after construction: hand them what came, before anything
  // else can (a microtask runs before the socket's next event).
  queueMicrotask(() => {
    for (const event of events) {
      const handler = (socket as unknown as Record<string, ((e: Event) => void) | null>)[`on${event.type}`]
      handler?.call(socket, event)
    }
  })
  return socket
}

/** A WebSocket constructor that adopts the early socket for its address, or opens a new one. */
export function adoptingWebSocket(Native: typeof WebSocket = WebSocket, page?: Page): typeof WebSocket {
  return class {
    constructor(url: string | URL, protocols?: string | string[]) {
      return takeEarlySocket(String(url), page) ?? new Native(url, protocols)
    }
  } as unknown as typeof WebSocket
}
