import { createContext, useContext } from 'react'
import type { MapSession } from '../sync'

/** The opened map's session (doc, undo, awareness) for components that run commands. */
export const MapSessionContext = createContext<MapSession | null>(null)

export function useMapSession(): MapSession {
  const session = useContext(MapSessionContext)
  if (!session) throw new Error('useMapSession outside a MapSessionContext provider')
  return session
}
