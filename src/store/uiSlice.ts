import type { StateCreator } from 'zustand'
import { isId, isPhaseTargetId, type AnnotationId, type BlueprintItemId, type BlueprintLane, type LinkId, type PersonaId, type PhaseTargetId, type StageId, type TouchpointId } from '../model'
import type { UiLocale } from '../i18n/locales'
import { loadCatalog } from '../i18n/translate'
import { initialUiLocale, rememberUiLocale } from '../i18n/uiLocalePreference'
import type { JourneyState } from './journeyStore'

/**
 * What the local participant has selected: one record, a phase, or an empty cell, with ids of the
 * kind it names, so no reader has to cast them back.
 */
export type Selection =
  | { kind: 'touchpoint'; id: TouchpointId }
  | { kind: 'persona'; id: PersonaId }
  | { kind: 'stage'; id: StageId }
  | { kind: 'annotation'; id: AnnotationId }
  | { kind: 'link'; id: LinkId }
  | { kind: 'phase'; id: PhaseTargetId }
  | { kind: 'cell'; stageId: StageId; personaId: PersonaId }
  | { kind: 'blueprintItem'; id: BlueprintItemId }
  /** An empty place in a blueprint lane of a stage column, where N adds an item. */
  | { kind: 'blueprintCell'; stageId: StageId; lane: BlueprintLane }
  | null

/** The selection of a record named by its id (a comment's target, a link in a notice); null for anything else. */
export function selectionOf(id: string): Selection {
  if (isId('touchpoint', id)) return { kind: 'touchpoint', id }
  if (isId('persona', id)) return { kind: 'persona', id }
  if (isId('stage', id)) return { kind: 'stage', id }
  if (isId('annotation', id)) return { kind: 'annotation', id }
  if (isId('link', id)) return { kind: 'link', id }
  if (isPhaseTargetId(id)) return { kind: 'phase', id }
  if (isId('blueprint-item', id)) return { kind: 'blueprintItem', id }
  return null
}

/** A selection as one string, the id of the canvas node that shows it ('' for none). */
export function selectionKey(sel: Selection): string {
  if (!sel) return ''
  if (sel.kind === 'cell') return `cell:${sel.stageId}|${sel.personaId}`
  if (sel.kind === 'blueprintCell') return `blueprint-cell:${sel.stageId}|${sel.lane}`
  return sel.id
}

/** The record a selection names, for comments, presence and the tray; null for an empty cell or a link. */
export function selectedRecordId(sel: Selection): string | null {
  if (!sel || sel.kind === 'cell' || sel.kind === 'blueprintCell' || sel.kind === 'link') return null
  return sel.id
}

export const SHOW_BLUEPRINT_STORAGE_KEY = 'journey:show-blueprint'

function initialShowBlueprint(): boolean {
  try {
    return globalThis.localStorage?.getItem(SHOW_BLUEPRINT_STORAGE_KEY) !== 'false'
  } catch {
    return true
  }
}

/** Session state: never in the Y.Doc, never synced. */
export interface UiSlice {
  selection: Selection
  /** The touchpoint whose title is being edited inline on its card. */
  editingTitleId: string | null
  inspectorOpen: boolean
  shareOpen: boolean
  /** The keyboard shortcut sheet ("?"). */
  shortcutsOpen: boolean
  /** Room view: the map alone, fitted and large for a projector, with the timer and the vote count in a corner. */
  roomView: boolean
  /**
   * The interface language of this participant. Session scope: each person reads the map in their
   * own language, so it never goes into the Y.Doc (the map's content language is `meta.locale`).
   */
  uiLocale: UiLocale
  /**
   * Whether this participant's canvas draws the service blueprint under the journey. Session
   * scope, remembered in this browser: one person may hide it while the room keeps it, and it is
   * never written to the document.
   */
  showBlueprint: boolean
  setShowBlueprint(show: boolean): void
  /** The department view: the key of the department whose work is shown (everything else dimmed), or null. Session only. */
  department: string | null
  setDepartment(key: string | null): void
  select(selection: Selection): void
  startEditingTitle(id: string | null): void
  setInspectorOpen(open: boolean): void
  setShareOpen(open: boolean): void
  setShortcutsOpen(open: boolean): void
  setRoomView(on: boolean): void
  /** Switch the interface language and remember it in this browser. */
  setUiLocale(locale: UiLocale): void
}

export const createUiSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], UiSlice> = (set) => ({
  selection: null,
  editingTitleId: null,
  inspectorOpen: true,
  shareOpen: false,
  shortcutsOpen: false,
  roomView: false,
  uiLocale: initialUiLocale(),
  showBlueprint: initialShowBlueprint(),
  department: null,
  setDepartment: (key) => set({ department: key }),
  setShowBlueprint: (show) => {
    try {
      globalThis.localStorage?.setItem(SHOW_BLUEPRINT_STORAGE_KEY, String(show))
    } catch {
      // Not persisted; the choice still holds for this page.
    }
    set((s) => {
      s.showBlueprint = show
      if (!show && (s.selection?.kind === 'blueprintItem' || s.selection?.kind === 'blueprintCell')) s.selection = null
    })
  },
  // A recipe where the update reads what it changes (a new selection ends the title edit of
  // another card); a plain object where it only replaces fields (see journeyStore.ts).
  select: (selection) =>
    set((s) => {
      s.selection = selection
      if (s.editingTitleId && ((selection?.kind !== 'touchpoint' && selection?.kind !== 'blueprintItem') || selection.id !== s.editingTitleId)) s.editingTitleId = null
    }),
  startEditingTitle: (id) => set({ editingTitleId: id }),
  setInspectorOpen: (open) => set({ inspectorOpen: open }),
  setShareOpen: (open) => set({ shareOpen: open }),
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
  setRoomView: (on) => set({ roomView: on }),
  setUiLocale: (locale) => {
    rememberUiLocale(locale)
    // Switch once the language's catalog is here, so no screen renders half in English.
    void loadCatalog(locale).then(() => set({ uiLocale: locale }))
  },
})
