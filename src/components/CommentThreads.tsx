import { useMemo, useState } from 'react'
import { addComment, deleteComment, setCommentResolved } from '../commands'
import { byOrder, type CommentId, type Comment, type Snapshot } from '../model'
import { ANNOTATION_LABELS } from '../i18n/phaseNames'
import { selectReadOnly, selectSnapshot, useJourneyStore } from '../store'
import { useMapSession } from './MapSessionContext'
import { MentionText } from './MentionText'

/**
 * Comment threads pinned to a record and to each of its annotations: start a thread, reply,
 * resolve, reopen. `@name` mentions a participant who is here.
 */
export function CommentThreads({ targetId }: { targetId: string }) {
  const snapshot = useJourneyStore(selectSnapshot)
  const annotations = useMemo(() => Object.values(snapshot.annotations).filter((a) => a.targetId === targetId).sort(byOrder), [snapshot.annotations, targetId])
  const targets = [{ id: targetId, label: 'This item' }, ...annotations.map((a) => ({ id: a.id, label: `${ANNOTATION_LABELS[a.kind].one}: ${a.text.slice(0, 40)}` }))]
  const [on, setOn] = useState(targetId)
  const threads = useMemo(() => {
    const ids = new Set(targets.map((t) => t.id))
    return Object.values(snapshot.comments)
      .filter((c) => ids.has(c.targetId))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    // targets is derived from annotations + targetId
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot.comments, annotations, targetId])
  return (
    <div className="comments">
      {threads.length === 0 && <p className="muted small">No comments yet.</p>}
      {threads.map((c) => (
        <Thread key={c.id} root={c} snapshot={snapshot} label={targets.find((t) => t.id === c.targetId)?.label ?? ''} />
      ))}
      <CommentForm
        targetId={on}
        placeholder="Comment… use @name to mention someone here"
        label="New comment"
        extra={
          targets.length > 1 && (
            <select value={on} onChange={(e) => setOn(e.target.value)} aria-label="Comment on">
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          )
        }
      />
    </div>
  )
}

function repliesTo(snapshot: Snapshot, id: string): Comment[] {
  return Object.values(snapshot.comments)
    .filter((c) => c.targetId === id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

function Thread({ root, snapshot, label }: { root: Comment; snapshot: Snapshot; label: string }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const me = useJourneyStore((s) => s.self.name)
  const [replying, setReplying] = useState(false)
  const replies = repliesTo(snapshot, root.id)
  return (
    <article className={`thread${root.resolved ? ' is-resolved' : ''}`} aria-label={`Comment by ${root.author}`}>
      {label !== 'This item' && <p className="thread-on small muted">on {label}</p>}
      {[root, ...replies].map((c) => (
        <div key={c.id} className="comment" data-testid="comment">
          <p className="comment-head">
            <strong>{c.author}</strong> <time className="muted small" dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString()}</time>
          </p>
          <p className="comment-text">
            <MentionText text={c.text} />
          </p>
          {!readOnly && c.author === me && (
            <button type="button" className="link-button danger small" onClick={() => deleteComment(doc, c.id as CommentId)} aria-label={`Delete comment: ${c.text.slice(0, 30)}`}>
              Delete
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <div className="thread-actions">
          <button type="button" className="link-button" onClick={() => setReplying((r) => !r)}>
            Reply
          </button>
          <button type="button" className="link-button" onClick={() => setCommentResolved(doc, root.id as CommentId, !root.resolved)}>
            {root.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      )}
      {replying && <CommentForm targetId={root.id} label={`Reply to ${root.author}`} placeholder="Reply…" onDone={() => setReplying(false)} />}
    </article>
  )
}

function CommentForm({ targetId, label, placeholder, extra, onDone }: { targetId: string; label: string; placeholder: string; extra?: React.ReactNode; onDone?: () => void }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const me = useJourneyStore((s) => s.self.name)
  const peers = useJourneyStore((s) => s.peers)
  const [text, setText] = useState('')
  if (readOnly) return null
  const mentionQuery = /@([^@\n]*)$/.exec(text)?.[1]
  const suggestions = mentionQuery !== undefined ? peers.filter((p) => p.name.toLowerCase().startsWith(mentionQuery.toLowerCase()) && p.name !== mentionQuery).slice(0, 5) : []
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!text.trim()) return
        addComment(doc, { targetId, author: me || 'Guest', text: text.trim() })
        setText('')
        onDone?.()
      }}
    >
      {extra}
      <textarea value={text} onChange={(e) => setText(e.target.value)} aria-label={label} placeholder={placeholder} rows={2} maxLength={20000} />
      {suggestions.length > 0 && (
        <ul className="mention-suggestions" aria-label="Mention">
          {suggestions.map((p) => (
            <li key={p.clientId}>
              <button type="button" onClick={() => setText(text.replace(/@([^@\n]*)$/, `@${p.name} `))}>
                @{p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="submit" disabled={!text.trim()}>
        {label.startsWith('Reply') ? 'Send reply' : 'Add comment'}
      </button>
    </form>
  )
}
