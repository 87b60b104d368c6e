import { useStore, type NodeProps } from '@xyflow/react'
import { selectDetail } from './levelOfDetail'
import { memo } from 'react'
import { GRID } from '../../model'
import type { CurveNode } from '../toFlow'
import { emotionColor } from './EmotionFace'
import { useT } from '../../i18n/useT'

/** A persona's emotion curve under the grid, aligned with the stage columns. */
export const EmotionCurve = memo(function EmotionCurve({ data, width }: NodeProps<CurveNode>) {
  const { persona, points, columns, height } = data
  const t = useT()
  const detail = useStore(selectDetail)
  const mid = height / 2
  const amplitude = (height - 24) / 4
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
  return (
    <div className={`curve-row lod-${detail}`} style={{ width, height }}>
      <div className="curve-label" style={{ width: GRID.laneHeaderWidth }}>
        <span className="curve-swatch" style={{ background: persona.color }} aria-hidden="true" />
        <span>
          {t('canvas.emotionCurve')}
          <br />
          <strong>{persona.name}</strong>
        </span>
      </div>
      <svg className="curve-svg" width={width} height={height} aria-hidden="true">
        {columns.map((c, i) => (
          <rect key={i} x={c.x} y={0} width={c.width} height={height} className={i % 2 ? 'curve-col odd' : 'curve-col'} />
        ))}
        {[-2, -1, 0, 1, 2].map((v) => (
          <g key={v}>
            <line x1={GRID.laneHeaderWidth} x2={width} y1={mid - v * amplitude} y2={mid - v * amplitude} className={v === 0 ? 'curve-axis zero' : 'curve-axis'} />
            <text x={GRID.laneHeaderWidth + 6} y={mid - v * amplitude - 3} className="curve-tick">
              {v > 0 ? `+${v}` : v}
            </text>
          </g>
        ))}
        {points.length > 1 && <path d={path} fill="none" stroke={persona.color} strokeWidth={3} strokeLinejoin="round" />}
        {points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={6} fill={emotionColor(p.emotion)} stroke="#fff" strokeWidth={2} />
        ))}
        {points.length === 0 && (
          <text x={GRID.laneHeaderWidth + 40} y={mid + 4} className="curve-empty">
            {t('canvas.curveEmpty')}
          </text>
        )}
      </svg>
    </div>
  )
})
