import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { useEffect, useMemo, useRef } from 'react'
import { computeGridLayout, versionWithArrivals, type Snapshot, type VersionDiff } from '../../model'
import { nodeTypes } from '../../canvas/nodes'
import { PresenceShown } from '../../canvas/presenceShown'
import { createFlowCache, toFlow, type JourneyNode } from '../../canvas/toFlow'
import { useT } from '../../i18n/useT'
import type { Translator } from '../../i18n/translate'
import './versions.css'

const NO_SELECTION: ReadonlySet<string> = new Set()

/** The label a changed card carries on the canvas (and in its accessible name), per kind of change. */
export function changeLabels(diff: VersionDiff, now: Snapshot, t: Translator): Map<string, { className: string; label: string }> {
  const marks = new Map<string, { className: string; label: string }>()
  const add = (id: string, className: string, label: string) => {
    const had = marks.get(id)
    marks.set(id, had ? { className: `${had.className} ${className}`, label: `${had.label} · ${label}` } : { className, label })
  }
  for (const c of diff.cards) {
    if (c.kind === 'added') add(c.id, 'diff-added', t('versions.diff.addedSince'))
    else if (c.kind === 'removed') add(c.id, 'diff-removed', t('versions.diff.removedSince'))
    else if (c.kind === 'moved') add(c.id, 'diff-moved', t('versions.diff.movedTo', { stage: now.stages[c.now.stageId]?.title ?? '', persona: now.personas[c.now.personaId]?.name ?? '' }))
    else add(c.id, 'diff-retitled', t('versions.diff.nowTitled', { title: c.now.title }))
  }
  // Anything else that changed on a card, or on what sits on it (an annotation's text, a need's status, …).
  for (const r of diff.records) {
    const record = (r.kind === 'removed' ? r.then : r.now) as { targetId?: string; from?: string }
    const on = r.collection === 'touchpoints' ? r.id : (record.targetId ?? record.from)
    // A card added or removed since says so already; what sat on it came and went with it.
    const cameOrWent = diff.cards.some((c) => c.id === on && (c.kind === 'added' || c.kind === 'removed'))
    if (on && now.touchpoints[on] && !cameOrWent && !marks.get(on)?.className.includes('diff-changed')) add(on, 'diff-changed', t('versions.diff.changedLegend'))
  }
  for (const s of diff.stages) {
    if (s.kind === 'removed') add(s.then.id, 'diff-removed', t('versions.diff.removedSince'))
    else if (s.kind === 'renamed') add(s.then.id, 'diff-retitled', t('versions.diff.nowTitled', { title: s.now.title }))
  }
  for (const p of diff.personas) {
    if (p.kind === 'removed') add(p.then.id, 'diff-removed', t('versions.diff.removedSince'))
    else if (p.kind === 'renamed') add(p.then.id, 'diff-retitled', t('versions.diff.nowTitled', { title: p.now.name }))
  }
  return marks
}

/**
 * A saved version drawn as the map is drawn, read-only, with what changed since marked on it:
 * cards removed since (dashed red), added since (green, where they sit now), moved to another
 * cell (amber, at their old place) and retitled (blue); each card's tooltip and accessible name say
 * what happened (where it went, its new title).
 */
export function VersionCanvas({ version, now, diff, focusId }: { version: Snapshot; now: Snapshot; diff: VersionDiff; focusId?: string | null }) {
  return (
    // A version is no one's live map: colleagues' selections and edits are not drawn on it.
    <PresenceShown.Provider value={false}>
      <ReactFlowProvider>
        <VersionFlow version={version} now={now} diff={diff} focusId={focusId ?? null} />
      </ReactFlowProvider>
    </PresenceShown.Provider>
  )
}

function VersionFlow({ version, now, diff, focusId }: { version: Snapshot; now: Snapshot; diff: VersionDiff; focusId: string | null }) {
  const t = useT()
  const cache = useRef(createFlowCache())
  const shown = useMemo(() => versionWithArrivals(version, diff), [version, diff])
  const layout = useMemo(() => computeGridLayout(shown), [shown])
  const marks = useMemo(() => changeLabels(diff, now, t), [diff, now, t])
  const nodes = useMemo(() => {
    const { nodes: base } = toFlow(shown, layout, { selectedIds: NO_SELECTION, readOnly: true, t }, cache.current)
    return base.map((n): JourneyNode => {
      const mark = marks.get(n.id)
      const focused = n.id === focusId ? ' diff-focus' : ''
      if (!mark && !focused) return { ...n, draggable: false, selectable: false }
      return {
        ...n,
        draggable: false,
        selectable: false,
        className: `${mark?.className ?? ''}${focused}`,
        ariaLabel: mark ? `${n.ariaLabel ?? ''} (${mark.label})` : n.ariaLabel,
        domAttributes: { ...n.domAttributes, ...(mark ? { 'data-diff': mark.label, title: mark.label } : null) },
      } as JourneyNode
    })
  }, [shown, layout, marks, t, focusId])
  const { edges } = useMemo(() => toFlow(shown, layout, { selectedIds: NO_SELECTION, readOnly: true, t }, createFlowCache()), [shown, layout, t])
  useCenterOn(focusId, layout)
  return (
    <div className="version-canvas">
      <ReactFlow<JourneyNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        disableKeyboardA11y
        fitView
        fitViewOptions={{ padding: 0.05, maxZoom: 1 }}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        aria-label={t('versions.canvasLabel')}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d4d9e3" />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
    </div>
  )
}

/** A change picked in the list is brought to the middle of the preview at a readable zoom. */
function useCenterOn(id: string | null, layout: ReturnType<typeof computeGridLayout>) {
  const flow = useReactFlow()
  useEffect(() => {
    const card = id ? layout.cards.find((c) => c.touchpoint.id === id) : undefined
    if (card) void flow.setCenter(card.x + card.width / 2, card.y + card.height / 2, { zoom: 1, duration: 200 })
  }, [id, layout, flow])
}
