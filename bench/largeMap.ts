/**
 * A large, valid journey map for benchmarks: `touchpoints` cards spread over personas × stages,
 * `annotationsPerCard` annotations each (every kind in turn). Built as a plain snapshot (fast and
 * deterministic), then validated through the same parser an import uses.
 */
import { ANNOTATION_KINDS, defaultMeta, emptyCollections, keysBetween, parseJourneyJson, PHASES, toJourneyJson, type Snapshot } from '../src/model'

export function buildLargeMap({ touchpoints = 1000, annotationsPerCard = 3, personas = 5, stages = 20 } = {}): Snapshot {
  const snapshot: Snapshot = { meta: defaultMeta({ title: `Benchmark map · ${touchpoints} kort æøå`, locale: 'nb', createdAt: '2026-01-01T00:00:00.000Z' }), ...emptyCollections() }
  const mutable = snapshot as unknown as Record<string, Record<string, unknown>>
  const personaOrders = keysBetween(null, null, personas)
  const personaIds = personaOrders.map((order, i) => {
    const id = `persona:bench${i}`
    mutable.personas[id] = { id, name: `Persona ${i} – Åse`, description: 'Ønsker rask service og å bli gjenkjent.', color: '#4f7cff', order }
    return id
  })
  const stageOrders = keysBetween(null, null, stages)
  const stageIds = stageOrders.map((order, i) => {
    const id = `stage:bench${i}`
    mutable.stages[id] = { id, phase: PHASES[Math.min(2, Math.floor((i * 3) / stages))], title: `Steg ${i + 1} – bestilling`, order }
    return id
  })
  const perCell = Math.ceil(touchpoints / (personas * stages))
  const cellOrders = keysBetween(null, null, perCell)
  let n = 0
  let a = 0
  for (let c = 0; c < stages * personas && n < touchpoints; c++) {
    for (let k = 0; k < perCell && n < touchpoints; k++, n++) {
      const id = `touchpoint:bench${n}`
      mutable.touchpoints[id] = {
        id,
        stageId: stageIds[c % stages],
        personaId: personaIds[Math.floor(c / stages)],
        title: `Kontaktpunkt ${n} – ringer verkstedet`,
        description: 'Kunden ringer sentralbordet og venter to minutter.',
        channel: ['app', 'phone', 'web', 'email'][n % 4],
        owner: ['Verksted', 'Kundeservice', 'Salg', 'Økonomi'][n % 4],
        emotion: (n % 5) - 2,
        priority: (n % 5) + 1,
        order: cellOrders[k],
      }
      for (let j = 0; j < annotationsPerCard; j++, a++) {
        const kind = ANNOTATION_KINDS[a % ANNOTATION_KINDS.length]
        const annotationId = `annotation:bench${a}`
        mutable.annotations[annotationId] = {
          id: annotationId,
          targetId: id,
          kind,
          text: `Merknad ${a}: verkstedet stenger kl. 17`,
          status: kind.endsWith('need') ? (['met', 'partly', 'unmet'] as const)[a % 3] : null,
          votes: {},
          order: `a${j}`,
        }
      }
    }
  }
  const checked = parseJourneyJson(toJourneyJson(snapshot))
  if (!checked.ok) throw new Error(`benchmark map is invalid: ${checked.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`)
  return checked.snapshot
}
