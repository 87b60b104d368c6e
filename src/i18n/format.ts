/**
 * Dates and numbers as the UI language writes them, through Intl. Formatters are cached per
 * locale: building one costs far more than using it, and lists of comments format many dates.
 */
import { parseCalendarDate } from '../model'

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = cache.get(key) as F | undefined
  if (!formatter) cache.set(key, (formatter = make()))
  return formatter
}

/** A moment (an ISO timestamp or epoch ms): "30. sep. 2026 14.05" in Danish, "Sep 30, 2026, 2:05 PM" in English. */
export function formatDateTime(value: string | number | Date, locale: string): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return cached(`dt|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date)
}

/**
 * A calendar day stored as `YYYY-MM-DD` (an action's due date). It has no time zone, so it is read
 * and written in UTC: local midnight would show the day before west of Greenwich.
 */
export function formatCalendarDate(day: string, locale: string): string {
  const date = parseCalendarDate(day)
  if (!date) return day
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date)
}

/** A number with the locale's decimal comma or point and grouping; at most `maxFractionDigits` decimals. */
export function formatNumber(value: number, locale: string, maxFractionDigits = 1): string {
  return cached(`n|${locale}|${maxFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits })).format(value).replace('-', '−')
}

/** A score on a scale around zero, always signed: "+1,5", "−2", "0". Uses the true minus sign, as print does. */
export function formatSignedNumber(value: number, locale: string, maxFractionDigits = 1): string {
  return cached(`s|${locale}|${maxFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits, signDisplay: 'exceptZero' })).format(value).replace('-', '−')
}
