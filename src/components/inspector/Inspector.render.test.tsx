// @vitest-environment happy-dom
/**
 * The inspector stays open beside the canvas while everyone types: it must re-render when what it
 * shows changes (the selected card, the titles its link picker lists), not on every edit anywhere.
 * React's Profiler counts the commits in which it rendered while real commands edit a real
 * document bound to the store.
 */
import { Profiler, act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, expect, it } from 'vitest'
import { addAnnotation, addComment, addTouchpoint, renameStage, setMeta, updatePersona, updateTouchpoint } from '../../commands'
import { createUndoManager } from '../../doc'
import { bindDocument, useJourneyStore } from '../../store'
import type { MapSession } from '../../sync'
import { MapSessionContext } from '../../session/MapSessionContext'
import { createTestDoc } from '../../test/factories'
import { Inspector } from './Inspector'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((c) => c()))

it('re-renders for the selected card and what it lists, not for edits elsewhere', async () => {
  const { doc, touchpoint, during, after, persona, otherPersona } = createTestDoc()
  const elsewhere = addTouchpoint(doc, { stageId: during, personaId: persona, title: 'Kø på telefonen' })
  addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Lampen lyser uten grunn 😤' })
  addComment(doc, { targetId: touchpoint, author: 'Åse', text: 'Hvorfor lyser den? 🤔' })
  cleanup.push(bindDocument(doc))
  useJourneyStore.getState().select({ kind: 'touchpoint', id: touchpoint })
  const session = { mapId: 'm', doc, undoManager: createUndoManager(doc) } as unknown as MapSession

  let renders = 0
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  cleanup.push(() => act(() => root.unmount()))
  await act(async () => {
    root.render(
      <MapSessionContext.Provider value={session}>
        <Profiler id="inspector" onRender={() => void renders++}>
          <Inspector />
        </Profiler>
      </MapSessionContext.Provider>,
    )
  })
  expect(container.querySelector('input')?.value).toBe('Servicevarsellampen lyser')

  // Elsewhere: another card scored and described, a stage it is not on renamed, another lane, the map's own fields.
  const start = renders
  await act(async () => updateTouchpoint(doc, elsewhere, { emotion: -2 }))
  for (const description of ['L', 'Lang', 'Lang kø']) await act(async () => updateTouchpoint(doc, elsewhere, { description }))
  await act(async () => renameStage(doc, after, 'Henting og betaling'))
  await act(async () => updatePersona(doc, otherPersona, { name: 'Bedriftskunde AS' }))
  await act(async () => setMeta(doc, { title: 'Karolines bilservice – workshop', description: 'Dag 2' }))
  const outside = renders - start
  console.log(`inspector rendered ${outside} times during 7 edits elsewhere on the map`)
  expect(outside).toBe(0)

  // The selected card's title: its field follows.
  await act(async () => updateTouchpoint(doc, touchpoint, { title: 'Varsellampen lyser 🚗' }))
  expect(renders).toBeGreaterThan(start)
  expect(container.querySelector('input')?.value).toBe('Varsellampen lyser 🚗')
  // Another card's title is listed by the link picker: that is the inspector's business too.
  const beforeListed = renders
  await act(async () => updateTouchpoint(doc, elsewhere, { title: 'Kø på chatten' }))
  expect(renders).toBeGreaterThan(beforeListed)
  expect(container.textContent).toContain('Kø på chatten')
})
