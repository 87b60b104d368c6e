import { Handle, Position, useStore, type NodeProps } from '@xyflow/react'
import { memo, useCallback, useContext, useEffect, useRef } from 'react'
import { PresenceShown } from '../presenceShown'
import { useJourneyStore } from '../../store'
import type { JourneyState } from '../../store'
import type { TouchpointNode } from '../toFlow'
import { useMapSession } from '../../session/MapSessionContext'
import { updateTouchpoint, type TouchpointFields } from '../../commands'
import type { TouchpointId } from '../../model'
import { useT } from '../../i18n/useT'
import { EmotionFace, emotionColor, emotionLabel } from './EmotionFace'
import { usePeerEditing, useSharedDraft } from '../../fields/useSharedDraft'
import { PeerEditingMark, TheirChange } from '../../fields/fields'
import { MeasuredBadge, MeasuredMark, QuoteBadge } from '../feedback/CardFeedbackBadges'
import { CardVotes } from './CardVotes'
import { textColorOn } from '../../model/textColorOn'
import { selectDetail } from './levelOfDetail'

/** `color|name` of a peer who has this card selected, or '' (a string, so the selector is cheap). */
function usePeerOutline(id: string | null): string {
  return useJourneyStore(useCallback((s: JourneyState) => (id === null ? '' : (s.peerSelections[id] ?? '')), [id]))
}

const selectIsEditing = (id: string) => (s: JourneyState) => s.editingTitleId === id

/** Set by the editor benchmark to count card renders; absent (one property read) otherwise. */
const probe = globalThis as { __journeyRenderProbe?: (id: string) => void }

