/**
 * A WebSocket client on a raw TCP socket that stops reading once upgraded, like a client on a
 * stalled network, and sends prebuilt frames in one write, so flooding costs the sending process
 * next to nothing (the test or benchmark measuring bystanders runs in that process too). It never
 * answers a close frame; the caller hangs up with `destroy()`.
 */
import net from 'node:net'

export interface StalledSocket {
  /** Send `message` as `times` binary frames, in one write. */
  flood(message: Uint8Array, times: number): void
  /** Resolves when the TCP connection is gone. */
  closed: Promise<void>
  destroy(): void
}

export async function openStalledSocket(port: number, path: string, headers: Record<string, string> = {}): Promise<StalledSocket> {
  const socket = net.connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n${extra}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)
  const head = await new Promise<string>((resolve) => socket.once('data', (d) => resolve(d.toString())))
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`)
  socket.pause()
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.on('error', () => {})
  return {
    flood(message, times) {
      // A masked binary frame with an all-zero mask: the payload goes as it is.
      if (message.length > 125) throw new Error('flood: messages up to 125 bytes')
      const frame = Buffer.concat([Buffer.from([0x82, 0x80 | message.length, 0, 0, 0, 0]), message])
      socket.write(Buffer.concat(Array.from({ length: times }, () => frame)))
    },
    closed,
    destroy: () => socket.destroy(),
  }
}
