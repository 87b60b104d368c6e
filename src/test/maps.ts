/**
 * The maps tests and benchmarks build. `buildServiceVisitMap` and `buildActionPlanMap` go through
 * the real commands on a bare Y.Doc (what a workshop would produce); `buildSyntheticMap` writes
 * records directly from one seeded generator (`./seededRandom`), so a 1,000-card map for a
 * benchmark takes milliseconds to make and is the same every run.
 */
import * as Y from 'yjs'
import {
  addAction,
  addAnnotation,
  addComment,
  addPersona,
  addPromise,
  addServicePriority,
  addStage,
  addTouchpoint,
  assessAnnotation,
  initializeMap,
  linkTouchpoints,
  setCommentResolved,
  setEvidence,
  setTouchpointMetrics,
} from '../commands'
import { getCollection, readSnapshot } from '../doc'
import { mulberry32 } from './seededRandom'
import { ANNOTATION_KINDS, createId, formatError, JSON_FORMAT, keysBetween, parseJourneyJson, PHASES, SCHEMA_VERSION, type AnnotationKind, type Snapshot } from '../model'

export const EMOJI = '😀'

/** A Norwegian service-visit journey with every annotation kind, links, comments, æøå and an emoji. */
export function buildServiceVisitMap(): { doc: Y.Doc; snapshot: Snapshot } {
  const doc = new Y.Doc()
  initializeMap(doc, {
    title: 'Bilservice: Karolines verkstedbesøk',
    locale: 'nb',
    description: 'Hvordan Karoline opplever service på bilen, fra servicelampen lyser til fakturaen kommer i posten.',
  })
  const karoline = addPersona(doc, { name: 'Karoline Ødegård', description: 'Travel småbarnsmor med SUV; vil ordne alt i appen, helst på kveldstid.', color: '#d4487a' })
  const erik = addPersona(doc, { name: 'Erik Åsheim', description: 'Pensjonert ingeniør som foretrekker å ringe og snakke med en person.', color: '#3aa6c4' })
  const lampe = addStage(doc, { phase: 'before', title: 'Servicelampen lyser' })
  const booking = addStage(doc, { phase: 'before', title: 'Bestille time' })
  const telefon = addStage(doc, { phase: 'during', title: 'Ringe sentralbordet' })
  const levering = addStage(doc, { phase: 'during', title: 'Levere bilen' })
  const henting = addStage(doc, { phase: 'after', title: 'Hente bilen' })
  const faktura = addStage(doc, { phase: 'after', title: 'Få fakturaen' })

  const app = addTouchpoint(doc, { stageId: lampe, personaId: karoline, title: 'Åpner forhandlerens app', channel: 'app', owner: 'Digital', emotion: 0, priority: 2, description: 'Ser at servicelampen lyser og åpner appen på vei hjem fra barnehagen.' })
  const bestill = addTouchpoint(doc, { stageId: booking, personaId: karoline, title: 'Prøver å bestille service og dekkskift', channel: 'app', owner: 'Digital', emotion: -2, priority: 1 })
  const ring = addTouchpoint(doc, { stageId: telefon, personaId: karoline, title: 'Venter to minutter i kø', channel: 'phone', owner: 'Kundeservice', emotion: -1, priority: 1 })
  const time = addTouchpoint(doc, { stageId: telefon, personaId: karoline, title: 'Får time om ti dager', channel: 'phone', owner: 'Verksted', emotion: -1 })
  const lever = addTouchpoint(doc, { stageId: levering, personaId: karoline, title: 'Tilbys leiebil mot betaling', channel: 'in person', owner: 'Salg', emotion: -1 })
  const hent = addTouchpoint(doc, { stageId: henting, personaId: karoline, title: 'Bilen står 100 m unna hos dekkfirmaet', channel: 'in person', owner: 'Verksted', emotion: -2 })
  const betal = addTouchpoint(doc, { stageId: henting, personaId: karoline, title: 'Betaler i kortterminal', channel: 'in person', owner: 'Økonomi', emotion: 0 })
  const brev = addTouchpoint(doc, { stageId: faktura, personaId: karoline, title: 'Faktura kommer i posten en uke senere', channel: 'letter', owner: 'Økonomi', emotion: -1 })
  const erikRing = addTouchpoint(doc, { stageId: booking, personaId: erik, title: 'Ringer verkstedet direkte', channel: 'phone', owner: 'Verksted', emotion: 1 })
  const erikKaffe = addTouchpoint(doc, { stageId: levering, personaId: erik, title: `Får kaffe og en prat i resepsjonen ${EMOJI}`, channel: 'in person', owner: 'Verksted', emotion: 2, priority: 3 })
  addTouchpoint(doc, { stageId: faktura, personaId: erik, title: 'Får e-faktura', channel: 'email', owner: 'Økonomi' })

  addAnnotation(doc, { targetId: bestill, kind: 'functional-need', text: 'Bestille service og dekkskift i samme bestilling', status: 'unmet' })
  addAnnotation(doc, { targetId: bestill, kind: 'pain-point', text: 'Appen sier «ring verkstedet», som stengte klokken 17.00' })
  addAnnotation(doc, { targetId: bestill, kind: 'opportunity', text: 'Kombinert booking av service og dekkhotell i appen' })
  addAnnotation(doc, { targetId: ring, kind: 'emotional-need', text: 'Føle seg prioritert som fast kunde', status: 'partly' })
  addAnnotation(doc, { targetId: time, kind: 'pain-point', text: 'Ti dagers ventetid føles altfor lenge når lampen lyser' })
  addAnnotation(doc, { targetId: lever, kind: 'functional-need', text: 'Lånebil mens bilen står på verkstedet', status: 'unmet' })
  addAnnotation(doc, { targetId: hent, kind: 'pain-point', text: 'Må gå 100 meter og vente ti minutter på nøkkelen' })
  addAnnotation(doc, { targetId: betal, kind: 'functional-need', text: 'Betale raskt uten å stå i kø', status: 'met' })
  addAnnotation(doc, { targetId: brev, kind: 'note', text: 'Papirfaktura koster 49 kr i gebyr; spør økonomiavdelingen' })
  addAnnotation(doc, { targetId: erikKaffe, kind: 'moment-of-truth', text: `Mekanikeren husker navnet hans og forklarer arbeidet ${EMOJI}` })
  addAnnotation(doc, { targetId: erikRing, kind: 'emotional-need', text: 'Bli gjenkjent når han ringer', status: 'met' })
  addAnnotation(doc, { targetId: app, kind: 'note', text: 'Lang tekst for å teste linjebryting: kundeserviceavdelingens tilbakemeldingsskjema er vanskelig å finne, og menyene i appen har ulike navn på iOS og Android, så Karoline gir opp etter tre forsøk og bestemmer seg for å ringe i morgen i stedet.' })
  addAnnotation(doc, { targetId: karoline, kind: 'emotional-need', text: 'Slippe å bruke lunsjpausen på bilen', status: 'unmet' })
  addAnnotation(doc, { targetId: telefon, kind: 'opportunity', text: 'Tilbakeringing i stedet for telefonkø' })
  addAnnotation(doc, { targetId: 'phase:after', kind: 'note', text: 'Etterpå-fasen eies av tre avdelinger; ingen har helheten' })
  const voted = addAnnotation(doc, { targetId: hent, kind: 'opportunity', text: 'Bilen klar ved inngangen med nøkkel i nøkkelboks' })
  // Votes as two participants would leave them (the voting command is not part of this test's subject).
  const votes = getCollection(doc, 'annotations').get(voted)!.get('votes') as Y.Map<number>
  doc.transact(() => {
    votes.set('participant:a', 2)
    votes.set('participant:b', 1)
  })

  linkTouchpoints(doc, app, bestill)
  linkTouchpoints(doc, bestill, ring, 'ringer neste dag')
  linkTouchpoints(doc, ring, time)
  linkTouchpoints(doc, time, lever)
  linkTouchpoints(doc, hent, betal)

  addComment(doc, { targetId: hent, author: 'Siri (kundeservice)', text: 'Stemmer dette? Vi har fått klager på akkurat dette.', now: new Date('2026-03-02T10:00:00Z') })
  const done = addComment(doc, { targetId: bestill, author: 'Ole', text: 'Sjekket med IT: mulig i neste versjon.', now: new Date('2026-03-02T11:00:00Z') })
  setCommentResolved(doc, done, true)
  return { doc, snapshot: readSnapshot(doc) }
}

