/**
 * Dates and figures as the map's readers write them: "1. juni 2026" and "4,5" on a Norwegian map,
 * "June 1, 2026" and "4.5" on an English one. Like the labels, this follows the map's language, not
 * the viewer's.
 */
import { parseCalendarDate } from '../model'

export interface PrintFormat {
  /** A timestamp (ISO 8601) as a long date in the map's locale; '' when it does not parse. */
  date: (iso: string) => string
  /** A calendar day (YYYY-MM-DD, e.g. a due date) as a long date; anything else as it was written. */
  day: (ymd: string) => string
  /** A metric figure: at most one decimal, the locale's decimal sign, a real minus sign. */
  figure: (value: number) => string
  /** A share in percent (CSAT): "78 %" or "78%", as the locale writes it. */
  percent: (value: number) => string
}

export function printFormat(locale: string): PrintFormat {
  const longDate = (timeZone?: string) => {
    try {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })
    } catch {
      return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone })
    }
  }
  const stamp = longDate()
  // A due date names a day, not an instant: read and print it in UTC so no time zone moves it to the day before.
  const calendar = longDate('UTC')
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    try {
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, ...options })
    } catch {
      return new Intl.NumberFormat('en', { maximumFractionDigits: 1, ...options })
    }
  }
  const numbers = numberFormat({})
  const percents = numberFormat({ style: 'percent' })
  return {
    date: (iso) => {
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? '' : stamp.format(date)
    },
    day: (ymd) => {
      const date = parseCalendarDate(ymd)
      return date ? calendar.format(date) : ymd
    },
    // English ICU prints a hyphen-minus; the PDF prints −12 the same in every language, as emotions do.
    figure: (value) => numbers.format(value).replace('-', '\u2212'),
    percent: (value) => percents.format(value / 100),
  }
}
