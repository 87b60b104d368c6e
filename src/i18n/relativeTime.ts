/** "5 minutes ago", "yesterday", "for 3 dage siden": how long ago, as the UI language says it. */
const formatters = new Map<string, Intl.RelativeTimeFormat>()

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

export function formatTimeAgo(value: string | number, locale: string, now = Date.now()): string {
  const then = typeof value === 'number' ? value : Date.parse(value)
  if (Number.isNaN(then)) return String(value)
  let amount = (then - now) / 1000
  let f = formatters.get(locale)
  if (!f) formatters.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })))
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return f.format(Math.round(amount), unit)
    amount /= size
  }
  return f.format(Math.round(amount), 'year')
}
