// @vitest-environment happy-dom
/**
 * The voting panel sits in the inspector for the whole of a round and tallies every item: it must
 * not re-render when someone types somewhere the round does not show. React's Profiler counts the
 * commits in which it rendered while real commands edit a real document bound to the store.
 */
import { Profiler, act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, expect, it } from 'vitest'
import { addAnnotation, addTouchpoint, editAnnotation, openVotingRound, renameStage, setMeta, updateTouchpoint } from '../../commands'
import { createUndoManager } from '../../doc'
import type { AnnotationId } from '../../model'
import { bindDocument, useJourneyStore } from '../../store'
import type { MapSession } from '../../sync'
import { MapSessionContext } from '../../session/MapSessionContext'
import { createTestDoc } from '../../test/factories'
import { VotingPanel } from './VotingPanel'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((c) => c()))

it('does not re-render on an edit outside the round, and does on one inside it', async () => {
  const { doc, touchpoint, before, during, persona } = createTestDoc()
  const other = addTouchpoint(doc, { stageId: during, personaId: persona, title: 'Kø på telefonen' })
  const pain = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Lampen lyser uten grunn 😤' }) as AnnotationId
  addAnnotation(doc, { targetId: before, kind: 'pain-point', text: 'Vanskelig å finne ledig tid' })
  const idea = addAnnotation(doc, { targetId: other, kind: 'opportunity', text: 'Ring tilbake-knapp' }) as AnnotationId
  openVotingRound(doc, { kind: 'pain-point', budget: 3 })
  cleanup.push(bindDocument(doc))
  useJourneyStore.setState({ role: 'facilitator' })
  const session = { mapId: 'm', doc, undoManager: createUndoManager(doc) } as unknown as MapSession

  let renders = 0
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  cleanup.push(() => act(() => root.unmount()))
  await act(async () => {
    root.render(
      <MapSessionContext.Provider value={session}>
        <Profiler id="voting" onRender={() => void renders++}>
          <VotingPanel />
        </Profiler>
      </MapSessionContext.Provider>,
    )
  })
  expect(container.querySelectorAll('[data-testid="vote-item"]')).toHaveLength(2)

  // Typing elsewhere: a touchpoint without items in the round, the map's title, an opportunity (not in a pain-point round).
  const start = renders
  for (const title of ['K', 'Kø', 'Kø p', 'Kø på', 'Kø på chat']) await act(async () => updateTouchpoint(doc, other, { title }))
  await act(async () => setMeta(doc, { title: 'Karolines bilservice – workshop' }))
  await act(async () => editAnnotation(doc, idea, { text: 'Ring meg tilbake 📞' }))
  const outside = renders - start
  console.log(`voting panel rendered ${outside} times during 7 edits outside the round`)
  expect(outside).toBe(0)

  // Inside the round: an item's text, and the title of the stage an item sits on.
  await act(async () => editAnnotation(doc, pain, { text: 'Lampen lyser – uten grunn' }))
  expect(renders).toBeGreaterThan(start)
  expect(container.textContent).toContain('Lampen lyser – uten grunn')
  const afterText = renders
  await act(async () => renameStage(doc, before, 'Varsel i bilen 🚗'))
  expect(renders).toBeGreaterThan(afterText)
  expect(container.textContent).toContain('Varsel i bilen 🚗')
})
