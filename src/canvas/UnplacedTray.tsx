import { memo, useMemo, useState } from 'react'
import { deleteAnnotation, deleteBlueprintItem, deleteComment, deleteLink, deleteTouchpoint, moveBlueprintItem, moveTouchpoint, reattachAnnotation } from '../commands'
import { findOrphans, sortedPersonas, sortedStages, type AnnotationTargetId, type TouchpointId } from '../model'
import { useT } from '../i18n/useT'
import { selectedRecordId, selectReadOnly, selectSnapshot, useJourneyStore } from '../store'
import { useMapSession } from '../session/MapSessionContext'

/**
 * Cards and notes whose stage, persona or target was deleted by a colleague at the same moment
 * they were added (see model/orphans.ts). Shown here until someone places or deletes them.
 */
export const UnplacedTray = memo(function UnplacedTray() {
  const snapshot = useJourneyStore(selectSnapshot)
  const readOnly = useJourneyStore(selectReadOnly)
  const selection = useJourneyStore((s) => s.selection)
  const { doc } = useMapSession()
  const orphans = useMemo(() => findOrphans(snapshot), [snapshot])
  const [cell, setCell] = useState('')
  const t = useT()
  const total = orphans.touchpoints.length + orphans.annotations.length + orphans.comments.length + orphans.links.length + orphans.blueprintItems.length
  if (total === 0) return null
  const stages = sortedStages(snapshot)
  const personas = sortedPersonas(snapshot)
  const cells = stages.flatMap((s) => personas.map((p) => ({ value: `${s.id}|${p.id}`, label: `${s.title} × ${p.name}`, stageId: s.id, personaId: p.id })))
  const place = (id: TouchpointId) => {
    const to = cells.find((c) => c.value === cell) ?? cells[0]
    if (to) moveTouchpoint(doc, id, { stageId: to.stageId, personaId: to.personaId })
  }
  const target = selection?.kind === 'blueprintItem' ? null : selectedRecordId(selection)

  return (
    <section className="unplaced-tray" aria-labelledby="unplaced-title">
      <h2 id="unplaced-title">{t('unplaced.title', { count: total })}</h2>
      <p className="muted small">{t('unplaced.explain')}</p>
      {orphans.touchpoints.length > 0 && !readOnly && cells.length > 0 && (
        <label className="small">
          {t('unplaced.placeInto')}{' '}
          <select value={cell} onChange={(e) => setCell(e.target.value)} aria-label={t('unplaced.cell')}>
            {cells.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul>
        {orphans.touchpoints.map((tp) => (
          <li key={tp.id} draggable={!readOnly} onDragStart={(e) => e.dataTransfer.setData('application/x-touchpoint', tp.id)} className="unplaced-card" aria-label={tp.title || t('canvas.untitledTouchpoint')}>
            <span>{tp.title || t('canvas.untitledTouchpoint')}</span>
            {!readOnly && (
              <span className="row-actions">
                <button type="button" onClick={() => place(tp.id)} disabled={cells.length === 0}>
                  {t('unplaced.place')}
                </button>
                <button type="button" onClick={() => deleteTouchpoint(doc, tp.id)} aria-label={t('unplaced.deleteTitle', { title: tp.title || t('unplaced.untitledLower') })}>
                  {t('common.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
        {orphans.annotations.map((a) => (
          <li key={a.id} className="unplaced-note">
            <span>
              <strong>{t(`annotationKind.${a.kind}.one`)}:</strong> {a.text}
            </span>
            {!readOnly && (
              <span className="row-actions">
                <button type="button" disabled={!target} title={target ? t('unplaced.attachHint') : t('unplaced.selectFirst')} onClick={() => target && reattachAnnotation(doc, a.id, target as AnnotationTargetId)}>
                  {t('unplaced.attach')}
                </button>
                <button type="button" onClick={() => deleteAnnotation(doc, a.id)}>
                  {t('common.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
        {orphans.comments.map((c) => (
          <li key={c.id} className="unplaced-note">
            <span>
              <strong>{t('unplaced.commentBy', { author: c.author })}</strong> {c.text}
            </span>
            {!readOnly && (
              <button type="button" onClick={() => deleteComment(doc, c.id)}>
                {t('common.delete')}
              </button>
            )}
          </li>
        ))}
        {orphans.blueprintItems.map((item) => (
          <li key={item.id} className="unplaced-note">
            <span>
              <strong>{t(`blueprint.lane.${item.lane}`)}:</strong> {item.title || t('blueprint.untitled')}
            </span>
            {!readOnly && (
              <span className="row-actions">
                <button type="button" disabled={stages.length === 0} onClick={() => stages[0] && moveBlueprintItem(doc, item.id, { lane: item.lane, stageId: (cells.find((c) => c.value === cell) ?? cells[0])?.stageId ?? stages[0].id })}>
                  {t('unplaced.place')}
                </button>
                <button type="button" onClick={() => deleteBlueprintItem(doc, item.id)}>
                  {t('common.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
        {orphans.links.length > 0 && (
          <li className="unplaced-note">
            <span>{t.plural('unplaced.links', orphans.links.length)}</span>
            {!readOnly && (
              <button type="button" onClick={() => orphans.links.forEach((l) => deleteLink(doc, l.id))}>
                {t('common.remove')}
              </button>
            )}
          </li>
        )}
      </ul>
    </section>
  )
})
