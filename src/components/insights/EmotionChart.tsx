/**
 * Emotion curves on one SVG chart: stages left to right, −2..+2 bottom to top, one line per
 * series. The chart keeps its natural size and scrolls sideways on a long journey, so labels never
 * shrink or overlap; a visually hidden table carries the same numbers for screen readers.
 */
import { useId } from 'react'
import type { CurvePoint } from '../../model'
import type { ChartColumn } from '../../insights/emotionCurves'
import { formatSignedNumber } from '../../i18n/format'
import { phaseName } from '../../i18n/phaseNames'
import { useT } from '../../i18n/useT'

export interface ChartSeries {
  key: string
  label: string
  color: string
  /** Drawn dashed: the as-is side of a comparison. */
  dashed?: boolean
  points: CurvePoint[]
}

const LEFT = 56
const RIGHT = 16
const TOP = 28
const PLOT = 200
const BOTTOM = 50
const COLUMN = 132
const LEVELS = [2, 1, 0, -1, -2]

export function EmotionChart({ columns, series, locale, label }: { columns: ChartColumn[]; series: ChartSeries[]; locale: string; label: string }) {
  const titleId = useId()
  const t = useT()
  const formatEmotion = (value: number) => formatSignedNumber(value, t.locale)
  const width = LEFT + Math.max(columns.length, 1) * COLUMN + RIGHT
  const height = TOP + PLOT + BOTTOM
  const x = (column: number) => LEFT + (column + 0.5) * COLUMN
  const y = (emotion: number) => TOP + ((2 - emotion) / 4) * PLOT
  const phaseStarts = columns.flatMap((c, i) => (i === 0 || columns[i - 1].phase !== c.phase ? [{ index: i, phase: c.phase }] : []))
  return (
    <figure className="emotion-chart">
      <div className="chart-scroll">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
          <title id={titleId}>{label}</title>
          {phaseStarts.map(({ index, phase }) => (
            <g key={phase}>
              {index > 0 && <line x1={LEFT + index * COLUMN} x2={LEFT + index * COLUMN} y1={8} y2={TOP + PLOT} className="phase-rule" />}
              <text x={LEFT + index * COLUMN + 6} y={16} className="phase-label">
                {phaseName(phase, locale)}
              </text>
            </g>
          ))}
          {LEVELS.map((level) => (
            <g key={level}>
              <line x1={LEFT} x2={width - RIGHT} y1={y(level)} y2={y(level)} className={level === 0 ? 'grid-zero' : 'grid-line'} />
              <text x={LEFT - 8} y={y(level) + 4} className="axis-label" textAnchor="end">
                {level > 0 ? `+${level}` : level === 0 ? '0' : `−${-level}`}
              </text>
            </g>
          ))}
          {columns.map((c, i) => (
            <text key={c.stageId} x={x(i)} y={TOP + PLOT + 18} className="stage-label" textAnchor="middle">
              <title>{c.title}</title>
              {wrapLabel(c.title).map((line, n) => (
                <tspan key={n} x={x(i)} dy={n === 0 ? 0 : 14}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
          {series.map((s) => (
            <g key={s.key} className="series">
              <polyline points={s.points.map((p) => `${x(p.column)},${y(p.emotion)}`).join(' ')} fill="none" stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dashed ? '6 5' : undefined} />
              {s.points.map((p) => (
                <circle key={p.stageId} cx={x(p.column)} cy={y(p.emotion)} r={4.5} fill={s.dashed ? '#fff' : s.color} stroke={s.color} strokeWidth={2}>
                  <title>{`${s.label} · ${columns[p.column]?.title ?? ''}: ${formatEmotion(p.emotion)} (${p.count})`}</title>
                </circle>
              ))}
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <svg width="26" height="10" aria-hidden="true">
                <line x1="1" x2="25" y1="5" y2="5" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dashed ? '5 4' : undefined} />
              </svg>
              {s.label}
              {s.points.length === 0 && <span className="muted"> {t('chart.noScores')}</span>}
            </li>
          ))}
        </ul>
      </figcaption>
      <table className="visually-hidden">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.series')}</th>
            {columns.map((c) => (
              <th key={c.stageId} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              {columns.map((c, i) => {
                const p = s.points.find((q) => q.column === i)
                return <td key={c.stageId}>{p ? formatEmotion(p.emotion) : t('chart.notScored')}</td>
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/** A stage title in at most two lines that fit a column; the full title is in the <title> tooltip. */
export function wrapLabel(text: string, perLine = 17): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word
    if ([...next].length <= perLine) current = next
    else {
      if (current) lines.push(current)
      current = word
    }
  }
  if (current) lines.push(current)
  const clip = (line: string) => ([...line].length > perLine ? [...line].slice(0, perLine - 1).join('') + '…' : line)
  if (lines.length <= 2) return lines.map(clip)
  return [clip(lines[0]), clip(lines.slice(1).join(' ')).replace(/…?$/, '…')]
}
