import { ViewportPortal } from '@xyflow/react'
import { memo } from 'react'
import { GRID } from '../model'
import { useT } from '../i18n/useT'
import { selectPeers, useJourneyStore } from '../store'

/** Peers' cursors and the cards they are dragging, in flow coordinates. */
export const PresenceLayer = memo(function PresenceLayer() {
  const peers = useJourneyStore(selectPeers)
  const snapshot = useJourneyStore((s) => s.snapshot)
  const t = useT()
  return (
    <ViewportPortal>
      {peers.map((p) =>
        p.drag ? (
          <div key={`drag-${p.clientId}`} className="drag-ghost" style={{ transform: `translate(${p.drag.x}px, ${p.drag.y}px)`, width: GRID.cardWidth, height: GRID.cardHeight, borderColor: p.color }}>
            <span style={{ background: p.color }}>{p.name}</span>
            {snapshot.touchpoints[p.drag.id]?.title ?? ''}
          </div>
        ) : null,
      )}
      {peers.map((p) =>
        p.cursor ? (
          <div key={`cursor-${p.clientId}`} className="peer-cursor" style={{ transform: `translate(${p.cursor.x}px, ${p.cursor.y}px)` }} data-testid="peer-cursor" aria-label={t('presence.cursor', { name: p.name })}>
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path d="M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.5 10 L13 10 Z" fill={p.color} stroke="#fff" strokeWidth="1.2" />
            </svg>
            <span className="peer-cursor-name" style={{ background: p.color }}>
              {p.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  )
})
