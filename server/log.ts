/**
 * Structured logs: one JSON object per line on stdout, `{"t":…,"level":…,"event":…,…fields}`.
 * Callers pass map ids and counts, never tokens or full request URLs (share tokens ride in the
 * query string of the WebSocket URL).
 */
import type { LogLevel } from './config'

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const at = (lineLevel: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (RANK[lineLevel] < RANK[level]) return
    write(JSON.stringify({ t: new Date().toISOString(), level: lineLevel, event, ...fields }) + '\n')
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
