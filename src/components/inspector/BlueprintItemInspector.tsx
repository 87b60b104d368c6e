import { useEffect, useMemo, useRef, useState } from 'react'
import { deleteBlueprintItem, linkBlueprintTouchpoint, moveBlueprintItem, unlinkBlueprintTouchpoint, updateBlueprintItem } from '../../commands'
import { BLUEPRINT_LANES, isId, sortedStages, type BlueprintItem, type BlueprintLane, type Snapshot } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore, type JourneyState } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { Section, TextField } from '../../fields/fields'
import { DeleteRecordButton } from './RecordButtons'

const selectEditingTitle = (s: JourneyState) => s.editingTitleId
const selectStartEditingTitle = (s: JourneyState) => s.startEditingTitle

/** A service-blueprint item: what it is, who does it, where it sits, and the touchpoints it serves. */
export function BlueprintItemInspector({ item, snapshot }: { item: BlueprintItem; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const t = useT()
  const [linkTarget, setLinkTarget] = useState('')
  const stages = useMemo(() => sortedStages(snapshot), [snapshot])
  const linked = item.touchpointIds.filter((id) => Object.hasOwn(snapshot.touchpoints, id)).map((id) => snapshot.touchpoints[id])
  const unlinked = useMemo(() => Object.values(snapshot.touchpoints).filter((tp) => !item.touchpointIds.includes(tp.id)).sort((a, b) => a.title.localeCompare(b.title)), [snapshot.touchpoints, item.touchpointIds])

  // Enter (or a double click) on the item renames it here, where the title field is.
  const editing = useJourneyStore(selectEditingTitle) === item.id
  const startEditingTitle = useJourneyStore(selectStartEditingTitle)
  const titleRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!editing) return
    const input = titleRef.current?.querySelector('input')
    input?.focus()
    input?.select()
    startEditingTitle(null)
  }, [editing, startEditingTitle])

  const move = (to: { lane?: BlueprintLane; stageId?: string }) => {
    const stageId = to.stageId ?? item.stageId
    if (isId('stage', stageId)) moveBlueprintItem(doc, item.id, { lane: to.lane ?? item.lane, stageId })
  }
  return (
    <>
      <p className="crumb">{t(`blueprint.lane.${item.lane}`)}</p>
      <div ref={titleRef}>
        <TextField label={t('common.title')} value={item.title} editKey={{ id: item.id, field: 'title' }} disabled={readOnly} onCommit={(title) => updateBlueprintItem(doc, item.id, { title })} />
      </div>
      <TextField label={t('common.description')} multiline maxLength={20000} value={item.description} editKey={{ id: item.id, field: 'description' }} disabled={readOnly} onCommit={(description) => updateBlueprintItem(doc, item.id, { description })} />
      <TextField label={t('common.ownerDepartment')} value={item.owner} editKey={{ id: item.id, field: 'owner' }} maxLength={200} disabled={readOnly} onCommit={(owner) => updateBlueprintItem(doc, item.id, { owner })} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`lane-${item.id}`}>{t('blueprint.laneLabel')}</label>
          <select id={`lane-${item.id}`} value={item.lane} disabled={readOnly} onChange={(e) => move({ lane: e.target.value as BlueprintLane })}>
            {BLUEPRINT_LANES.map((lane) => (
              <option key={lane} value={lane}>
                {t(`blueprint.lane.${lane}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`stage-${item.id}`}>{t('common.stage')}</label>
          <select id={`stage-${item.id}`} value={snapshot.stages[item.stageId] ? item.stageId : ''} disabled={readOnly} onChange={(e) => move({ stageId: e.target.value })}>
            {!snapshot.stages[item.stageId] && <option value="">{t('inspector.unplaced')}</option>}
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {phaseName(s.phase, snapshot.meta.locale)} › {s.title || t('canvas.untitledStage')}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Section title={t('blueprint.servesTouchpoints')}>
        {linked.length === 0 && <p className="muted small">{t('blueprint.noLinks')}</p>}
        <ul className="links-list" data-testid="blueprint-links">
          {linked.map((tp) => (
            <li key={tp.id}>
              <button type="button" className="link-button" onClick={() => select({ kind: 'touchpoint', id: tp.id })}>
                {tp.title || t('common.untitled')}
              </button>
              {!readOnly && (
                <button type="button" className="link-button danger" onClick={() => unlinkBlueprintTouchpoint(doc, item.id, tp.id)} aria-label={t('inspector.removeLinkTo', { title: tp.title || t('common.untitled') })}>
                  {t('common.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && unlinked.length > 0 && (
          <div className="field-inline">
            <label htmlFor={`serve-${item.id}`} className="visually-hidden">
              {t('blueprint.linkTouchpoint')}
            </label>
            <select id={`serve-${item.id}`} value={linkTarget} onChange={(e) => setLinkTarget(e.target.value)}>
              <option value="">{t('blueprint.linkTouchpoint')}</option>
              {unlinked.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp.title || t('common.untitled')}
                </option>
              ))}
            </select>
            <button type="button" disabled={!linkTarget} onClick={() => (isId('touchpoint', linkTarget) && linkBlueprintTouchpoint(doc, item.id, linkTarget), setLinkTarget(''))}>
              {t('common.link')}
            </button>
          </div>
        )}
      </Section>
      {!readOnly && <DeleteRecordButton label={t('blueprint.delete')} onDelete={() => deleteBlueprintItem(doc, item.id)} />}
    </>
  )
}
