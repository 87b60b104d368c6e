import * as Y from 'yjs'
import { initializeMap } from '../src/commands'
import { judgeUpdate, analyzeUpdate } from '../server/relay/writePolicy'
import { readUpdate } from '../server/relay/updateFormat'
import { worstUpdate } from '../server/testing/attacks'
for (let k = 0; k < 6; k++) {
  const room = new Y.Doc(); initializeMap(room, { title: 'x' })
  const u = worstUpdate(room, 'links', 2_499)
  const p = readUpdate(u)
  let t = performance.now(); analyzeUpdate(room, p); const a = performance.now() - t
  t = performance.now(); judgeUpdate(room, 'editor', p); const j = performance.now() - t
  console.log('analyze', a.toFixed(1), 'judge', j.toFixed(1))
}
