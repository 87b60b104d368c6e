/**
 * A TCP load balancer on loopback for multi-relay tests: each new connection goes to the next
 * relay in turn (no sticky sessions), skipping relays that refuse, as nginx does with
 * `proxy_next_upstream error`. When a relay dies, its connections drop and clients reconnect
 * through the balancer to another relay.
 */
import net from 'node:net'

export interface Balancer {
  url: string
  port: number
  /** The relays' ports to balance over (takes effect for new connections). */
  setBackends(ports: number[]): void
  close(): Promise<void>
}

export async function startBalancer(initial: number[] = []): Promise<Balancer> {
  let backends = [...initial]
  let next = 0
  const open = new Set<net.Socket>()
  const server = net.createServer((client) => {
    client.pause()
    open.add(client)
    client.on('close', () => open.delete(client))
    client.on('error', () => {})
    const attempt = (tries: number) => {
      if (tries >= backends.length || client.destroyed) return void client.destroy()
      const port = backends[next++ % backends.length]
      const upstream = net.connect(port, '127.0.0.1')
      open.add(upstream)
      let connected = false
      upstream.once('connect', () => {
        connected = true
        client.pipe(upstream)
        upstream.pipe(client)
        client.resume()
      })
      upstream.on('error', () => {
        if (!connected) attempt(tries + 1)
      })
      upstream.on('close', () => {
        open.delete(upstream)
        if (connected) client.destroy()
      })
      client.on('close', () => upstream.destroy())
    }
    attempt(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setBackends(ports) {
      backends = [...ports]
    },
    async close() {
      for (const socket of open) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
