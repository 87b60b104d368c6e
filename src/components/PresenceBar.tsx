import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../i18n/useT'
import { useJourneyStore, type JourneyState } from '../store'

const selectStatus = (s: JourneyState) => ({ status: s.status, unsynced: s.unsynced })
const selectPeopleKey = (s: JourneyState) => s.peers.map((p) => `${p.clientId}\u0000${p.name}\u0000${p.color}`).join('\u0001')

/** Connection state: connected, connecting, or offline with N unsynced changes. */
export const ConnectionIndicator = memo(function ConnectionIndicator() {
  const { status, unsynced } = useJourneyStore(useShallow(selectStatus))
  const t = useT()
  const text =
    status === 'local'
      ? t('connection.local')
      : status === 'connected'
        ? t('connection.connected')
        : status === 'connecting'
          ? t('connection.connecting')
          : unsynced > 0
            ? t.plural('connection.offlineUnsynced', unsynced)
            : t('connection.offline')
  return (
    <span className={`connection connection-${status}`} role="status" aria-live="polite" data-testid="connection">
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  )
})

/** Who is here: the participant first, then everyone else. Re-renders on joins, not on cursor moves. */
export const PresenceAvatars = memo(function PresenceAvatars() {
  const key = useJourneyStore(selectPeopleKey)
  const self = useJourneyStore(useShallow((s: JourneyState) => s.self))
  const people = key ? key.split('\u0001').map((row) => row.split('\u0000')) : []
  const following = useJourneyStore((s: JourneyState) => s.following)
  const follow = useJourneyStore((s: JourneyState) => s.follow)
  const t = useT()
  return (
    <ul className="avatars" aria-label={t('presence.people')}>
      <li className="avatar" style={{ background: self.color }} title={t('presence.you', { name: self.name })} aria-label={t('presence.you', { name: self.name })}>
        {initials(self.name)}
      </li>
      {people.map(([id, name, color]) => (
        <li key={id} aria-label={name}>
          <button
            type="button"
            className={`avatar${following === Number(id) ? ' is-followed' : ''}`}
            style={{ background: color }}
            title={t(following === Number(id) ? 'presence.stopFollowing' : 'presence.follow', { name })}
            aria-label={t(following === Number(id) ? 'presence.stopFollowing' : 'presence.follow', { name })}
            onClick={() => follow(following === Number(id) ? null : Number(id))}
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
