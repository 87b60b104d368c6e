import { useId, useMemo, useState } from 'react'
import { addAnnotation, deleteAnnotation, editAnnotation, setNeedStatus } from '../commands'
import { ANNOTATION_KINDS, byOrder, isNeedKind, NEED_STATUSES, type Annotation, type AnnotationKind, type AnnotationTargetId, type NeedStatus } from '../model'
import { useT } from '../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../store'
import { AnnotationExtras } from './AnnotationExtras'
import { TextField } from '../fields/fields'
import { useMapSession } from '../session/MapSessionContext'

/** Every annotation kind on one target: add, edit, delete, and need status. */
export function AnnotationList({ targetId }: { targetId: string }) {
  // The annotations collection, not the snapshot: an edit to a card or a stage leaves it as it was.
  const annotations = useJourneyStore((s) => s.snapshot.annotations)
  const readOnly = useJourneyStore(selectReadOnly)
  const byKind = useMemo(() => {
    const map = new Map<AnnotationKind, typeof list>()
    const list = Object.values(annotations).filter((a) => a.targetId === targetId).sort(byOrder)
    for (const kind of ANNOTATION_KINDS) map.set(kind, [])
    for (const a of list) map.get(a.kind)!.push(a)
    return map
  }, [annotations, targetId])

  return (
    <div className="annotations">
      {ANNOTATION_KINDS.map((kind) => (
        <KindGroup key={kind} kind={kind} targetId={targetId} items={byKind.get(kind)!} readOnly={readOnly} />
      ))}
    </div>
  )
}

function KindGroup({ kind, targetId, items, readOnly }: { kind: AnnotationKind; targetId: string; items: Annotation[]; readOnly: boolean }) {
  const { doc } = useMapSession()
  const [draft, setDraft] = useState('')
  const headingId = useId()
  const t = useT()
  const one = t(`annotationKind.${kind}.one`)
  const oneLower = one.toLocaleLowerCase(t.locale)
  const add = () => {
    const text = draft.trim()
    if (!text) return
    addAnnotation(doc, { targetId: targetId as AnnotationTargetId, kind, text })
    setDraft('')
  }
  return (
    <section className={`kind-group kind-${kind}`} aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t(`annotationKind.${kind}.other`)} <span className="count">{items.length}</span>
      </h4>
      <ul>
        {items.map((a) => (
          <li key={a.id} className={a.status === 'unmet' ? 'is-unmet' : undefined}>
            <TextField label={t('annotation.textOf', { kind: one })} hideLabel value={a.text} editKey={{ id: a.id, field: 'text' }} multiline maxLength={20000} disabled={readOnly} onCommit={(text) => editAnnotation(doc, a.id, { text })} />
            <div className="annotation-actions">
              {isNeedKind(kind) && (
                <label>
                  <span className="visually-hidden">{t('common.statusOf', { name: a.text })}</span>
                  <select value={a.status ?? ''} disabled={readOnly} onChange={(e) => setNeedStatus(doc, a.id, (e.target.value || null) as NeedStatus | null)}>
                    <option value="">{t('common.noStatus')}</option>
                    {NEED_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`needStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {!readOnly && (
                <button type="button" className="link-button danger" onClick={() => deleteAnnotation(doc, a.id)} aria-label={t('annotation.deleteKind', { kind: oneLower, text: a.text })}>
                  {t('common.delete')}
                </button>
              )}
            </div>
            <AnnotationExtras annotation={a} readOnly={readOnly} />
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="add-annotation"
          onSubmit={(e) => {
            e.preventDefault()
            add()
          }}
        >
          <input value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t(`annotation.newLabel.${kind}`)} placeholder={t('annotation.addPlaceholder', { kind: oneLower })} maxLength={20000} />
          <button type="submit" aria-label={t('annotation.addKind', { kind: oneLower })} disabled={!draft.trim()}>
            {t('common.add')}
          </button>
        </form>
      )}
    </section>
  )
}
