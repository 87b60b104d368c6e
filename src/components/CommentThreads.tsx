import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { addComment, deleteComment, setCommentResolved } from '../commands'
import { byOrder, type Comment, type Snapshot } from '../model'
import { formatDateTime } from '../i18n/format'
import { useT } from '../i18n/useT'
import { useShallow } from 'zustand/react/shallow'
import { selectPeople, selectReadOnly, useJourneyStore, type JourneyState } from '../store'
import { useMapSession } from '../session/MapSessionContext'
import { MentionText } from './MentionText'

/**
 * Comment threads pinned to a record and to each of its annotations: start a thread, reply,
 * resolve, reopen. `@name` mentions a participant who is here.
 */
export function CommentThreads({ targetId }: { targetId: string }) {
  // The two collections the threads show, not the snapshot: an edit to a card or a stage leaves both as they were.
  const snapshot = useJourneyStore(useShallow((s: JourneyState): Pick<Snapshot, 'annotations' | 'comments'> => ({ annotations: s.snapshot.annotations, comments: s.snapshot.comments })))
  const t = useT()
  const annotations = useMemo(() => Object.values(snapshot.annotations).filter((a) => a.targetId === targetId).sort(byOrder), [snapshot.annotations, targetId])
  // The record itself is labelled null: its thread needs no "on …" line.
  const targets: { id: string; label: string | null }[] = [{ id: targetId, label: null }, ...annotations.map((a) => ({ id: a.id, label: `${t(`annotationKind.${a.kind}.one`)}: ${a.text.slice(0, 40)}` }))]
  // Which item a new comment goes on, for this record only: selecting another record (the same
  // component, new props) must not leave a new comment aimed at the one selected before.
  const [picked, setPicked] = useState({ record: targetId, id: targetId })
  const on = picked.record === targetId ? picked.id : targetId
  const setOn = (id: string) => setPicked({ record: targetId, id })
  const threads = useMemo(() => {
    const ids = new Set(targets.map((t) => t.id))
    return Object.values(snapshot.comments)
      .filter((c) => ids.has(c.targetId))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    // targets is derived from annotations + targetId
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot.comments, annotations, targetId])
  // One pass over the comments for every thread's replies: a card with thousands of threads must
  // not read every comment once per thread.
  const replies = useMemo(() => repliesByTarget(snapshot.comments), [snapshot.comments])
  return (
    <div className="comments">
      {threads.length === 0 && <p className="muted small">{t('comments.none')}</p>}
      {threads.map((c) => (
        <Thread key={c.id} root={c} replies={replies.get(c.id) ?? NO_REPLIES} label={targets.find((target) => target.id === c.targetId)?.label ?? null} />
      ))}
      <CommentForm
        targetId={on}
        placeholder={t('comments.placeholder')}
        label={t('comments.new')}
        submitLabel={t('comments.add')}
        extra={
          targets.length > 1 && (
            <select value={on} onChange={(e) => setOn(e.target.value)} aria-label={t('comments.on')}>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.label ?? t('comments.thisItem')}
                </option>
              ))}
            </select>
          )
        }
      />
    </div>
  )
}

const NO_REPLIES: Comment[] = []

