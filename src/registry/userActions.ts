/**
 * Every user-facing command of the map, registered once with its label, icon, shortcuts and when
 * it is enabled (role, lock, selection). The toolbar, the keyboard handler, the inspector's help and
 * the "?" shortcut sheet are all read from this list, so a shortcut cannot be documented in one
 * place and be different in another (excalidraw's registered actions, without the class machinery).
 *
 * An action is not a command: commands (src/commands) are the document writes; an action is what a
 * person does (a key, a button) and may run a command, select something or open a panel.
 */
import { addBlueprintItem, addPersona, addStage, addTouchpoint, deleteBlueprintItem, deleteLink, deleteTouchpoint } from '../commands'
import { isId, neighbourItem, PHASES, type BlueprintLane, type GridLayout, type Phase, type StageId } from '../model'
import { translate, type MessageKey } from '../i18n/translate'
import { selectReadOnly, type JourneyState } from '../store'
import type { MapSession } from '../session'
import type { Shortcut } from './shortcuts'

/** What an action may read and use when it runs. */
export interface ActionContext {
  doc: MapSession['doc']
  undoManager: MapSession['undoManager']
  /** The store's state at the moment of the key press or click. */
  state: JourneyState
  /** Present while the canvas is shown: card geometry for the arrow keys, and a way to focus a card. */
  canvas?: { layout: GridLayout; focusCard(id: string): void }
  /** The key that ran it, for actions that one of several keys runs (the arrows). */
  key?: string
}

/**
 * `map`: anywhere on the map page (undo works the same on the action board as on the canvas).
 * `canvas`: only while the canvas is shown, since the keys act on its cards.
 */
export type ActionScope = 'map' | 'canvas'

export interface UserAction {
  id: string
  label: MessageKey
  /** A symbol drawn on its button, where it has one. */
  icon?: string
  shortcuts: Shortcut[]
  scope: ActionScope
  /**
   * Where the toolbar shows it, in registry order: the edit group (add-stage actions as one menu
   * in it), or the help button at the end; absent: keyboard (and the sheet) only.
   */
  toolbar?: 'edit' | 'add-stage' | 'help'
  /** The phase an add-stage item adds to: its menu item is the phase's name in the map's language. */
  phase?: Phase
  /** False where the browser's own handling of the key must go on (Escape also closes dialogs). */
  preventDefault?: false
  /** For a view toggle: whether it is on (its button shows as pressed). */
  pressed?(ctx: ActionContext): boolean
  enabled(ctx: ActionContext): boolean
  perform(ctx: ActionContext): void
}

const writable = (ctx: ActionContext) => !selectReadOnly(ctx.state)

/** The cell a new touchpoint goes in: the selected cell, or the selected card's. */
function targetCell({ state }: ActionContext) {
  const sel = state.selection
  if (sel?.kind === 'cell') return { stageId: sel.stageId, personaId: sel.personaId }
  if (sel?.kind === 'touchpoint') {
    const tp = state.snapshot.touchpoints[sel.id]
    if (tp) return { stageId: tp.stageId, personaId: tp.personaId }
  }
  return null
}

/** The blueprint cell a new item goes in: the selected blueprint cell, or the selected item's. */
function targetBlueprintCell({ state }: ActionContext): { stageId: StageId; lane: BlueprintLane } | null {
  if (!state.showBlueprint) return null
  const sel = state.selection
  if (sel?.kind === 'blueprintCell') return { stageId: sel.stageId, lane: sel.lane }
  if (sel?.kind === 'blueprintItem') {
    const item = state.snapshot.blueprintItems[sel.id]
    if (item && state.snapshot.stages[item.stageId]) return { stageId: item.stageId, lane: item.lane }
  }
  return null
}

