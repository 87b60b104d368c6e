/**
 * A silent writing round in the browser (loaded only while a round is on). Each participant's
 * notes stay in this browser (sync/drafts.ts) and only their count goes out, through presence;
 * at the reveal, or when the round's timer runs out, every browser lands its notes on the map in
 * one write. A participant who was offline lands theirs when they reconnect and see the reveal.
 */
import { useEffect, useMemo, useState } from 'react'
import { endWritingRound, landNotes, mergeAnnotations, revealWritingRound, startWritingRound } from '../../commands/writingRound'
import { byOrder, WRITING_KINDS, writingOpen, writingRevealed, type WritingKind, type Annotation, type AnnotationId, type AnnotationTargetId, type WritingRound } from '../../model'
import { useT } from '../../i18n/useT'
import { addDraft, loadDrafts, markLanded, pendingDrafts, removeDraft, subscribeDrafts, type Draft } from '../../session/drafts'
import { useJourneyStore, type JourneyState } from '../../store'
import { useJourneyStoreWith } from '../../store/useJourneyStoreWith'
import { useMapSession } from '../../session/MapSessionContext'

/** This browser's notes in the round, re-read whenever they change here or in another tab. */
function useDrafts(mapId: string, roundId: string | undefined): Draft[] {
  const [version, setVersion] = useState(0)
  useEffect(() => subscribeDrafts(() => setVersion((v) => v + 1)), [])
  return useMemo(() => (roundId ? loadDrafts(mapId, roundId) : []), [mapId, roundId, version])
}

/** Whether the round's notes should be on the map now (relay time: see sync/clock.ts), checked twice a second while a timed round runs. */
function useRevealed(writing: WritingRound | null): boolean {
  const timer = useJourneyStore((s) => s.workshop.timer)
  const offset = useJourneyStore((s) => s.clockOffset)
  const [, tick] = useState(0)
  const ticking = Boolean(writing && writing.status === 'writing' && writing.timed && timer.status === 'running')
  useEffect(() => {
    if (!ticking) return
    const id = setInterval(() => tick((n) => n + 1), 500)
    return () => clearInterval(id)
  }, [ticking])
  return writingRevealed({ writing, timer }, Date.now() + offset)
}

/** Publishes this browser's count of notes, and lands its notes at the reveal. Renders nothing. */
export function WritingLander() {
  const session = useMapSession()
  const { doc, mapId } = session
  const writing = useJourneyStore((s) => s.workshop.writing)
  const role = useJourneyStore((s) => s.role)
  const name = useJourneyStore((s) => s.self.name)
  const drafts = useDrafts(mapId, writing?.id)
  const revealed = useRevealed(writing)
  const pending = pendingDrafts(drafts).length

  useEffect(() => {
    session.setPresence('writing', writing && !revealed ? { round: writing.id, notes: pending } : null)
  }, [session, writing, revealed, pending])
  useEffect(() => () => session.setPresence('writing', null), [session])

  // The facilitator's browser records a timed round's end as its reveal, for whoever joins later.
  useEffect(() => {
    if (revealed && role === 'facilitator' && writing?.status === 'writing') revealWritingRound(doc)
  }, [revealed, role, writing, doc])

  useEffect(() => {
    if (!revealed || !writing || role === 'viewer') return
    const waiting = pendingDrafts(drafts)
    if (waiting.length === 0) return
    const { landed } = landNotes(doc, waiting, { kind: writing.kind, author: writing.anonymous ? undefined : name || undefined })
    if (landed.length) markLanded(mapId, writing.id, landed)
  }, [revealed, writing, role, drafts, doc, mapId, name])
  return null
}

type Where = { id: string; title: string } | null
const selectWhere = (s: JourneyState): Where => {
  const sel = s.selection
  if (sel?.kind === 'stage') return s.snapshot.stages[sel.id] ? { id: sel.id, title: s.snapshot.stages[sel.id].title } : null
  if (sel?.kind === 'touchpoint') return s.snapshot.touchpoints[sel.id] ? { id: sel.id, title: s.snapshot.touchpoints[sel.id].title } : null
  return null
}
const sameWhere = (a: Where, b: Where) => a?.id === b?.id && a?.title === b?.title

