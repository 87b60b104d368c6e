/**
 * The stock y-websocket relay (@y/websocket-server 0.1.1, no persistence), started the way its
 * own bin script does, for the comparison in relay.bench.ts. Prints its port as a JSON log line.
 */
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('okay')
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number }
  console.log(JSON.stringify({ event: 'server.listening', port: address.port }))
})
process.on('SIGTERM', () => process.exit(0))
