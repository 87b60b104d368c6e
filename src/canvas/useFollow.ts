/**
 * Follow and spotlight. Every participant shares the centre and zoom of their view (through
 * awareness, ~10 Hz while moving). Following someone moves our view with theirs; a facilitator's
 * spotlight makes everyone follow them until released. Panning yourself stops a voluntary follow.
 */
import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react'
import { useCallback, useEffect, useRef } from 'react'
import { useJourneyStore, type JourneyState } from '../store'
import { useMapSession } from '../session/MapSessionContext'

const VIEWPORT_INTERVAL_MS = 100

/** The peer this participant is made to follow (a facilitator's spotlight) or chose to follow. */
export const selectLeader = (s: JourneyState) => {
  if (s.role !== 'facilitator') {
    const spot = s.peers.find((p) => p.spotlight && p.role === 'facilitator')
    if (spot) return spot.clientId
  }
  return s.following
}

export function useFollow() {
  const session = useMapSession()
  const flow = useReactFlow()
  const store = useStoreApi()
  const leaderId = useJourneyStore(selectLeader)
  const leaderViewport = useJourneyStore(useCallback((s: JourneyState) => {
    const v = s.peers.find((p) => p.clientId === leaderId)?.viewport
    return v ? `${v.x},${v.y},${v.zoom}` : ''
  }, [leaderId]))
  const applying = useRef(false)

  useEffect(() => {
    if (!leaderViewport) return
    const [x, y, zoom] = leaderViewport.split(',').map(Number)
    applying.current = true
    void flow.setCenter(x, y, { zoom, duration: 250 }).then(() => (applying.current = false))
  }, [leaderViewport, flow])

  const last = useRef(0)
  const publish = useCallback(
    (viewport: Viewport) => {
      const now = performance.now()
      if (now - last.current < VIEWPORT_INTERVAL_MS) return
      last.current = now
      // The flow's size as React Flow last measured it: reading the element's would force a
      // style and layout pass in the middle of a pan frame, ten times a second.
      const { width, height } = store.getState()
      const w = width || 1000
      const h = height || 700
      session.setPresence('viewport', {
        x: Math.round((w / 2 - viewport.x) / viewport.zoom),
        y: Math.round((h / 2 - viewport.y) / viewport.zoom),
        zoom: Math.round(viewport.zoom * 1000) / 1000,
      })
    },
    [session, store],
  )

  const onMove = useCallback((_e: unknown, viewport: Viewport) => publish(viewport), [publish])
  const onMoveEnd = useCallback(
    (_e: unknown, viewport: Viewport) => {
      last.current = 0
      publish(viewport)
    },
    [publish],
  )
  /** A pan or zoom the participant made (an event, not our own setCenter) ends a voluntary follow. */
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (!event || applying.current) return
    const s = useJourneyStore.getState()
    if (s.following !== null && selectLeader(s) === s.following) s.follow(null)
  }, [])
  return { onMove, onMoveEnd, onMoveStart }
}
