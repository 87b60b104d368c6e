import * as Y from 'yjs'
import { initializeMap } from '../src/commands'
import { judgeUpdate } from '../server/relay/writePolicy'
import { readUpdate, sliceUpdate } from '../server/relay/updateFormat'
const server = new Y.Doc(); initializeMap(server, { title: 'x' })
const d = new Y.Doc(); Y.applyUpdate(d, Y.encodeStateAsUpdate(server)); const sv = Y.encodeStateVector(d)
d.transact(() => { for (let i = 0; i < 18000; i++) d.getMap('links').set('link:' + d.clientID + 'x' + i, new Y.Map([['label', 'ø']])) })
const u = Y.encodeStateAsUpdate(d, sv)
console.log('bytes', u.length)
let t = performance.now(); const p = readUpdate(u); console.log('read', (performance.now() - t).toFixed(1))
t = performance.now(); const v = judgeUpdate(server, 'editor', p); console.log('judge', (performance.now() - t).toFixed(1), v.kind)
t = performance.now(); const slices = sliceUpdate(u, p, 2000, (c) => Y.getState(server.store, c)); console.log('slice', (performance.now() - t).toFixed(1), slices.length)
const times: number[] = []
for (const s of slices) { const t0 = performance.now(); Y.applyUpdate(server, s); times.push(performance.now() - t0) }
console.log('slice applies', times.map((x) => x.toFixed(0)).join(' '))
t = performance.now(); Y.encodeStateAsUpdate(server); console.log('encode state', (performance.now() - t).toFixed(1))
for (let k = 0; k < 5; k++) {
  const s2 = new Y.Doc(); initializeMap(s2, { title: 'x' })
  const t1 = performance.now(); const pp = readUpdate(u); const t2 = performance.now(); judgeUpdate(s2, 'editor', pp); const t3 = performance.now()
  console.log('run', k, 'read', (t2 - t1).toFixed(0), 'judge', (t3 - t2).toFixed(0))
}