/** The comments that answer each comment, oldest first. */
function repliesByTarget(comments: Snapshot['comments']): Map<string, Comment[]> {
  const byTarget = new Map<string, Comment[]>()
  for (const c of Object.values(comments)) {
    if (!c.targetId.startsWith('comment:')) continue
    const list = byTarget.get(c.targetId)
    if (list) list.push(c)
    else byTarget.set(c.targetId, [c])
  }
  for (const list of byTarget.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  return byTarget
}

function Thread({ root, replies, label }: { root: Comment; replies: Comment[]; label: string | null }) {
  const { doc } = useMapSession()
  const t = useT()
  const readOnly = useJourneyStore(selectReadOnly)
  const me = useJourneyStore((s) => s.self.name)
  const [replying, setReplying] = useState(false)
  return (
    <article className={`thread${root.resolved ? ' is-resolved' : ''}`} aria-label={t('comments.by', { author: root.author })}>
      {label !== null && <p className="thread-on small muted">{t('comments.onTarget', { label })}</p>}
      {[root, ...replies].map((c) => (
        <div key={c.id} className="comment" data-testid="comment">
          <p className="comment-head">
            <strong>{c.author}</strong> <time className="muted small" dateTime={c.createdAt}>{formatDateTime(c.createdAt, t.locale)}</time>
          </p>
          <p className="comment-text">
            <MentionText text={c.text} />
          </p>
          {!readOnly && c.author === me && (
            <button type="button" className="link-button danger small" onClick={() => deleteComment(doc, c.id)} aria-label={t('comments.delete', { text: c.text.slice(0, 30) })}>
              {t('common.delete')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <div className="thread-actions">
          <button type="button" className="link-button" onClick={() => setReplying((r) => !r)}>
            {t('comments.reply')}
          </button>
          <button type="button" className="link-button" onClick={() => setCommentResolved(doc, root.id, !root.resolved)}>
            {root.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
      {replying && <CommentForm targetId={root.id} label={t('comments.replyTo', { author: root.author })} placeholder={t('comments.replyPlaceholder')} submitLabel={t('comments.sendReply')} onDone={() => setReplying(false)} />}
    </article>
  )
}

function CommentForm({ targetId, label, placeholder, submitLabel, extra, onDone }: { targetId: string; label: string; placeholder: string; submitLabel: string; extra?: React.ReactNode; onDone?: () => void }) {
  const { doc } = useMapSession()
  const t = useT()
  const readOnly = useJourneyStore(selectReadOnly)
  const me = useJourneyStore((s) => s.self.name)
  const peers = useJourneyStore(selectPeople)
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const box = useRef<HTMLTextAreaElement>(null)
  const listId = useId()
  // Where the caret goes once a picked mention is rendered (before the next keystroke can land).
  const caretAt = useRef<number | null>(null)
  // A picked mention ends in a space; a space typed right after it is that same space, not a second.
  const picked = useRef<string | null>(null)
  useLayoutEffect(() => {
    if (caretAt.current === null || !box.current) return
    box.current.setSelectionRange(caretAt.current, caretAt.current)
    caretAt.current = null
  }, [text])
  if (readOnly) return null
  const mentionQuery = /@([^@\n]*)$/.exec(text)?.[1]
  const suggestions = mentionQuery !== undefined ? peers.filter((p) => p.name.toLowerCase().startsWith(mentionQuery.toLowerCase()) && p.name !== mentionQuery).slice(0, 5) : []
  const current = suggestions.length > 0 ? Math.min(active, suggestions.length - 1) : -1
  // Picking a name completes the mention and leaves the caret in the box, so the next keystroke
  // types into the comment (a canvas shortcut such as N must not fire, issue 12).
  const pick = (name: string) => {
    const next = text.replace(/@([^@\n]*)$/, `@${name} `)
    setText(next)
    setActive(0)
    picked.current = next
    caretAt.current = next.length
    box.current?.focus()
  }
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!text.trim()) return
        addComment(doc, { targetId, author: me || t('common.guest'), text: text.trim() })
        setText('')
        onDone?.()
      }}
    >
      {extra}
      <textarea
        ref={box}
        value={text}
        onChange={(e) => {
          const after = picked.current
          picked.current = null
          if (after !== null && e.target.value === `${after} `) return
          setText(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (suggestions.length === 0) return
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((current + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length)
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault()
            pick(suggestions[current]!.name)
          }
        }}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={suggestions.length > 0 ? listId : undefined}
        aria-activedescendant={current >= 0 ? `${listId}-${current}` : undefined}
        placeholder={placeholder}
        rows={2}
        maxLength={20000}
      />
      {suggestions.length > 0 && (
        <ul className="mention-suggestions" id={listId} role="listbox" aria-label={t('comments.mention')}>
          {suggestions.map((p, i) => (
            <li
              key={p.clientId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'is-active' : undefined}
              // Keep focus in the comment box: a pointer press on a suggestion must not move it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(p.name)}
            >
              @{p.name}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" disabled={!text.trim()}>
        {submitLabel}
      </button>
    </form>
  )
}
