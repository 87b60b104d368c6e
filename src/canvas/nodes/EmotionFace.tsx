import { memo } from 'react'
import type { Translator } from '../../i18n/translate'
import { useT } from '../../i18n/useT'

const COLORS: Record<number, string> = { [-2]: '#d64545', [-1]: '#e8893d', 0: '#9aa3b2', 1: '#6cbf5a', 2: '#2e9e4f' }

/** A drawn face (no emoji font needed) whose mouth follows the score −2..2. */
export const EmotionFace = memo(function EmotionFace({ emotion, size = 22 }: { emotion: number | null; size?: number }) {
  const t = useT()
  if (emotion === null) {
    return (
      <svg width={size} height={size} viewBox="0 0 24 24" role="img" aria-label={t('canvas.emotionNotScored')}>
        <circle cx="12" cy="12" r="10" fill="none" stroke="#b8bfcc" strokeWidth="1.5" strokeDasharray="3 2" />
      </svg>
    )
  }
  const curve = emotion * 2.5 // mouth control-point offset
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" role="img" aria-label={emotionLabel(t, emotion)}>
      <circle cx="12" cy="12" r="10" fill={COLORS[emotion]} />
      <circle cx="8.5" cy="9.5" r="1.4" fill="#fff" />
      <circle cx="15.5" cy="9.5" r="1.4" fill="#fff" />
      <path d={`M7 ${15 - curve / 3} Q12 ${15 + curve} 17 ${15 - curve / 3}`} stroke="#fff" strokeWidth="1.8" fill="none" strokeLinecap="round" />
    </svg>
  )
})

/** The accessible name of a score, shared by the full face and the compact card's dot. */
export function emotionLabel(t: Translator, emotion: number): string {
  return t('canvas.emotionScore', { score: `${emotion > 0 ? '+' : ''}${emotion}`, label: t(`emotion.${emotion as -2 | -1 | 0 | 1 | 2}`) })
}

export function emotionColor(emotion: number): string {
  return COLORS[Math.round(emotion)] ?? COLORS[0]
}
