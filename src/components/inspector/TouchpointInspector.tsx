import { useMemo, useState } from 'react'
import { deleteLink, deleteTouchpoint, linkTouchpoints, unlinkBlueprintTouchpoint, updateTouchpoint } from '../../commands'
import { byOrder, BLUEPRINT_LANES, CHANNELS, isId, type Snapshot, type Touchpoint } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { translate, type MessageKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { Section, TextField } from '../../fields/fields'
import { TouchpointMetrics } from '../TouchpointMetrics'
import { NotesAndComments } from './NotesAndComments'
import { DeleteRecordButton } from './RecordButtons'

const DEPARTMENTS: MessageKey[] = ['department.sales', 'department.marketing', 'department.customerService', 'department.workshop', 'department.finance', 'department.it', 'department.hr', 'department.logistics', 'department.product']
const EMOTIONS = [null, -2, -1, 0, 1, 2] as const

/** A touchpoint: its fields, emotion, priority, metrics, links, annotations and comments. */
export function TouchpointInspector({ tp, snapshot }: { tp: Touchpoint; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  const [linkTarget, setLinkTarget] = useState('')
  // Channel and department suggestions become map content, so they come in the map's language.
  const mapLocale = snapshot.meta.locale
  const set = (patch: Partial<Touchpoint>) => updateTouchpoint(doc, tp.id, patch)
  const others = useMemo(() => Object.values(snapshot.touchpoints).filter((t) => t.id !== tp.id).sort((a, b) => a.title.localeCompare(b.title)), [snapshot.touchpoints, tp.id])
  const links = Object.values(snapshot.links).filter((l) => l.from === tp.id || l.to === tp.id)
  const stage = snapshot.stages[tp.stageId]
  const persona = snapshot.personas[tp.personaId]
  return (
    <>
      <p className="crumb">
        {stage ? `${phaseName(stage.phase, snapshot.meta.locale)} › ${stage.title}` : t('inspector.unplaced')} · {persona?.name ?? '—'}
      </p>
      <TextField label={t('common.title')} value={tp.title} editKey={{ id: tp.id, field: 'title' }} disabled={readOnly} onCommit={(title) => set({ title })} />
      <TextField label={t('common.description')} multiline maxLength={20000} value={tp.description} editKey={{ id: tp.id, field: 'description' }} disabled={readOnly} onCommit={(description) => set({ description })} />
      <div className="field-row">
        <TextField label={t('inspector.channel')} value={tp.channel} editKey={{ id: tp.id, field: 'channel' }} list="channel-options" maxLength={100} disabled={readOnly} onCommit={(channel) => set({ channel })} />
        <TextField label={t('common.ownerDepartment')} value={tp.owner} editKey={{ id: tp.id, field: 'owner' }} list="department-options" maxLength={200} disabled={readOnly} onCommit={(owner) => set({ owner })} />
      </div>
      <datalist id="channel-options">
        {CHANNELS.map((c) => (
          <option key={c} value={translate(mapLocale, `channel.${c}`)} />
        ))}
      </datalist>
      <datalist id="department-options">
        {DEPARTMENTS.map((d) => (
          <option key={d} value={translate(mapLocale, d)} />
        ))}
      </datalist>
      <fieldset className="emotion-picker" disabled={readOnly}>
        <legend>{t('inspector.emotion')}</legend>
        {EMOTIONS.map((v) => (
          <label key={String(v)} className={tp.emotion === v ? 'is-checked' : undefined}>
            <input type="radio" name={`emotion-${tp.id}`} checked={tp.emotion === v} onChange={() => set({ emotion: v })} />
            <span>{v === null ? t('emotion.notScored') : `${v > 0 ? '+' : ''}${v} ${t(`emotion.${v}`)}`}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`priority-${tp.id}`}>{t('inspector.priority')}</label>
        <select id={`priority-${tp.id}`} value={tp.priority ?? ''} disabled={readOnly} onChange={(e) => set({ priority: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('common.none')}</option>
          {[1, 2, 3, 4, 5].map((p) => (
            <option key={p} value={p}>
              {p === 1 ? t('inspector.priorityHighest', { n: p }) : p === 5 ? t('inspector.priorityLowest', { n: p }) : p}
            </option>
          ))}
        </select>
      </div>
      <Section title={t('common.metrics')}>
        <TouchpointMetrics tp={tp} />
      </Section>
      <ServedBy tp={tp} snapshot={snapshot} />
      <NotesAndComments targetId={tp.id} />
      <Section title={t('common.links')}>
        <ul className="links-list">
          {links.map((l) => {
            const other = snapshot.touchpoints[l.from === tp.id ? l.to : l.from]
            return (
              <li key={l.id}>
                <span>
                  {l.from === tp.id ? '→' : '←'} {other?.title ?? t('inspector.deletedCard')}
                  {l.label && <em> ({l.label})</em>}
                </span>
                {!readOnly && (
                  <button type="button" className="link-button danger" onClick={() => deleteLink(doc, l.id)} aria-label={t('inspector.removeLinkTo', { title: other?.title ?? t('inspector.deletedCard') })}>
                    {t('common.remove')}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
        {!readOnly && others.length > 0 && (
          <div className="field-inline">
            <label htmlFor={`link-${tp.id}`} className="visually-hidden">
              {t('inspector.linkToTouchpoint')}
            </label>
            <select id={`link-${tp.id}`} value={linkTarget} onChange={(e) => setLinkTarget(e.target.value)}>
              <option value="">{t('inspector.linkTo')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title || t('common.untitled')}
                </option>
              ))}
            </select>
            <button type="button" disabled={!linkTarget} onClick={() => (isId('touchpoint', linkTarget) && linkTouchpoints(doc, tp.id, linkTarget), setLinkTarget(''))}>
              {t('common.link')}
            </button>
          </div>
        )}
      </Section>
      {!readOnly && <DeleteRecordButton label={t('inspector.deleteTouchpoint')} onDelete={() => deleteTouchpoint(doc, tp.id)} />}
    </>
  )
}

/** The blueprint items that serve this touchpoint: the organisation behind it, one click from each. */
function ServedBy({ tp, snapshot }: { tp: Touchpoint; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const t = useT()
  const items = Object.values(snapshot.blueprintItems)
    .filter((item) => item.touchpointIds.includes(tp.id))
    .sort((a, b) => BLUEPRINT_LANES.indexOf(a.lane) - BLUEPRINT_LANES.indexOf(b.lane) || byOrder(a, b))
  if (items.length === 0) return null
  return (
    <Section title={t('blueprint.servedByTitle')}>
      <ul className="links-list" data-testid="served-by">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="link-button" onClick={() => select({ kind: 'blueprintItem', id: item.id })}>
              {t(`blueprint.lane.${item.lane}`)}: {item.title || t('blueprint.untitled')}
              {item.owner && ` · ${item.owner}`}
            </button>
            {!readOnly && (
              <button type="button" className="link-button danger" onClick={() => unlinkBlueprintTouchpoint(doc, item.id, tp.id)} aria-label={t('inspector.removeLinkTo', { title: item.title || t('blueprint.untitled') })}>
                {t('common.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Section>
  )
}