/**
 * The service journey as it stands after the workshop's follow-up: evidence on the pain points,
 * measured NPS/CES/CSAT against targets, an action plan across departments (one action without an
 * owner yet) and customer promises with their service priorities (one promise without any).
 */
export function buildActionPlanMap(): { doc: Y.Doc; snapshot: Snapshot } {
  const { doc, snapshot } = buildServiceVisitMap()
  const touchpoint = (title: string) => Object.values(snapshot.touchpoints).find((t) => t.title.startsWith(title))!.id
  const annotation = (text: string) => Object.values(snapshot.annotations).find((a) => a.text.startsWith(text))!.id

  setEvidence(doc, annotation('Appen sier'), 'observed')
  setEvidence(doc, annotation('Ti dagers ventetid'), 'measured')
  setEvidence(doc, annotation('Bestille service og dekkskift'), 'assumed')
  setEvidence(doc, annotation('Må gå 100 meter'), 'observed')
  assessAnnotation(doc, annotation('Kombinert booking'), { impact: 5, effort: 3 })

  setTouchpointMetrics(doc, touchpoint('Venter to minutter'), { nps: -12, npsTarget: 30, ces: 3.5, cesTarget: 5, csat: 62, csatTarget: 80 })
  setTouchpointMetrics(doc, touchpoint('Prøver å bestille'), { nps: -40, npsTarget: 20, ces: 2 })
  setTouchpointMetrics(doc, touchpoint('Får kaffe'), { nps: 70, npsTarget: 50, csat: 95, csatTarget: 90 })

  addAction(doc, {
    fromAnnotation: annotation('Appen sier'),
    title: 'Kombinert booking av service og dekkskift i appen',
    measure: 'Andel bookinger gjort i appen',
    target: 'Over 60 %',
    dueDate: '2026-06-01',
    status: 'in-progress',
  })
  addAction(doc, {
    title: 'Ring tilbake i stedet for telefonkø',
    owner: 'Kundeservice',
    measure: 'Ventetid på telefon',
    target: 'Under 90 sekunder',
    dueDate: '2026-09-15',
    addresses: [annotation('Føle seg prioritert'), annotation('Ti dagers ventetid')],
  })
  addAction(doc, { title: 'Bilen klar ved inngangen med nøkkelboks', owner: 'Verksted', status: 'blocked', addresses: [annotation('Må gå 100 meter')] })
  addAction(doc, { title: 'Fjerne gebyret for papirfaktura', owner: 'Økonomi', status: 'done', dueDate: '2026-04-30', addresses: [annotation('Papirfaktura')] })
  addAction(doc, { title: 'Gi én avdeling ansvaret for hele etterpå-fasen' })

  const time = addPromise(doc, { text: 'Du får time når det passer deg, ikke bare når verkstedet er åpent' })
  addServicePriority(doc, {
    promiseId: time,
    text: 'Bestilling av service og dekkskift i appen døgnet rundt',
    measure: 'Andel bookinger utenfor åpningstid',
    target: 'Minst 30 %',
    touchpointIds: [touchpoint('Åpner forhandlerens app'), touchpoint('Prøver å bestille')],
  })
  addServicePriority(doc, { promiseId: time, text: 'Aldri mer enn 90 sekunder i telefonkø', measure: 'Ventetid', target: 'Under 90 s', touchpointIds: [touchpoint('Venter to minutter')] })
  const prices = addPromise(doc, { text: 'Ærlige priser uten overraskelser på fakturaen' })
  addServicePriority(doc, { promiseId: prices, text: 'Ingen gebyrer vi ikke har varslet om på forhånd', measure: 'Klager på gebyrer', target: '0 per måned', touchpointIds: [touchpoint('Faktura kommer i posten')] })
  addPromise(doc, { text: 'Vi husker hvem du er' })
  return { doc, snapshot: readSnapshot(doc) }
}

