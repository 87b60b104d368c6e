/**
 * The address a request came from, as a key for limits that follow a client across reconnects.
 *
 * - IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is the IPv4 address it maps.
 * - An IPv6 address stands for its /64 network: one subscriber usually holds a whole /64, so
 *   counting single addresses would let one machine be as many clients as it likes.
 * - Behind a reverse proxy every request comes from the proxy; with `trustProxy` the address is
 *   the one the proxy appended last to `X-Forwarded-For` (the only entry a client cannot forge).
 */
import type { IncomingMessage } from 'node:http'
import net from 'node:net'

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  let address = req.socket.remoteAddress ?? 'unknown'
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim()
    if (last && net.isIP(last)) address = last
  }
  return addressKey(address)
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]
  if (net.isIPv6(address)) return `${ipv6Prefix64(address)}::/64`
  return address
}

/** The first four groups of an IPv6 address, with `::` expanded. */
function ipv6Prefix64(address: string): string {
  const [head, tail = ''] = address.split('%')[0].split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')
}
