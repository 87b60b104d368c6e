/**
 * The canvas's keys (N, Enter, Delete, arrows, Escape) are registered actions
 * (src/registry/userActions.ts); this gives them the canvas's layout and a way to focus a card.
 * Undo and redo are map-wide, not canvas-only.
 */
import { useMemo } from 'react'
import type { GridLayout } from '../model'
import { useActionKeys } from '../registry/useActionKeys'

export function focusCard(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus())
}

export function useCanvasKeyboard(layout: GridLayout): void {
  const canvas = useMemo(() => ({ layout, focusCard }), [layout])
  useActionKeys('canvas', canvas)
}
