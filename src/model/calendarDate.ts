/**
 * The one reader of calendar days (`YYYY-MM-DD`, an action's due date). A day has no time zone, so
 * it is read as UTC midnight: local midnight would print the day before west of Greenwich.
 */

/** The day as a UTC Date, or null unless `value` is `YYYY-MM-DD` naming a day that exists (no 2025-02-30). */
export function parseCalendarDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value ? date : null
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDate(value: unknown): value is string {
  return parseCalendarDate(value) !== null
}
