/**
 * A few counters and gauges rendered in the Prometheus text format for `GET /metrics`.
 * Small on purpose: the relay needs labelled counters and live gauges, not a client library.
 */

type Labels = Record<string, string>

/** Shared default, so the hot path (an unlabelled counter bumped per message) builds no key. */
const NO_LABELS: Labels = Object.freeze({}) as Labels

const labelKey = (labels: Labels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k].replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',')

/** Label keys of label objects seen before: the hot path passes the same frozen objects again and again. */
const labelKeys = new WeakMap<Labels, string>()
const keyOf = (labels: Labels): string => {
  if (labels === NO_LABELS) return ''
  let key = labelKeys.get(labels)
  if (key === undefined) {
    key = labelKey(labels)
    if (Object.isFrozen(labels)) labelKeys.set(labels, key)
  }
  return key
}

export class Counter {
  /** Labelled values by label key. */
  private readonly values = new Map<string, number>()
  /**
   * The unlabelled value, kept apart: the relay bumps unlabelled counters several times per message
   * sent (29 sends an edit in a room of 30), and a field is updated in place where a Map entry is
   * a lookup and a store each time.
   */
  private unlabelled: number | undefined
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = NO_LABELS, by = 1): void {
    if (labels === NO_LABELS) {
      this.unlabelled = (this.unlabelled ?? 0) + by
      return
    }
    const key = keyOf(labels)
    if (key === '') this.unlabelled = (this.unlabelled ?? 0) + by
    else this.values.set(key, (this.values.get(key) ?? 0) + by)
  }

  /** The unlabelled value grows by `by` (`inc({}, by)` without building a label object per call). */
  add(by: number): void {
    this.unlabelled = (this.unlabelled ?? 0) + by
  }

  get(labels: Labels = NO_LABELS): number {
    const key = labelKey(labels)
    return (key === '' ? this.unlabelled : this.values.get(key)) ?? 0
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    if (this.values.size === 0 && this.unlabelled === undefined) lines.push(`${this.name} 0`)
    if (this.unlabelled !== undefined) lines.push(`${this.name} ${this.unlabelled}`)
    for (const [key, value] of this.values) lines.push(`${this.name}{${key}} ${value}`)
    return lines.join('\n')
  }
}

export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
    /** A value read from elsewhere that only grows (CPU seconds) is still a counter to Prometheus. */
    private readonly type: 'gauge' | 'counter' = 'gauge',
  ) {}

  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, `${this.name} ${this.read()}`].join('\n')
  }
}

/**
 * A sum and a count (Prometheus summary without quantiles: rate(sum)/rate(count) is the mean)
 * plus the largest value seen in the last `windowMs`, as a gauge.
 */
export class Summary {
  private sum = 0
  private count = 0
  private max = 0
  private previousMax = 0
  private windowStart = Date.now()
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly windowMs = 10_000,
  ) {}

  observe(value: number): void {
    this.roll()
    this.sum += value
    this.count++
    if (value > this.max) this.max = value
  }

  get total(): { sum: number; count: number } {
    return { sum: this.sum, count: this.count }
  }

  private roll(): void {
    const now = Date.now()
    if (now - this.windowStart < this.windowMs) return
    // Two windows: the max covers between one and two window lengths of the most recent past.
    this.previousMax = now - this.windowStart < 2 * this.windowMs ? this.max : 0
    this.max = 0
    this.windowStart = now
  }

  render(): string {
    this.roll()
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} summary`,
      `${this.name}_sum ${this.sum}`,
      `${this.name}_count ${this.count}`,
      `# HELP ${this.name}_max The largest in the last ${this.windowMs / 1000}–${(2 * this.windowMs) / 1000} s`,
      `# TYPE ${this.name}_max gauge`,
      `${this.name}_max ${Math.max(this.max, this.previousMax)}`,
    ].join('\n')
  }
}

/** Every figure the relay reports. Rejections carry a `reason` label (see `RejectReason`). */
export class RelayMetrics {
  readonly messagesIn = new Counter('relay_messages_in_total', 'WebSocket messages received, by message type')
  readonly messagesOut = new Counter('relay_messages_out_total', 'WebSocket messages sent')
  readonly bytesIn = new Counter('relay_bytes_in_total', 'WebSocket payload bytes received')
  readonly bytesOut = new Counter('relay_bytes_out_total', 'WebSocket payload bytes sent')
  readonly rejected = new Counter('relay_rejected_total', 'Refused upgrades, messages and requests, by reason')
  readonly upgrades = new Counter('relay_upgrades_total', 'WebSocket upgrade requests, by HTTP status answered (101 = accepted)')
  readonly closes = new Counter('relay_closes_total', 'Connections closed, by close code')
  readonly updatesStored = new Counter('relay_updates_stored_total', 'Document updates written to storage before relaying')
  readonly storageWriteSeconds = new Counter('relay_storage_write_seconds_total', 'Time spent writing updates to storage')
  readonly compactions = new Counter('relay_compactions_total', 'Update logs folded into a snapshot')
  readonly roomLoads = new Counter('relay_room_loads_total', 'Rooms loaded from storage')
  readonly roomLoadSeconds = new Counter('relay_room_load_seconds_total', 'Time spent loading rooms from storage')
  readonly httpRequests = new Counter('http_requests_total', 'HTTP requests, by route and status')
  readonly mapsCreated = new Counter('maps_created_total', 'Maps created, by how (blank, template, import)')
  readonly fanOutPublished = new Counter('relay_fanout_published_total', 'Messages published to other relays, by kind (update, awareness, revoke)')
  readonly fanOutReceived = new Counter('relay_fanout_received_total', 'Messages received from other relays, by kind')
  readonly fanOutDropped = new Counter('relay_fanout_dropped_total', 'Messages not published (Redis away or backlog full), by kind; other relays read them from storage')
  readonly fanOutLag = new Summary('relay_fanout_lag_seconds', 'From a message entering Redis to this relay reading it')
  readonly catchUps = new Counter('relay_fanout_catchups_total', 'Catch-ups of what the fan-out did not deliver, by source (stream, storage) and reason')
  readonly catchUpUpdates = new Counter('relay_fanout_catchup_updates_total', 'Stored updates read back by catch-ups from storage')
  readonly presenceExpired = new Counter('relay_presence_expired_total', "Participants whose presence was dropped because their relay's heartbeat lapsed")
  private readonly gauges: Gauge[] = []

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.push(new Gauge(name, help, read))
  }

  render(): string {
    const counters = Object.values(this).filter((v): v is Counter | Summary => v instanceof Counter || v instanceof Summary)
    const cpu = process.cpuUsage()
    const process_ = [
      new Gauge('process_cpu_seconds_total', 'User and system CPU time of the relay process', () => (cpu.user + cpu.system) / 1e6, 'counter'),
      new Gauge('process_resident_memory_bytes', 'Resident memory of the relay process', () => process.memoryUsage.rss()),
      new Gauge('process_heap_used_bytes', 'V8 heap in use', () => process.memoryUsage().heapUsed),
    ]
    return [...this.gauges, ...counters, ...process_].map((m) => m.render()).join('\n') + '\n'
  }
}
