import type { StateCreator } from 'zustand'
import type { JourneyState } from './journeyStore'

/** What the local participant has selected: one record, a phase, or an empty cell. */
export type Selection =
  | { kind: 'touchpoint' | 'persona' | 'stage' | 'annotation' | 'link'; id: string }
  | { kind: 'phase'; id: `phase:${string}` }
  | { kind: 'cell'; stageId: string; personaId: string }
  | null

/** Session state: never in the Y.Doc, never synced. */
export interface UiSlice {
  selection: Selection
  /** The touchpoint whose title is being edited inline on its card. */
  editingTitleId: string | null
  inspectorOpen: boolean
  shareOpen: boolean
  select(selection: Selection): void
  startEditingTitle(id: string | null): void
  setInspectorOpen(open: boolean): void
  setShareOpen(open: boolean): void
}

export const createUiSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], UiSlice> = (set) => ({
  selection: null,
  editingTitleId: null,
  inspectorOpen: true,
  shareOpen: false,
  select: (selection) =>
    set((s) => {
      s.selection = selection
      if (s.editingTitleId && (selection?.kind !== 'touchpoint' || selection.id !== s.editingTitleId)) s.editingTitleId = null
    }),
  startEditingTitle: (id) =>
    set((s) => {
      s.editingTitleId = id
    }),
  setInspectorOpen: (open) =>
    set((s) => {
      s.inspectorOpen = open
    }),
  setShareOpen: (open) =>
    set((s) => {
      s.shareOpen = open
    }),
})