/** The card or blueprint item an arrow key goes to: the neighbour in its direction, or the first card when none is selected. */
function arrowTarget({ state, canvas, key }: ActionContext): string | null {
  if (!canvas) return null
  const sel = state.selection
  if (sel?.kind === 'touchpoint' || sel?.kind === 'blueprintItem') return neighbourItem(canvas.layout, sel.id, key ?? '')
  return canvas.layout.cards[0]?.touchpoint.id ?? canvas.layout.blueprintItems[0]?.item.id ?? null
}

function selectionOfItem(id: string | null): JourneyState['selection'] {
  if (isId('touchpoint', id)) return { kind: 'touchpoint', id }
  if (isId('blueprint-item', id)) return { kind: 'blueprintItem', id }
  return null
}

function addStageAction(phase: Phase): UserAction {
  return {
    id: `addStage.${phase}`,
    label: 'toolbar.addStage',
    phase,
    shortcuts: [],
    scope: 'map',
    toolbar: 'add-stage',
    enabled: writable,
    perform: ({ doc, state }) => {
      const id = addStage(doc, { phase, title: translate(state.snapshot.meta.locale, 'newRecord.stage') })
      state.select({ kind: 'stage', id })
    },
  }
}

export const USER_ACTIONS: readonly UserAction[] = [
  {
    id: 'undo',
    label: 'toolbar.undo',
    icon: '↶',
    shortcuts: [{ key: 'z', mod: true, shift: false }],
    scope: 'map',
    toolbar: 'edit',
    enabled: (ctx) => writable(ctx) && ctx.undoManager.canUndo(),
    perform: ({ undoManager }) => void undoManager.undo(),
  },
  {
    id: 'redo',
    label: 'toolbar.redo',
    icon: '↷',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    scope: 'map',
    toolbar: 'edit',
    enabled: (ctx) => writable(ctx) && ctx.undoManager.canRedo(),
    perform: ({ undoManager }) => void undoManager.redo(),
  },
  ...PHASES.map(addStageAction),
  {
    id: 'addPersona',
    label: 'toolbar.addPersona',
    shortcuts: [],
    scope: 'map',
    toolbar: 'edit',
    enabled: writable,
    perform: ({ doc, state }) => {
      const id = addPersona(doc, { name: translate(state.snapshot.meta.locale, 'newRecord.persona') })
      state.select({ kind: 'persona', id })
    },
  },
  {
    id: 'addTouchpoint',
    label: 'shortcuts.addTouchpoint',
    shortcuts: [{ key: 'n' }],
    scope: 'canvas',
    enabled: (ctx) => writable(ctx) && (targetCell(ctx) !== null || targetBlueprintCell(ctx) !== null),
    perform: (ctx) => {
      const place = targetBlueprintCell(ctx)
      if (place) {
        const id = addBlueprintItem(ctx.doc, { ...place, title: translate(ctx.state.snapshot.meta.locale, 'newRecord.blueprintItem') })
        ctx.state.select({ kind: 'blueprintItem', id })
        ctx.state.startEditingTitle(id)
        return
      }
      const cell = targetCell(ctx)
      if (!cell) return
      const id = addTouchpoint(ctx.doc, { ...cell, title: translate(ctx.state.snapshot.meta.locale, 'newRecord.touchpoint') })
      ctx.state.select({ kind: 'touchpoint', id })
      ctx.state.startEditingTitle(id)
    },
  },
  {
    id: 'renameTouchpoint',
    label: 'shortcuts.rename',
    shortcuts: [{ key: 'Enter' }],
    scope: 'canvas',
    enabled: (ctx) => writable(ctx) && (ctx.state.selection?.kind === 'touchpoint' || ctx.state.selection?.kind === 'blueprintItem'),
    perform: ({ state }) => {
      if (state.selection?.kind === 'touchpoint' || state.selection?.kind === 'blueprintItem') state.startEditingTitle(state.selection.id)
    },
  },
  {
    id: 'deleteSelection',
    label: 'shortcuts.delete',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    scope: 'canvas',
    enabled: (ctx) => writable(ctx) && (ctx.state.selection?.kind === 'touchpoint' || ctx.state.selection?.kind === 'link' || ctx.state.selection?.kind === 'blueprintItem'),
    perform: ({ doc, state, canvas }) => {
      const sel = state.selection
      if (sel?.kind === 'touchpoint' || sel?.kind === 'blueprintItem') {
        const next = canvas ? (neighbourItem(canvas.layout, sel.id, 'ArrowDown') ?? neighbourItem(canvas.layout, sel.id, 'ArrowUp')) : null
        if (sel.kind === 'touchpoint') deleteTouchpoint(doc, sel.id)
        else deleteBlueprintItem(doc, sel.id)
        state.select(selectionOfItem(next))
        if (next) canvas?.focusCard(next)
      } else if (sel?.kind === 'link') {
        deleteLink(doc, sel.id)
        state.select(null)
      }
    },
  },
  {
    id: 'moveBetweenCards',
    label: 'shortcuts.moveBetweenCards',
    shortcuts: [{ key: 'ArrowLeft' }, { key: 'ArrowRight' }, { key: 'ArrowUp' }, { key: 'ArrowDown' }],
    scope: 'canvas',
    enabled: (ctx) => arrowTarget(ctx) !== null,
    perform: (ctx) => {
      const next = arrowTarget(ctx)
      if (!next) return
      ctx.state.select(selectionOfItem(next))
      ctx.canvas?.focusCard(next)
    },
  },
  {
    id: 'clearSelection',
    label: 'shortcuts.clearSelection',
    shortcuts: [{ key: 'Escape' }],
    scope: 'canvas',
    preventDefault: false,
    enabled: () => true,
    perform: ({ state }) => state.select(null),
  },
  {
    // F6 moves the keyboard between the canvas and the inspector, as it moves between panes in
    // desktop apps: to the inspector's heading (Tab goes on into its fields), and back to the
    // selected card. Without it a keyboard user would tab through every card to reach the inspector.
    id: 'switchPane',
    label: 'shortcuts.switchPane',
    shortcuts: [{ key: 'F6' }],
    scope: 'map',
    enabled: () => typeof document !== 'undefined' && document.querySelector('.inspector') !== null,
    perform: ({ state }) => {
      const inspector = document.querySelector<HTMLElement>('.inspector')!
      if (inspector.contains(document.activeElement)) {
        const sel = state.selection
        const card = sel?.kind === 'touchpoint' ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(sel.id)}"]`) : null
        ;(card ?? document.querySelector<HTMLElement>('.react-flow'))?.focus()
        return
      }
      const heading = inspector.querySelector<HTMLElement>('.inspector-title')
      if (!heading) return
      heading.tabIndex = -1
      heading.focus()
    },
  },
  {
    // A view setting of this participant, never written to the map: anyone may hide the
    // blueprint to work on the customer's side while the room keeps it.
    id: 'toggleBlueprint',
    label: 'blueprint.toggle',
    shortcuts: [{ key: 'b' }],
    scope: 'map',
    toolbar: 'edit',
    enabled: () => true,
    pressed: ({ state }) => state.showBlueprint,
    perform: ({ state }) => state.setShowBlueprint(!state.showBlueprint),
  },
  {
    // For the projector: every panel and toolbar hidden, the map fitted with type readable from
    // the back of the room (RoomView); Escape, or the same key, returns.
    id: 'roomView',
    label: 'room.enter',
    shortcuts: [{ key: 'r' }],
    scope: 'map',
    toolbar: 'help',
    enabled: () => true,
    perform: ({ state }) => state.setRoomView(!state.roomView),
  },
  {
    id: 'showShortcuts',
    label: 'shortcuts.title',
    icon: '?',
    shortcuts: [{ key: '?' }],
    scope: 'map',
    toolbar: 'help',
    enabled: () => true,
    perform: ({ state }) => state.setShortcutsOpen(true),
  },
]

export function userAction(id: string): UserAction {
  const action = USER_ACTIONS.find((a) => a.id === id)
  if (!action) throw new Error(`no action registered as ${JSON.stringify(id)}`)
  return action
}
