import { useMemo, useState } from 'react'
import { needsGap, isGap, type NeedCell } from '../../insights/needsGap'
import type { Snapshot } from '../../model'
import { useT } from '../../i18n/useT'

/** Each touchpoint's functional and emotional needs and whether they are met; a row with any gap is highlighted. */
export function NeedsGapTable({ snapshot }: { snapshot: Snapshot }) {
  const rows = useMemo(() => needsGap(snapshot), [snapshot])
  const [onlyGaps, setOnlyGaps] = useState(false)
  const t = useT()
  const shown = onlyGaps ? rows.filter((r) => r.gap) : rows
  if (rows.length === 0) return <p className="view-empty">{t('gap.empty')}</p>
  return (
    <>
      <label className="inline-check">
        <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} /> {t('gap.onlyGaps', { gaps: rows.filter((r) => r.gap).length, total: rows.length })}
      </label>
      <div className="table-scroll">
        <table className="gap-table">
          <caption className="visually-hidden">{t('gap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gap.touchpoint')}</th>
              <th scope="col">{t('gap.functional')}</th>
              <th scope="col">{t('gap.emotional')}</th>
              <th scope="col">{t('gap.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.touchpoint.id} className={r.gap ? 'is-gap' : undefined}>
                <th scope="row">
                  {r.touchpoint.title || t('common.untitled')}
                  <span className="crumb">
                    {r.stageTitle} · {r.personaName}
                  </span>
                </th>
                <td>
                  <NeedList needs={r.functional} />
                </td>
                <td>
                  <NeedList needs={r.emotional} />
                </td>
                <td>{r.gap ? <strong className="gap-flag">{t('gap.gap')}</strong> : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function NeedList({ needs }: { needs: NeedCell[] }) {
  const t = useT()
  if (needs.length === 0) return <span className="muted">{t('common.noneLower')}</span>
  return (
    <ul className="need-list">
      {needs.map((n) => (
        <li key={n.id} className={isGap(n.status) ? 'is-gap' : undefined}>
          <span className={`need-status status-${n.status ?? 'none'}`}>{n.status ? t(`needStatus.${n.status}`) : t('common.noStatus')}</span> {n.text}
        </li>
      ))}
    </ul>
  )
}
