import { useMemo } from 'react'
import { heatLevel, heatMap } from '../../insights/heatMap'
import { phaseName } from '../../i18n/phaseNames'
import type { Snapshot } from '../../model'
import { useT } from '../../i18n/useT'

/** Pain points and moments of truth per stage × persona, as a table whose cells are shaded by count. */
export function HeatMapTable({ snapshot }: { snapshot: Snapshot }) {
  const map = useMemo(() => heatMap(snapshot), [snapshot])
  const t = useT()
  if (map.personas.length === 0 || map.stages.length === 0) return <p className="view-empty">{t('heat.noGrid')}</p>
  return (
    <>
      <div className="table-scroll">
        <table className="heat-table">
          <caption className="visually-hidden">{t('heat.caption')}</caption>
          <thead>
            <tr>
              <td />
              {map.stages.map((s) => (
                <th key={s.id} scope="col">
                  <span className="phase-tag">{phaseName(s.phase, snapshot.meta.locale)}</span>
                  {s.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.personas.map((p, row) => (
              <tr key={p.id}>
                <th scope="row" style={{ borderLeftColor: p.color }}>
                  {p.name}
                </th>
                {map.cells[row].map((cell, column) => (
                  <td key={map.stages[column].id}>
                    <span className="heat pain" style={{ background: `rgba(232, 102, 61, ${0.08 + heatLevel(cell.pain, map.max) * 0.62})` }}>
                      <span aria-hidden="true">⚡ </span>
                      {cell.pain}
                      <span className="visually-hidden"> {t('heat.painCell')}</span>
                    </span>
                    <span className="heat truth" style={{ background: `rgba(47, 166, 122, ${0.08 + heatLevel(cell.truth, map.max) * 0.62})` }}>
                      <span aria-hidden="true">★ </span>
                      {cell.truth}
                      <span className="visually-hidden"> {t('heat.truthCell')}</span>
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="heat-legend">
        <span className="heat pain">⚡ {t('heat.legendPain')}</span> <span className="heat truth">★ {t('heat.legendTruth')}</span> {t('heat.legend', { max: map.max, pain: map.totals.pain, truth: map.totals.truth })}
      </p>
    </>
  )
}
