/**
 * The colours and signs exports draw with, shared by the PDF and the whole-map PNG so a reader
 * who learned the legend on paper recognises the picture too.
 */
import type { ActionStatus, AnnotationKind, NeedStatus, Phase } from '../model'

export const PHASE_COLORS: Record<Phase, string> = { before: '#e3ebfb', during: '#fbeadd', after: '#ddf1e7' }

export const KIND_MARK: Record<AnnotationKind, { color: string; symbol: string }> = {
  'functional-need': { color: '#3f6fe0', symbol: '\u2699' }, // ⚙ something to get done
  'emotional-need': { color: '#c23f78', symbol: '\u2665' }, // ♥ something to feel
  'pain-point': { color: '#d23c3c', symbol: '!' },
  'moment-of-truth': { color: '#c99400', symbol: '\u2605' }, // ★
  opportunity: { color: '#23916a', symbol: '\u279c' }, // ➜
  note: { color: '#7b8190', symbol: '\u270e' }, // ✎
}

export const STATUS_MARK: Record<NeedStatus, { color: string; symbol: string }> = {
  met: { color: '#23916a', symbol: '\u2713' }, // ✓
  partly: { color: '#c98a00', symbol: '\u25d0' }, // ◐
  unmet: { color: '#d23c3c', symbol: '\u2717' }, // ✗
}

/** A metric against its target (higher is better for NPS, CES and CSAT alike): the need-status green and red. */
export const TARGET_COLORS = { reached: STATUS_MARK.met.color, missed: STATUS_MARK.unmet.color } as const

/** The dot before an action in the printed plan; its status is also written out beside it. */
export const ACTION_STATUS_COLORS: Record<ActionStatus, string> = { planned: '#8a909c', 'in-progress': '#3f6fe0', done: '#23916a', blocked: '#d23c3c' }

/** Face fill colours from −2 to +2. */
export const EMOTION_COLORS = ['#d23c3c', '#eb8a3c', '#a3a8b2', '#8cc265', '#23916a'] as const

export function emotionColor(emotion: number): string {
  return EMOTION_COLORS[Math.max(0, Math.min(4, Math.round(emotion) + 2))]
}

export const LINK_COLOR = '#55607a'

/** A light tint of a lane colour for backgrounds: `amount` of the colour over white. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const mix = (c: number) => Math.round(255 - (255 - c) * amount)
  const r = mix((n >> 16) & 255)
  const g = mix((n >> 8) & 255)
  const b = mix(n & 255)
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`
}
