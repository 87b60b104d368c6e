/**
 * Several relay processes sharing PostgreSQL and Redis behind a loopback balancer, for the
 * multi-relay tests: each relay is `server/main.ts` in a child process (so it can be killed with
 * SIGKILL or drained with SIGTERM), clients are stock y-websocket `WebsocketProvider`s.
 */
import fs from 'node:fs'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { ShareLinks } from '../maps'
import { startBalancer, type Balancer } from './balancer'
import { spawnServer, type ServerProcess } from './serverProcess'
import { tempDataDir } from './testServer'

export interface ClusterOptions {
  databaseUrl: string
  redisUrl: string
  redisKeyPrefix: string
  relays: number
  env?: Record<string, string>
}

export class RelayCluster {
  readonly relays: (ServerProcess | undefined)[] = []
  private readonly dirs: string[] = []
  private readonly providers: WebsocketProvider[] = []

  private constructor(
    readonly balancer: Balancer,
    private readonly options: ClusterOptions,
  ) {}

  static async start(options: ClusterOptions): Promise<RelayCluster> {
    const cluster = new RelayCluster(await startBalancer(), options)
    await Promise.all(Array.from({ length: options.relays }, (_, i) => cluster.startRelay(i)))
    return cluster
  }

  get url(): string {
    return this.balancer.url
  }

  live(): ServerProcess[] {
    return this.relays.filter((r): r is ServerProcess => r !== undefined)
  }

  async startRelay(index: number): Promise<ServerProcess> {
    const dataDir = tempDataDir()
    this.dirs.push(dataDir)
    const relay = await spawnServer({
      dataDir,
      env: {
        DATABASE_URL: this.options.databaseUrl,
        REDIS_URL: this.options.redisUrl,
        REDIS_KEY_PREFIX: this.options.redisKeyPrefix,
        ROOM_GRACE_MS: '200',
        // Edit storms here go past the default per-connection limits on purpose.
        RATE_UPDATES_PER_SECOND: '100000',
        RATE_UPDATES_BURST: '100000',
        ...this.options.env,
      },
    })
    this.relays[index] = relay
    this.balancer.setBackends(this.live().map((r) => r.port))
    return relay
  }

  /** kill -9: no shutdown at all. */
  async kill(index: number): Promise<void> {
    const relay = this.relays[index]!
    this.relays[index] = undefined
    this.balancer.setBackends(this.live().map((r) => r.port))
    relay.child.kill('SIGKILL')
    await relay.exited
  }

  /** SIGTERM: the relay drains (closes sockets with 1001, stores, unloads) and exits. */
  async stop(index: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const relay = this.relays[index]!
    this.relays[index] = undefined
    this.balancer.setBackends(this.live().map((r) => r.port))
    relay.child.kill('SIGTERM')
    return relay.exited
  }

  async createMap(title: string): Promise<ShareLinks> {
    const res = await fetch(`${this.live()[0].url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) })
    if (res.status !== 201) throw new Error(`POST /api/maps: ${res.status} ${await res.text()}`)
    return (await res.json()) as ShareLinks
  }

  /** A stock y-websocket client on `serverUrl` (a relay, or the balancer by default). */
  connect(mapId: string, token: string, serverUrl = this.url, doc = new Y.Doc()): WebsocketProvider {
    const provider = new WebsocketProvider(`${serverUrl.replace('http', 'ws')}/sync`, mapId, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true, // in Node, BroadcastChannel would let same-process providers bypass the relays
      maxBackoffTime: 300,
    })
    this.providers.push(provider)
    return provider
  }

  async dispose(): Promise<void> {
    for (const provider of this.providers.splice(0)) provider.destroy()
    await Promise.all(
      this.live().map(async (relay) => {
        relay.child.kill('SIGKILL')
        await relay.exited
      }),
    )
    await this.balancer.close()
    for (const dir of this.dirs) fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Resolves once the provider has synced with a relay. */
export function synced(provider: WebsocketProvider): Promise<void> {
  return provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', (state: boolean) => state && resolve()))
}
