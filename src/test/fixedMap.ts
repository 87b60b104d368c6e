/**
 * A small fixed map for the insight tests: Karoline and a fleet customer over three stages,
 * with emotions, needs, pain points, moments of truth, opportunities, metrics and two actions.
 * Plain records, so every expected number in the tests can be checked by hand.
 */
import type { Action, ActionId, AnnotationId, PersonaId, Snapshot, StageId, TouchpointId } from '../model'
import { makeAnnotation, makePersona, makeSnapshot, makeStage, makeTouchpoint } from './factories'

export const P = { karoline: 'persona:karoline' as PersonaId, fleet: 'persona:fleet' as PersonaId }
export const S = { app: 'stage:app' as StageId, phone: 'stage:phone' as StageId, pickup: 'stage:pickup' as StageId }
export const T = {
  app: 'touchpoint:app' as TouchpointId,
  call: 'touchpoint:call' as TouchpointId,
  wait: 'touchpoint:wait' as TouchpointId,
  pay: 'touchpoint:pay' as TouchpointId,
  fleetCall: 'touchpoint:fleetcall' as TouchpointId,
}
const a = (id: string) => `annotation:${id}` as AnnotationId

export function fixedMap(): Snapshot {
  const snapshot = makeSnapshot({
    personas: [makePersona({ id: P.karoline, name: 'Karoline', color: '#4f7cff', order: 'a0' }), makePersona({ id: P.fleet, name: 'Bedriftskunde', color: '#e8663d', order: 'a1' })],
    stages: [
      makeStage({ id: S.app, phase: 'before', title: 'Bestilling i appen', order: 'a0' }),
      makeStage({ id: S.phone, phase: 'during', title: 'Telefon til verkstedet', order: 'a0' }),
      makeStage({ id: S.pickup, phase: 'after', title: 'Henting av bilen', order: 'a0' }),
    ],
    touchpoints: [
      makeTouchpoint({ id: T.app, stageId: S.app, personaId: P.karoline, title: 'Åpner appen', emotion: 0, order: 'a0', nps: -20, npsTarget: 10, ces: 3, cesTarget: 6, csat: 60, csatTarget: 80 }),
      makeTouchpoint({ id: T.call, stageId: S.phone, personaId: P.karoline, title: 'Ringer sentralbordet', emotion: -2, order: 'a0', nps: -40, npsTarget: 0 }),
      makeTouchpoint({ id: T.wait, stageId: S.phone, personaId: P.karoline, title: 'Venter to minutter', emotion: -1, order: 'a1', nps: 0, npsTarget: 20, ces: 2 }),
      makeTouchpoint({ id: T.pay, stageId: S.pickup, personaId: P.karoline, title: 'Betaler i kortterminalen', emotion: 1, order: 'a0', csat: 90, csatTarget: 85 }),
      makeTouchpoint({ id: T.fleetCall, stageId: S.phone, personaId: P.fleet, title: 'Fast kontaktperson', emotion: 2, order: 'a0' }),
    ],
    annotations: [
      makeAnnotation({ id: a('closed'), targetId: T.call, kind: 'pain-point', text: 'Verkstedet er stengt kl. 17', order: 'a0' }),
      makeAnnotation({ id: a('rental'), targetId: T.call, kind: 'pain-point', text: 'Må betale for leiebil', order: 'a1' }),
      makeAnnotation({ id: a('queue'), targetId: T.wait, kind: 'pain-point', text: 'Kø i telefonen', order: 'a0' }),
      makeAnnotation({ id: a('wow'), targetId: T.fleetCall, kind: 'moment-of-truth', text: 'Kjenner bilen min', order: 'a0' }),
      makeAnnotation({ id: a('stage-pain'), targetId: S.pickup, kind: 'pain-point', text: 'Bilen står 100 m unna', order: 'a0' }),
      makeAnnotation({ id: a('book'), targetId: T.app, kind: 'functional-need', text: 'Bestille service og dekkskift samlet', status: 'unmet', order: 'a0' }),
      makeAnnotation({ id: a('safe'), targetId: T.app, kind: 'emotional-need', text: 'Føle seg ivaretatt', status: 'met', order: 'a0' }),
      makeAnnotation({ id: a('pay-fn'), targetId: T.pay, kind: 'functional-need', text: 'Betale raskt', status: 'met', order: 'a0' }),
      makeAnnotation({ id: a('pay-em'), targetId: T.pay, kind: 'emotional-need', text: 'Slippe å vente', status: 'partly', order: 'a0' }),
      makeAnnotation({ id: a('call-em'), targetId: T.call, kind: 'emotional-need', text: 'Bli tatt på alvor', status: null, order: 'a0' }),
      makeAnnotation({ id: a('combo'), targetId: T.app, kind: 'opportunity', text: 'Samlet booking', impact: 5, effort: 2, order: 'a0' }),
      makeAnnotation({ id: a('platform'), targetId: T.app, kind: 'opportunity', text: 'Ny plattform', impact: 4, effort: 5, order: 'a1' }),
      makeAnnotation({ id: a('sms'), targetId: T.pay, kind: 'opportunity', text: 'SMS når bilen er klar', impact: 2, effort: 1, order: 'a0' }),
      makeAnnotation({ id: a('sms2'), targetId: T.wait, kind: 'opportunity', text: 'SMS-kø', impact: 2, effort: 1, order: 'a0' }),
      makeAnnotation({ id: a('kiosk'), targetId: T.pay, kind: 'opportunity', text: 'Betalingskiosk', impact: 1, effort: 4, order: 'a1' }),
      makeAnnotation({ id: a('later'), targetId: S.app, kind: 'opportunity', text: 'Ikke vurdert ennå', impact: 3, effort: null, order: 'a0' }),
    ],
  })
  const actions: Action[] = [
    { id: 'action:open' as ActionId, title: 'Åpen booking på kveldstid', owner: 'Verksted', measure: 'Bookinger etter kl. 17', target: '30 %', dueDate: '2026-06-01', status: 'in-progress', addresses: [a('closed'), a('gone')], order: 'a0' },
    { id: 'action:car' as ActionId, title: 'Gratis lånebil', owner: 'Salg', measure: '', target: '', dueDate: '', status: 'planned', addresses: [a('rental')], order: 'a1' },
    { id: 'action:queue' as ActionId, title: 'Ring-tilbake', owner: '', measure: '', target: '', dueDate: '', status: 'planned', addresses: [], order: 'a2' },
  ]
  return { ...snapshot, actions: Object.fromEntries(actions.map((x) => [x.id, x])) }
}
