// @vitest-environment happy-dom
/**
 * One card per action, on a board that stays open through a workshop: typing in one action's
 * title must re-render that card only, and typing elsewhere on the map none of them, nor the
 * board. React's Profiler counts the commits in which each rendered while real commands edit a
 * real document bound to the store.
 */
import { Profiler, act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, expect, it } from 'vitest'
import { addAction, addAnnotation, addTouchpoint, updateAction, updateTouchpoint } from '../../commands'
import { createUndoManager } from '../../doc'
import type { AnnotationId } from '../../model'
import { bindDocument } from '../../store'
import type { MapSession } from '../../sync'
import { MapSessionContext } from '../../session/MapSessionContext'
import { createTestDoc } from '../../test/factories'
import { ActionCard } from './ActionCard'
import { ActionPlanView } from './ActionPlanView'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((c) => c()))

function setUp() {
  const { doc, touchpoint, during, persona } = createTestDoc()
  const elsewhere = addTouchpoint(doc, { stageId: during, personaId: persona, title: 'Kø på telefonen' })
  const pain = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Lampen lyser uten grunn 😤' }) as AnnotationId
  const first = addAction(doc, { title: 'Forklar lampen i appen', owner: 'Digital' })
  const second = addAction(doc, { title: 'Ring kunden samme dag', owner: 'Kundeservice', fromAnnotation: pain })
  cleanup.push(bindDocument(doc))
  const session = { mapId: 'm', doc, undoManager: createUndoManager(doc) } as unknown as MapSession
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  cleanup.push(() => act(() => root.unmount()))
  return { doc, touchpoint, elsewhere, first, second, session, container, root }
}

it('a title edit re-renders that card only; an edit elsewhere none', async () => {
  const { doc, touchpoint, elsewhere, first, second, session, container, root } = setUp()
  const renders = { first: 0, second: 0 }
  await act(async () => {
    root.render(
      <MapSessionContext.Provider value={session}>
        <Profiler id="first" onRender={() => void renders.first++}>
          <ActionCard id={first} editing={false} onEdit={() => {}} readOnly={false} />
        </Profiler>
        <Profiler id="second" onRender={() => void renders.second++}>
          <ActionCard id={second} editing={false} onEdit={() => {}} readOnly={false} />
        </Profiler>
      </MapSessionContext.Provider>,
    )
  })
  const start = { ...renders }
  for (const title of ['F', 'Fo', 'For', 'Forklar varsellampen ✨']) await act(async () => updateAction(doc, first, { title }))
  console.log(`4 title edits of one action rendered it ${renders.first - start.first} times and the other card ${renders.second - start.second} times`)
  expect(renders.first - start.first).toBeGreaterThan(0)
  expect(renders.second).toBe(start.second)
  expect(container.textContent).toContain('Forklar varsellampen ✨')

  const beforeElsewhere = { ...renders }
  await act(async () => updateTouchpoint(doc, elsewhere, { title: 'Kø på chatten' }))
  expect(renders).toEqual(beforeElsewhere)

  // The second card shows where the pain point it addresses sits: renaming that place is its business.
  await act(async () => updateTouchpoint(doc, touchpoint, { title: 'Varsellampen lyser 🚗' }))
  expect(renders.second).toBeGreaterThan(beforeElsewhere.second)
  expect(renders.first).toBe(beforeElsewhere.first)
  expect(container.textContent).toContain('Varsellampen lyser 🚗')
})

it('the board does not re-render on an edit outside the plan', async () => {
  const { doc, elsewhere, first, session, container, root } = setUp()
  let renders = 0
  await act(async () => {
    root.render(
      <MapSessionContext.Provider value={session}>
        <Profiler id="board" onRender={() => void renders++}>
          <ActionPlanView />
        </Profiler>
      </MapSessionContext.Provider>,
    )
  })
  expect(container.querySelectorAll('.action-card')).toHaveLength(2)
  const start = renders
  for (const title of ['K', 'Kø', 'Kø på chat']) await act(async () => updateTouchpoint(doc, elsewhere, { title }))
  console.log(`the action board rendered ${renders - start} times during 3 edits outside the plan`)
  expect(renders).toBe(start)
  // A new owner moves the card to another column: that is the board's business.
  await act(async () => updateAction(doc, first, { owner: 'Verksted' }))
  expect(renders).toBeGreaterThan(start)
  expect([...container.querySelectorAll('.board-column h3')].map((h) => h.textContent)).toEqual(['Kundeservice 1', 'Verksted 1'])
})