const WORDS = 'kunde bil verksted time appen ringe faktura venter dekk service lånebil nøkkel får skjønner ærlig øyeblikk åpent trygg rask'.split(' ')

/**
 * A valid map of `touchpoints` cards over `stages` columns and `personas` lanes, ~2 annotations per
 * card, with what follows a workshop in proportion: evidence on most annotations, metrics on some
 * touchpoints, an action per ~5 cards and a few promises, so the export benchmark prints all of it.
 * `annotationsPerCard` gives every card exactly that many instead (the editor benchmark's load).
 */
export function buildSyntheticMap(input: { touchpoints: number; stages: number; personas: number; seed?: number; locale?: string; annotationsPerCard?: number }): Snapshot {
  const random = mulberry32(input.seed ?? 1)
  // The follow-up data draws from its own sequence, so the cards and annotations stay what they were.
  const followUp = mulberry32((input.seed ?? 1) + 0x5eed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const id = <T extends 'persona' | 'stage' | 'touchpoint' | 'annotation' | 'link'>(type: T) => createId(type, random)
  const chance = (p: number) => followUp() < p
  const between = (min: number, max: number) => min + Math.floor(followUp() * (max - min + 1))

  const personas: { id: string; name: string; description: string; color: string; order: string }[] = []
  const personaKeys = keysBetween(null, null, input.personas)
  for (let i = 0; i < input.personas; i++) {
    personas.push({ id: id('persona'), name: `Persona ${i + 1} ${pick(WORDS)}`, description: sentence(12), color: pick(['#4f7cff', '#e8663d', '#2fa67a', '#b05cd6']), order: personaKeys[i] })
  }
  const stages: { id: string; phase: string; title: string; order: string }[] = []
  const perPhase = Math.ceil(input.stages / 3)
  PHASES.forEach((phase, p) => {
    const count = Math.max(0, Math.min(perPhase, input.stages - p * perPhase))
    const keys = keysBetween(null, null, count)
    for (let i = 0; i < count; i++) stages.push({ id: id('stage'), phase, title: `Steg ${p * perPhase + i + 1}: ${sentence(2)}`, order: keys[i] })
  })
  const touchpoints: Record<string, unknown>[] = []
  const annotations: Record<string, unknown>[] = []
  const orderKeys = keysBetween(null, null, input.touchpoints)
  for (let i = 0; i < input.touchpoints; i++) {
    const stage = stages[i % stages.length]
    const persona = personas[Math.floor(i / stages.length) % personas.length]
    const tp = {
      id: id('touchpoint'),
      stageId: stage.id,
      personaId: persona.id,
      title: `Kontaktpunkt ${i + 1}: ${sentence(4)}`,
      description: random() < 0.3 ? sentence(14) : '',
      channel: pick(['app', 'web', 'phone', 'email', 'in person']),
      owner: pick(['Salg', 'Kundeservice', 'Økonomi', 'IT', 'Verksted']),
      emotion: random() < 0.85 ? Math.floor(random() * 5) - 2 : null,
      priority: random() < 0.5 ? 1 + Math.floor(random() * 5) : null,
      order: orderKeys[i],
      ...(chance(0.4) && { nps: between(-60, 80), npsTarget: chance(0.7) ? between(0, 60) : null, csat: between(40, 100), csatTarget: chance(0.7) ? between(60, 95) : null }),
      ...(chance(0.25) && { ces: between(2, 7), cesTarget: 5 }),
    }
    touchpoints.push(tp)
    const count = input.annotationsPerCard ?? Math.floor(random() * 4) // 0..3, mean 1.5
    for (let k = 0; k < count; k++) {
      const kind: AnnotationKind = pick(ANNOTATION_KINDS)
      const need = kind === 'functional-need' || kind === 'emotional-need'
      const evidence = chance(0.7) ? (['assumed', 'observed', 'measured'] as const)[between(0, 2)] : null
      annotations.push({ id: id('annotation'), targetId: tp.id, kind, text: sentence(6 + Math.floor(random() * 14)), status: need ? pick(['met', 'partly', 'unmet'] as const) : null, votes: {}, evidence, order: 'a0' })
    }
  }
  const links: Record<string, unknown>[] = []
  for (let i = 1; i < touchpoints.length; i += 3) links.push({ id: id('link'), from: touchpoints[i - 1].id, to: touchpoints[i].id, label: '' })

  const painPoints = annotations.filter((a) => a.kind === 'pain-point')
  const actionKeys = keysBetween(null, null, Math.ceil(input.touchpoints / 5))
  const actions = actionKeys.map((order, i) => ({
    id: createId('action', followUp),
    title: `Tiltak ${i + 1}: ${sentence(5)}`,
    owner: chance(0.9) ? (['Salg', 'Kundeservice', 'Økonomi', 'IT', 'Verksted'] as const)[between(0, 4)] : '',
    measure: sentence(4),
    target: `${between(10, 90)} %`,
    dueDate: `2026-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
    status: (['planned', 'in-progress', 'done', 'blocked'] as const)[between(0, 3)],
    addresses: painPoints.length > 0 ? [painPoints[between(0, painPoints.length - 1)].id] : [],
    order,
  }))
  const promiseKeys = keysBetween(null, null, 3)
  const promises = promiseKeys.map((order, i) => ({ id: createId('promise', followUp), text: `Løfte ${i + 1}: ${sentence(8)}`, order }))
  const servicePriorities = promises.flatMap((promise) =>
    keysBetween(null, null, 2).map((order) => ({
      id: createId('service-priority', followUp),
      promiseId: promise.id,
      text: sentence(7),
      measure: sentence(3),
      target: `under ${between(30, 180)} s`,
      touchpointIds: [touchpoints[between(0, touchpoints.length - 1)].id],
      order,
    })),
  )

  // Through the import path, so fields this builder does not know about get their defaults.
  const parsed = parseJourneyJson({
    format: JSON_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    meta: { title: `Syntetisk kart med ${input.touchpoints} kontaktpunkter`, locale: input.locale ?? 'nb', createdAt: '2026-01-15T09:00:00.000Z' },
    personas,
    stages,
    touchpoints,
    annotations,
    links,
    comments: [],
    actions,
    promises,
    servicePriorities,
  })
  if (!parsed.ok) throw new Error(parsed.errors.map(formatError).join('\n'))
  return parsed.snapshot
}
