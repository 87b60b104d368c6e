/**
 * White or near-black text, whichever reads better on a participant's or persona's own colour
 * (WCAG relative luminance), so initials on an avatar keep a 4.5:1 contrast whatever colour
 * someone picked. Anything not `#rrggbb` gets white.
 */
const DARK = '#1a2030'

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function textColorOn(background: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#fff'
  const l = luminance(background)
  const onWhite = 1.05 / (l + 0.05)
  const onDark = (l + 0.05) / (luminance(DARK) + 0.05)
  return onWhite >= onDark ? '#fff' : DARK
}
