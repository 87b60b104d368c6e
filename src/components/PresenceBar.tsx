import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../i18n/useT'
import { textColorOn } from '../model/textColorOn'
import { selectPeople, useJourneyStore, type JourneyState } from '../store'

const selectStatus = (s: JourneyState) => ({ status: s.status, unsynced: s.unsynced, catchingUp: s.catchingUp, held: s.held, refusal: s.refusal, role: s.role, locked: s.workshop.locked })

/**
 * Where this participant's work stands, in one line: connected, reconnecting or offline (with
 * what has not reached the relay), read-only (a viewer, or locked by the facilitator), held
 * (refused while locked, waiting for the unlock), or refused (see ReadOnlyBanner for what to do).
 */
export const ConnectionIndicator = memo(function ConnectionIndicator() {
  const { status, unsynced, catchingUp, held, refusal, role, locked } = useJourneyStore(useShallow(selectStatus))
  const t = useT()
  let kind: string = status
  let text: string
  switch (status) {
    case 'local':
      text = t('connection.local')
      break
    case 'refused':
      text = refusal === 'missing' ? t('connection.noLink') : refusal === 'revoked' || refusal === 'link' ? t('connection.refusedLink') : t('connection.refusedReload')
      break
    case 'offline':
      text = unsynced > 0 ? t.plural('connection.offlineUnsynced', unsynced) : t('connection.offline')
      break
    case 'reconnecting':
      text = unsynced > 0 ? t.plural('connection.reconnectingUnsynced', unsynced) : t('connection.reconnecting')
      break
    case 'connecting':
      text = t('connection.connecting')
      break
    case 'connected':
      // Live edits on their way are not worth a word; held ones, and offline ones still being saved, are.
      if (held && unsynced > 0) {
        kind = 'held'
        text = t.plural('connection.held', unsynced)
      } else if (catchingUp > 0) {
        kind = 'connecting'
        text = t.plural('connection.saving', catchingUp)
      } else if (locked && role === 'editor') {
        kind = 'locked'
        text = t('connection.locked')
      } else text = role === 'viewer' ? t('connection.viewOnly') : t('connection.connected')
      break
  }
  return (
    <span className={`connection connection-${kind}`} role="status" aria-live="polite" data-testid="connection" data-unsynced={unsynced}>
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  )
})

/** Who is here: the participant first, then everyone else. Re-renders on joins, not on cursor moves. */
export const PresenceAvatars = memo(function PresenceAvatars() {
  const people = useJourneyStore(selectPeople)
  const self = useJourneyStore(useShallow((s: JourneyState) => s.self))
  const following = useJourneyStore((s: JourneyState) => s.following)
  const follow = useJourneyStore((s: JourneyState) => s.follow)
  const t = useT()
  return (
    <ul className="avatars" aria-label={t('presence.people')}>
      <li className="avatar" style={{ background: self.color, color: textColorOn(self.color) }} title={t('presence.you', { name: self.name })} aria-label={t('presence.you', { name: self.name })}>
        {initials(self.name)}
      </li>
      {people.map(({ clientId: id, name, color }) => (
        <li key={id} aria-label={name}>
          <button
            type="button"
            className={`avatar${following === id ? ' is-followed' : ''}`}
            style={{ background: color, color: textColorOn(color ?? '') }}
            title={t(following === id ? 'presence.stopFollowing' : 'presence.follow', { name })}
            aria-label={t(following === id ? 'presence.stopFollowing' : 'presence.follow', { name })}
            onClick={() => follow(following === id ? null : id)}
          >
            {initials(name)}
          </button>
        </li>
      ))}
    </ul>
  )
})

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => [...w][0]?.toUpperCase())
      .join('') || '?'
  )
}