/** The round in the side panel (the sheet on a phone): your notes where you are, and the facilitator's view. */
export function WritingPanel() {
  const { mapId } = useMapSession()
  const writing = useJourneyStore((s) => s.workshop.writing)
  const role = useJourneyStore((s) => s.role)
  const where = useJourneyStoreWith(selectWhere, sameWhere)
  const drafts = useDrafts(mapId, writing?.id)
  const revealed = useRevealed(writing)
  const t = useT()
  if (!writing) return null
  const kind = t(`annotationKind.${writing.kind}.other`)
  const pending = pendingDrafts(drafts)
  const exists = (id: string) => {
    const s = useJourneyStore.getState().snapshot
    return Boolean(s.stages[id] || s.touchpoints[id])
  }
  const homeless = revealed ? pending.filter((d) => !exists(d.targetId)) : []
  return (
    <section className="writing-panel" aria-label={t('writing.title', { kind })}>
      <h2>{t('writing.title', { kind })}</h2>
      {revealed ? (
        <p>{t('writing.revealed')}</p>
      ) : (
        <>
          <p className="writing-hint">{t('writing.hint')}</p>
          {writing.anonymous && <p className="writing-hint">{t('writing.anonymousHint')}</p>}
        </>
      )}
      {role === 'facilitator' && !revealed && <WritingProgress round={writing.id} own={pending.length} />}
      {role !== 'viewer' && !revealed && (
        <>
          {where ? <DraftsOn mapId={mapId} round={writing.id} where={where} drafts={pending.filter((d) => d.targetId === where.id)} /> : <p className="writing-hint">{t('writing.pickTarget')}</p>}
          <p className="writing-mine" data-testid="writing-mine">
            {t.plural('writing.mine', pending.length)}
          </p>
        </>
      )}
      {homeless.length > 0 && (
        <ul className="writing-drafts">
          {homeless.map((d) => (
            <li key={d.id} className="writing-draft">
              <span className="writing-draft-label">{t('writing.homeless')}</span>
              <span>{d.text}</span>
              <button type="button" className="link-button danger" onClick={() => removeDraft(mapId, writing.id, d.id)} aria-label={t('writing.deleteDraft', { text: d.text })}>
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {role === 'facilitator' && revealed && <MergeList kind={writing.kind} />}
    </section>
  )
}

/** How many people have written how many notes: counts from presence, never the notes. */
function WritingProgress({ round, own }: { round: string; own: number }) {
  const peers = useJourneyStore((s) => s.peers)
  const t = useT()
  let people = own > 0 ? 1 : 0
  let notes = own
  for (const p of peers) {
    if (p.writing?.round !== round || p.writing.notes === 0) continue
    people++
    notes += p.writing.notes
  }
  return (
    <p className="writing-progress" data-testid="writing-progress" role="status">
      {t('writing.progress', { people, notes })}
    </p>
  )
}

function DraftsOn({ mapId, round, where, drafts }: { mapId: string; round: string; where: { id: string; title: string }; drafts: Draft[] }) {
  const [text, setText] = useState('')
  const t = useT()
  const add = () => {
    if (!text.trim()) return
    addDraft(mapId, round, { targetId: where.id as AnnotationTargetId, text: text.trim() })
    setText('')
  }
  return (
    <>
      <ul className="writing-drafts">
        {drafts.map((d) => (
          <li key={d.id} className="writing-draft">
            <span className="writing-draft-label">{t('writing.draft')}</span>
            <span className="writing-draft-text">{d.text}</span>
            <button type="button" className="link-button danger" onClick={() => removeDraft(mapId, round, d.id)} aria-label={t('writing.deleteDraft', { text: d.text })}>
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="add-annotation"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <textarea value={text} onChange={(e) => setText(e.target.value)} aria-label={t('writing.newNote', { target: where.title })} maxLength={20000} rows={2} />
        <button type="submit" disabled={!text.trim()}>
          {t('writing.add')}
        </button>
      </form>
    </>
  )
}

interface Item {
  annotation: Annotation
  where: string
}
const sameItems = (a: Item[], b: Item[]) => a.length === b.length && a.every((x, i) => x.annotation === b[i].annotation && x.where === b[i].where)

/** After the reveal: the round's notes in journey order; drop one onto another to merge them. */
function MergeList({ kind }: { kind: WritingRound['kind'] }) {
  const { doc } = useMapSession()
  const t = useT()
  const [dragged, setDragged] = useState<AnnotationId | null>(null)
  const select = useMemo(
    () => (s: JourneyState) => {
      const { snapshot } = s
      const where = (id: string) => snapshot.touchpoints[id]?.title ?? snapshot.stages[id]?.title ?? snapshot.personas[id]?.name ?? ''
      return Object.values(snapshot.annotations)
        .filter((a) => a.kind === kind)
        .sort((a, b) => a.targetId.localeCompare(b.targetId) || byOrder(a, b))
        .map((annotation) => ({ annotation, where: where(annotation.targetId) }))
    },
    [kind],
  )
  const items = useJourneyStoreWith(select, sameItems)
  const merge = (from: AnnotationId, into: AnnotationId) => {
    if (from !== into) mergeAnnotations(doc, from, into)
  }
  if (items.length < 2) return null
  return (
    <>
      <p className="writing-hint">{t('writing.mergeHint')}</p>
      <ul className="writing-merge" aria-label={t('writing.mergeHint')}>
        {items.map(({ annotation: a, where }) => (
          <li
            key={a.id}
            draggable
            data-testid="merge-item"
            className={dragged && dragged !== a.id ? 'is-drop-target' : undefined}
            onDragStart={(e) => {
              e.dataTransfer.setData('text/plain', a.id)
              e.dataTransfer.effectAllowed = 'move'
              setDragged(a.id)
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault()
              const from = e.dataTransfer.getData('text/plain') || dragged
              setDragged(null)
              if (from) merge(from as AnnotationId, a.id)
            }}
          >
            <span className="writing-merge-text">{a.text}</span>
            <span className="writing-merge-where">
              {where}
              {a.author ? ` · ${t('writing.by', { name: a.author })}` : ''}
            </span>
            <select
              value=""
              aria-label={t('writing.mergeInto', { text: a.text })}
              onChange={(e) => {
                if (e.target.value) merge(a.id, e.target.value as AnnotationId)
              }}
            >
              <option value="">{t('writing.mergeChoose')}</option>
              {items
                .filter((o) => o.annotation.id !== a.id)
                .map((o) => (
                  <option key={o.annotation.id} value={o.annotation.id}>
                    {o.annotation.text.slice(0, 60)}
                  </option>
                ))}
            </select>
          </li>
        ))}
      </ul>
    </>
  )
}

/** The facilitator's controls for writing rounds, in the workshop bar; `minutes` is the timer's setting. */
export function WritingControls({ minutes }: { minutes: number }) {
  const { doc } = useMapSession()
  const writing = useJourneyStore((s) => s.workshop.writing)
  const offset = useJourneyStore((s) => s.clockOffset)
  const [writeKind, setWriteKind] = useState<WritingKind>('pain-point')
  const [anonymous, setAnonymous] = useState(false)
  const [onTimer, setOnTimer] = useState(false)
  const t = useT()
  return (
      <div className="wb-group" role="group" aria-label={t('workshop.writingRound')}>
        {!writingOpen(writing) ? (
          <>
            <label>
              <span className="wb-label">{t('workshop.writeOn')}</span>
              <select value={writeKind} onChange={(e) => setWriteKind(e.target.value as WritingKind)} aria-label={t('workshop.writeOn')}>
                {WRITING_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`annotationKind.${k}.other`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="wb-check">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              {t('workshop.writingAnonymous')}
            </label>
            <label className="wb-check">
              <input type="checkbox" checked={onTimer} onChange={(e) => setOnTimer(e.target.checked)} />
              {t('workshop.writingOnTimer')}
            </label>
            <button type="button" onClick={() => startWritingRound(doc, { kind: writeKind, anonymous, ...(onTimer ? { timerMs: minutes * 60_000, now: Date.now() + offset } : null) })}>
              {t('workshop.startWriting')}
            </button>
          </>
        ) : (
          <>
            {writing.status === 'writing' && (
              <button type="button" className="primary" onClick={() => revealWritingRound(doc)}>
                {t('workshop.revealNotes')}
              </button>
            )}
            <button type="button" onClick={() => endWritingRound(doc)}>
              {t('workshop.endWriting')}
            </button>
          </>
        )}
      </div>
  )
}
