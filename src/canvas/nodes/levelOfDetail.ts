import type { ReactFlowState } from '@xyflow/react'

/**
 * Level of detail by zoom, shared by cards and headers. From DETAIL_ZOOM up everything shows,
 * card titles at ≥ 11 px on screen. Below it a card draws as a tile with its title and emotion
 * only, and headers grow their type, at sizes that stay legible on a projector (level 1); under
 * FAR_ZOOM they grow once more (level 2). A tile is a handful of DOM nodes instead of thirty,
 * which also keeps panning a 1,000-card map smooth. The selector returns a level, so a node
 * re-renders only when the zoom crosses a threshold.
 */
export const DETAIL_ZOOM = 0.8
export const FAR_ZOOM = 0.5
export type DetailLevel = 0 | 1 | 2
export const selectDetail = (s: ReactFlowState): DetailLevel => (s.transform[2] >= DETAIL_ZOOM ? 0 : s.transform[2] >= FAR_ZOOM ? 1 : 2)
