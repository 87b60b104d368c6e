/**
 * Canvas keyboard: N adds a touchpoint in the selected cell (or beside the selected card), Delete
 * removes the selected card or annotation, arrows move between cards, Enter edits the title,
 * Escape clears. Undo and redo are map-wide (components/useUndoShortcuts.ts), not canvas-only.
 */
import { useEffect } from 'react'
import { addTouchpoint, deleteLink, deleteTouchpoint } from '../commands'
import type { GridLayout, LinkId, PersonaId, StageId, TouchpointId } from '../model'
import { selectReadOnly, useJourneyStore } from '../store'
import { useMapSession } from '../components/MapSessionContext'
import { translate } from '../i18n/translate'

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

export function focusCard(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus())
}

/** The nearest card from `from` in a direction, by geometry of the computed layout. */
function neighbour(layout: GridLayout, fromId: string, key: string): string | null {
  const from = layout.cards.find((c) => c.touchpoint.id === fromId)
  if (!from) return null
  const fx = from.x + from.width / 2
  const fy = from.y + from.height / 2
  let best: { id: string; score: number } | null = null
  for (const c of layout.cards) {
    if (c === from) continue
    const dx = c.x + c.width / 2 - fx
    const dy = c.y + c.height / 2 - fy
    const along = key === 'ArrowRight' ? dx : key === 'ArrowLeft' ? -dx : key === 'ArrowDown' ? dy : -dy
    const across = key === 'ArrowRight' || key === 'ArrowLeft' ? Math.abs(dy) : Math.abs(dx)
    if (along <= 1) continue
    const score = along + across * 3
    if (!best || score < best.score) best = { id: c.touchpoint.id, score }
  }
  return best?.id ?? null
}

export function useCanvasKeyboard(layout: GridLayout): void {
  const { doc } = useMapSession()
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const state = useJourneyStore.getState()
      const readOnly = selectReadOnly(state)
      const mod = e.ctrlKey || e.metaKey
      if (isTyping(e.target) || mod || e.altKey) return
      const sel = state.selection
      if ((e.key === 'n' || e.key === 'N') && !readOnly) {
        let cell: { stageId: string; personaId: string } | null = null
        if (sel?.kind === 'cell') cell = sel
        else if (sel?.kind === 'touchpoint') {
          const tp = state.snapshot.touchpoints[sel.id]
          if (tp) cell = { stageId: tp.stageId, personaId: tp.personaId }
        }
        if (!cell) return
        e.preventDefault()
        const id = addTouchpoint(doc, { stageId: cell.stageId as StageId, personaId: cell.personaId as PersonaId, title: translate(state.snapshot.meta.locale, 'newRecord.touchpoint') })
        state.select({ kind: 'touchpoint', id })
        state.startEditingTitle(id)
        return
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && !readOnly) {
        if (sel?.kind === 'touchpoint') {
          e.preventDefault()
          const next = neighbour(layout, sel.id, 'ArrowDown') ?? neighbour(layout, sel.id, 'ArrowUp')
          deleteTouchpoint(doc, sel.id as TouchpointId)
          state.select(next ? { kind: 'touchpoint', id: next } : null)
          if (next) focusCard(next)
        } else if (sel?.kind === 'link') {
          e.preventDefault()
          deleteLink(doc, sel.id as LinkId)
          state.select(null)
        }
        return
      }
      // Enter on a button inside a card (a vote's − / +) presses that button.
      if (e.key === 'Enter' && sel?.kind === 'touchpoint' && !readOnly && (e.target as HTMLElement | null)?.tagName !== 'BUTTON') {
        e.preventDefault()
        state.startEditingTitle(sel.id)
        return
      }
      if (e.key === 'Escape') {
        state.select(null)
        return
      }
      if (e.key.startsWith('Arrow')) {
        const from = sel?.kind === 'touchpoint' ? sel.id : layout.cards[0]?.touchpoint.id
        if (!from) return
        const next = sel?.kind === 'touchpoint' ? neighbour(layout, from, e.key) : from
        if (next) {
          e.preventDefault()
          state.select({ kind: 'touchpoint', id: next })
          focusCard(next)
        }
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [doc, layout])
}
