import { useMemo, useState } from 'react'
import { needsGap, isGap, type NeedCell } from '../../insights/needsGap'
import type { NeedStatus, Snapshot } from '../../model'

const STATUS_LABEL: Record<NeedStatus, string> = { met: 'Met', partly: 'Partly met', unmet: 'Not met' }

/** Each touchpoint's functional and emotional needs and whether they are met; a row with any gap is highlighted. */
export function NeedsGapTable({ snapshot }: { snapshot: Snapshot }) {
  const rows = useMemo(() => needsGap(snapshot), [snapshot])
  const [onlyGaps, setOnlyGaps] = useState(false)
  const shown = onlyGaps ? rows.filter((r) => r.gap) : rows
  if (rows.length === 0) return <p className="view-empty">No touchpoint has a functional or emotional need yet. Add needs in the inspector on the canvas.</p>
  return (
    <>
      <label className="inline-check">
        <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} /> Only touchpoints with a gap ({rows.filter((r) => r.gap).length} of {rows.length})
      </label>
      <div className="table-scroll">
        <table className="gap-table">
          <caption className="visually-hidden">Needs gap per touchpoint</caption>
          <thead>
            <tr>
              <th scope="col">Touchpoint</th>
              <th scope="col">Functional needs</th>
              <th scope="col">Emotional needs</th>
              <th scope="col">Gap</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.touchpoint.id} className={r.gap ? 'is-gap' : undefined}>
                <th scope="row">
                  {r.touchpoint.title || 'Untitled'}
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
                <td>{r.gap ? <strong className="gap-flag">Gap</strong> : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function NeedList({ needs }: { needs: NeedCell[] }) {
  if (needs.length === 0) return <span className="muted">none</span>
  return (
    <ul className="need-list">
      {needs.map((n) => (
        <li key={n.id} className={isGap(n.status) ? 'is-gap' : undefined}>
          <span className={`need-status status-${n.status ?? 'none'}`}>{n.status ? STATUS_LABEL[n.status] : 'No status'}</span> {n.text}
        </li>
      ))}
    </ul>
  )
}
