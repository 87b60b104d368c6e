/**
 * The baseline for the opening benchmark (bench/opening.bench.ts): plain React Flow, no sync, no
 * store, no custom nodes, drawing the same map's cards in the same grid of stage columns and
 * persona lanes. It fetches the map as the app's interchange JSON and renders every card as a
 * default node, as a page built with React Flow and nothing else would.
 */
import { createRoot } from 'react-dom/client'
import { Background, ReactFlow, type Edge, type Node } from '@xyflow/react'
import '@xyflow/react/dist/style.css'

interface MapFile {
  stages: { id: string; order: string }[]
  personas: { id: string; order: string }[]
  touchpoints: { id: string; stageId: string; personaId: string; title: string; order: string }[]
  links: { id: string; from: string; to: string }[]
}

const CARD_W = 220
const CARD_H = 96
const byOrder = (a: { order: string }, b: { order: string }) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)

function layout(map: MapFile): { nodes: Node[]; edges: Edge[] } {
  const column = new Map([...map.stages].sort(byOrder).map((s, i) => [s.id, i]))
  const lanes = [...map.personas].sort(byOrder)
  const cells = new Map<string, MapFile['touchpoints']>()
  for (const tp of [...map.touchpoints].sort(byOrder)) {
    const key = `${tp.stageId}|${tp.personaId}`
    cells.set(key, [...(cells.get(key) ?? []), tp])
  }
  let top = 0
  const nodes: Node[] = []
  for (const persona of lanes) {
    let tallest = 1
    for (const stage of map.stages) tallest = Math.max(tallest, cells.get(`${stage.id}|${persona.id}`)?.length ?? 0)
    for (const stage of map.stages) {
      cells.get(`${stage.id}|${persona.id}`)?.forEach((tp, i) => {
        nodes.push({ id: tp.id, position: { x: 40 + column.get(stage.id)! * (CARD_W + 24), y: 80 + top + i * (CARD_H + 12) }, data: { label: tp.title }, style: { width: CARD_W, height: CARD_H } })
      })
    }
    top += tallest * (CARD_H + 12) + 40
  }
  return { nodes, edges: map.links.map((l) => ({ id: l.id, source: l.from, target: l.to })) }
}

const map = (await (await fetch(`map.json${location.search}`)).json()) as MapFile
const { nodes, edges } = layout(map)
createRoot(document.getElementById('root')!).render(
  <ReactFlow defaultNodes={nodes} defaultEdges={edges} minZoom={0.05}>
    <Background />
  </ReactFlow>,
)
