import { useEffect, useRef, useState } from 'react'
import { selectionOf, selectSnapshot, useJourneyStore } from '../store'
import { replyChainRoot } from '../model'
import { mentions } from './MentionText'
import { useT } from '../i18n/useT'

/**
 * When a colleague mentions this participant (`@name`) in a new comment, their screen says so and
 * offers to jump to it.
 */
export function MentionNotifier() {
  const snapshot = useJourneyStore(selectSnapshot)
  const me = useJourneyStore((s) => s.self.name)
  const select = useJourneyStore((s) => s.select)
  const t = useT()
  const seen = useRef<Set<string> | null>(null)
  const [notice, setNotice] = useState<{ author: string; text: string; targetId: string } | null>(null)

  useEffect(() => {
    const ids = Object.keys(snapshot.comments)
    if (!seen.current) {
      // Comments present when the map opened are not news.
      seen.current = new Set(ids)
      return
    }
    for (const id of ids) {
      if (seen.current.has(id)) continue
      seen.current.add(id)
      const c = snapshot.comments[id]
      if (c.author !== me && mentions(c.text, me)) {
        // A reply chain that loops or runs too deep hangs on nothing: the notice offers no jump.
        setNotice({ author: c.author, text: c.text, targetId: replyChainRoot(snapshot.comments, id) ?? '' })
      }
    }
  }, [snapshot.comments, me])

  if (!notice) return null
  const target = selectionOf(notice.targetId)
  return (
    <div className="mention-toast" role="alert">
      <strong>{t('comments.mentionedYou', { author: notice.author })}</strong>
      <p>{notice.text}</p>
      <div className="dialog-actions">
        {(target?.kind === 'touchpoint' || target?.kind === 'persona' || target?.kind === 'stage') && (
          <button type="button" className="primary" onClick={() => (select(target), setNotice(null))}>
            {t('common.show')}
          </button>
        )}
        <button type="button" onClick={() => setNotice(null)}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  )
}
