import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useJourneyStore, type JourneyState } from '../store'

const selectStatus = (s: JourneyState) => ({ status: s.status, unsynced: s.unsynced })
const selectPeopleKey = (s: JourneyState) => s.peers.map((p) => `${p.clientId}\u0000${p.name}\u0000${p.color}`).join('\u0001')

/** Connection state: connected, connecting, or offline with N unsynced changes. */
export const ConnectionIndicator = memo(function ConnectionIndicator() {
  const { status, unsynced } = useJourneyStore(useShallow(selectStatus))
  const text =
    status === 'local'
      ? 'Only in this browser'
      : status === 'connected'
        ? 'Connected'
        : status === 'connecting'
          ? 'Connecting…'
          : unsynced > 0
            ? `Offline · ${unsynced} unsynced change${unsynced === 1 ? '' : 's'}`
            : 'Offline'
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
  return (
    <ul className="avatars" aria-label="People in this map">
      <li className="avatar" style={{ background: self.color }} title={`${self.name} (you)`} aria-label={`${self.name} (you)`}>
        {initials(self.name)}
      </li>
      {people.map(([id, name, color]) => (
        <li key={id} aria-label={name}>
          <button
            type="button"
            className={`avatar${following === Number(id) ? ' is-followed' : ''}`}
            style={{ background: color }}
            title={following === Number(id) ? `Stop following ${name}` : `Follow ${name}`}
            aria-label={following === Number(id) ? `Stop following ${name}` : `Follow ${name}`}
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
