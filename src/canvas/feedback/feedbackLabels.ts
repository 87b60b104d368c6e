/** Labels, number and date formats the feedback components share, apart so the canvas does not load the Insights section. */
import type { NumberFormat } from '../../feedback/format'
import type { FeedbackKind } from '../../feedback/responses'
import type { FeedbackSet } from '../../model'
import { formatCalendarDate } from '../../i18n/format'
import type { MessageKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'

export const KIND_LABEL: Record<FeedbackKind, MessageKey> = { nps: 'metrics.nps', ces: 'metrics.ces', csat: 'metrics.csat' }

/** Exactly `digits` decimals (a CES of 5.0 reads "5.0", not "5"), the locale's way, with a true minus. */
export function fixedNumber(value: number, locale: string, digits: number): string {
  const key = `${locale}|${digits}`
  let f = fixed.get(key)
  if (!f) fixed.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })))
  return f.format(value).replace('-', '\u2212')
}
const fixed = new Map<string, Intl.NumberFormat>()

export function useNumberFormat(): NumberFormat {
  const t = useT()
  return (value, digits) => fixedNumber(value, t.locale, digits)
}

/** "5 Jan 2026 – 4 Apr 2026", one day alone, or '' without dates. */
export function dateSpan(set: Pick<FeedbackSet, 'from' | 'to'>, locale: string): string {
  if (!set.from) return ''
  return set.from === set.to ? formatCalendarDate(set.from, locale) : `${formatCalendarDate(set.from, locale)} – ${formatCalendarDate(set.to, locale)}`
}