export const TouchpointCard = memo(function TouchpointCard({ id, data, selected }: NodeProps<TouchpointNode>) {
  const { touchpoint: tp, summary, personaColor, votables } = data
  probe.__journeyRenderProbe?.(id)
  const presence = useContext(PresenceShown)
  const peers = usePeerOutline(presence ? id : null)
  const editing = useJourneyStore(useCallback(selectIsEditing(id), [id]))
  const peerEditing = usePeerEditing(presence ? id : null)
  const firstPeer = peerEditing ? [peerEditing.color, peerEditing.name] : peers ? peers.split('|') : null
  const detail = useStore(selectDetail)
  const t = useT()
  if (detail > 0 && !editing) {
    const unmet = summary.functionalUnmet + summary.emotionalUnmet
    return (
      <article
        className={`tp-card is-compact lod-${detail}${selected ? ' is-selected' : ''}`}
        title={peerEditing ? t('field.peerEditing', { name: peerEditing.name }) : undefined}
        style={{ borderLeftColor: personaColor, ...(tp.emotion !== null ? { ['--emotion' as string]: emotionColor(tp.emotion) } : null), ...(firstPeer ? { outline: `3px solid ${firstPeer[0]}` } : null) }}
        data-testid="touchpoint-card"
      >
        <div className="tp-compact-head">
          <h3 className="tp-title">{tp.title || t('common.untitled')}</h3>
          {tp.emotion !== null && (
            // At far zoom a thousand cards may be in view: the emotion is one coloured disc with
            // its score (one element to paint, not a drawn face), which keeps panning smooth.
            detail === 2 ? (
              <span className="tp-emotion-disc" role="img" aria-label={emotionLabel(t, tp.emotion)} style={{ background: emotionColor(tp.emotion), color: textColorOn(emotionColor(tp.emotion)) }}>
                {tp.emotion > 0 ? `+${tp.emotion}` : tp.emotion < 0 ? `−${-tp.emotion}` : '0'}
              </span>
            ) : (
              <span className="tp-compact-emotion">
                <EmotionFace emotion={tp.emotion} size={28} />
                <span className="tp-score">{tp.emotion > 0 ? `+${tp.emotion}` : tp.emotion}</span>
              </span>
            )
          )}
        </div>
        <p className="tp-compact-marks">
          {unmet > 0 && <span className="tp-mark unmet" title={t.plural('canvas.mark.unmet', unmet)}>{unmet}</span>}
          {summary.pain > 0 && <span className="tp-mark pain" title={t.plural('canvas.badge.pain', summary.pain)}>⚡{summary.pain}</span>}
          {summary.truth > 0 && <span className="tp-mark truth" title={t.plural('canvas.badge.truth', summary.truth)}>★{summary.truth}</span>}
          {data.blueprintCount > 0 && (
            <span className="tp-mark blueprint" role="img" aria-label={t.plural('blueprint.servedBy', data.blueprintCount)} data-testid="blueprint-badge">
              ⚙{data.blueprintCount}
            </span>
          )}
          {votables?.some((v) => v.total !== null) && (
            <span className="tp-mark votes" role="img" aria-label={t.plural('voting.votes', votables.reduce((n, v) => n + (v.total ?? 0), 0))}>
              ●{votables.reduce((n, v) => n + (v.total ?? 0), 0)}
            </span>
          )}
          <MeasuredMark touchpointId={tp.id} />
        </p>
      </article>
    )
  }
  return (
    <article
      className={`tp-card${selected ? ' is-selected' : ''}${summary.functionalUnmet + summary.emotionalUnmet > 0 ? ' has-unmet' : ''}`}
      style={{ borderLeftColor: personaColor, ...(firstPeer ? { outline: `2px solid ${firstPeer[0]}`, outlineOffset: 2 } : null) }}
      data-testid="touchpoint-card"
    >
      {peerEditing ? (
        <span className="tp-peer-tag is-editing">
          <PeerEditingMark peer={peerEditing} />
        </span>
      ) : (
        firstPeer && (
          <span className="tp-peer-tag" style={{ background: firstPeer[0] }}>
            {firstPeer[1]}
          </span>
        )
      )}
      <Handle type="target" position={Position.Left} id="in" className="tp-handle" />
      <header className="tp-head">
        {editing ? <TitleEditor id={tp.id} title={tp.title} /> : <h3 className="tp-title">{tp.title || <span className="muted">{t('common.untitled')}</span>}</h3>}
        <div className="tp-emotion" title={t('inspector.emotion')}>
          <EmotionFace emotion={tp.emotion} />
          {tp.emotion !== null && <span className="tp-score">{tp.emotion > 0 ? `+${tp.emotion}` : tp.emotion}</span>}
        </div>
      </header>
      {votables ? (
        <CardVotes items={votables} />
      ) : (
        <>
      <p className="tp-meta">
        {tp.channel && <span className="tp-channel">{tp.channel}</span>}
        {tp.owner && <span className="tp-owner">{tp.owner}</span>}
        {tp.priority !== null && <span className="tp-priority" title={t('canvas.priority', { n: tp.priority })}>P{tp.priority}</span>}
      </p>
      <ul className="tp-badges" aria-label={t('common.annotations')}>
        <MeasuredBadge touchpointId={tp.id} />
        <QuoteBadge touchpointId={tp.id} />
        {summary.functional > 0 && (
          <li className={`badge need${summary.functionalUnmet ? ' unmet' : ''}`} title={t.plural('canvas.badge.functional', summary.functional, {unmet: summary.functionalUnmet })}>
            {t('canvas.badge.functionalShort')} {summary.functionalUnmet ? t('canvas.badge.unmet', { unmet: summary.functionalUnmet, count: summary.functional }) : summary.functional}
          </li>
        )}
        {summary.emotional > 0 && (
          <li className={`badge need${summary.emotionalUnmet ? ' unmet' : ''}`} title={t.plural('canvas.badge.emotional', summary.emotional, {unmet: summary.emotionalUnmet })}>
            {t('canvas.badge.emotionalShort')} {summary.emotionalUnmet ? t('canvas.badge.unmet', { unmet: summary.emotionalUnmet, count: summary.emotional }) : summary.emotional}
          </li>
        )}
        {summary.pain > 0 && <li className="badge pain" title={t.plural('canvas.badge.pain', summary.pain)}>⚡ {summary.pain}</li>}
        {summary.truth > 0 && <li className="badge truth" title={t.plural('canvas.badge.truth', summary.truth)}>★ {summary.truth}</li>}
        {summary.opportunity > 0 && <li className="badge opportunity" title={t.plural('canvas.badge.opportunity', summary.opportunity)}>◆ {summary.opportunity}</li>}
        {summary.note > 0 && <li className="badge note" title={t.plural('canvas.badge.note', summary.note)}>✎ {summary.note}</li>}
        {summary.comments > 0 && <li className="badge comment" title={t.plural('canvas.badge.comments', summary.comments)}>💬 {summary.comments}</li>}
        {data.blueprintCount > 0 && (
          <li className="badge blueprint" title={t.plural('blueprint.servedBy', data.blueprintCount)} data-testid="blueprint-badge">
            <span aria-hidden="true">⚙</span> <span className="visually-hidden">{t.plural('blueprint.servedBy', data.blueprintCount)}</span>
            <span aria-hidden="true">{data.blueprintCount}</span>
          </li>
        )}
        {summary.evidenced + summary.assumed > 0 && (
          <li className="badge evidence" title={t('canvas.badge.evidence', { evidenced: summary.evidenced, assumed: summary.assumed })}>
            <span className="visually-hidden">{t('canvas.badge.evidenceLabel')} </span>
            {summary.evidenced > 0 ? `✓${summary.evidenced}` : ''}
            {summary.evidenced > 0 && summary.assumed > 0 ? ' ' : ''}
            {summary.assumed > 0 ? `?${summary.assumed}` : ''}
          </li>
        )}
      </ul>
        </>
      )}
      <Handle type="source" position={Position.Right} id="out" className="tp-handle" />
    </article>
  )
})

/** Inline title editing on the card: Enter or blur saves what was typed, Escape cancels. */
function TitleEditor({ id, title }: { id: TouchpointId; title: string }) {
  const { doc } = useMapSession()
  const t = useT()
  const ref = useRef<HTMLInputElement>(null)
  const offerRef = useRef<HTMLDivElement>(null)
  const done = useRef(false)
  const field = useSharedDraft(title, {
    onCommit: (text) => void updateTouchpoint(doc, id, { title: text } satisfies Partial<TouchpointFields>),
    editKey: { id, field: 'title' },
    offerRef,
  })
  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])
  const close = () => {
    done.current = true
    useJourneyStore.getState().startEditingTitle(null)
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus())
  }
  return (
    <>
      <input
        ref={ref}
        className="tp-title-input nodrag"
        aria-label={t('canvas.touchpointTitle')}
        value={field.draft}
        maxLength={500}
        onFocus={field.onFocus}
        onChange={field.onChange}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Enter') e.currentTarget.blur()
          if (e.key === 'Escape') {
            field.cancel()
            close()
          }
        }}
        onBlur={(e) => {
          if (!done.current && field.onBlur(e)) close()
        }}
      />
      {field.theirs !== null && (
        <div className="tp-their-change nodrag">
          <TheirChange
            ref={offerRef}
            theirs={field.theirs}
            by={field.theirsBy}
            onTake={() => {
              field.takeTheirs()
              ref.current?.focus()
            }}
          />
        </div>
      )}
    </>
  )
}
