/**
 * Map templates: each builds a complete, validated snapshot (contract 3) that a new map starts
 * from, on the client (local maps) and on the server (`POST /api/maps {"template": id}`).
 */
import type { Snapshot } from '../model'
import { buildJourney } from './journeySpec'
import { KAROLINE_CAR_SERVICE } from './karolineCarService'
import { BANK_TRANSFER } from './bankTransfer'
import { INSURANCE_CLAIM } from './insuranceClaim'
import { KAROLINE_ADVISORY_SALES, KAROLINE_AUTOMATIC_SERVICE, KAROLINE_PROACTIVE_COACHING, KAROLINE_RAPID_RESPONSE } from './karolineToBe'
import { buildPlannedJourney, type PlanSpec } from './planSpec'

export interface TemplateInfo {
  /** Stable id used by the API, e.g. `karoline-car-service-nb`. */
  id: string
  title: string
  locale: string
  description: string
}

export interface Template extends TemplateInfo {
  build(): Snapshot
}

export const TEMPLATES: Template[] = [
  {
    id: 'karoline-car-service-nb',
    title: KAROLINE_CAR_SERVICE.title.nb,
    locale: 'nb',
    description: 'Servicevarsel, timebestilling, lånebil, henting og faktura: kundereisen slik den er i dag, med smertepunkter og de fire strategiene som muligheter.',
    build: () => buildJourney('karoline-car-service', KAROLINE_CAR_SERVICE, 'nb'),
  },
  {
    id: 'karoline-car-service-en',
    title: KAROLINE_CAR_SERVICE.title.en,
    locale: 'en',
    description: 'Service light, booking, courtesy car, pick-up and invoice: the journey as it is today, with its pain points and the four strategies as opportunities.',
    build: () => buildJourney('karoline-car-service', KAROLINE_CAR_SERVICE, 'en'),
  },
  ...plannedTemplates('karoline-to-be-rapid-response', KAROLINE_RAPID_RESPONSE, {
    nb: 'Rask respons: samlet bestilling i SUV-appen, lånebil, SMS og Vipps. Med løfter, målinger og handlingsplan.',
    en: 'Rapid response: combined booking in the SUV app, courtesy car, SMS and Vipps. With promises, metrics and an action plan.',
  }),
  ...plannedTemplates('karoline-to-be-advisory-sales', KAROLINE_ADVISORY_SALES, {
    nb: 'Rådgivende salg: datoer som passer, tilbud som passer bilen, opplåsing og betaling i appen.',
    en: 'Advisory sales: dates that suit her, offers that suit the car, unlocking and paying in the app.',
  }),
  ...plannedTemplates('karoline-to-be-proactive-coaching', KAROLINE_PROACTIVE_COACHING, {
    nb: 'Proaktivt salg/coaching: forhandleren foreslår dato, gir vintertips og tilbyr takboks.',
    en: 'Proactive coaching: the dealer proposes a date, gives winter tips and offers a roof box.',
  }),
  ...plannedTemplates('karoline-to-be-automatic-service', KAROLINE_AUTOMATIC_SERVICE, {
    nb: 'Automatisk tjeneste: bilen hentes og leveres, lånebil, regningen er betalt.',
    en: 'Automatic service: the car is collected and delivered, a courtesy car, the bill already paid.',
  }),
  ...plannedTemplates('insurance-claim', INSURANCE_CLAIM, {
    da: 'Forsikring: dækning og følelsen af tryghed, fra tilbud til skade og udbetaling, med to personaer.',
    en: 'Insurance: coverage and the feeling of safety, from quote to claim and payout, with two personas.',
  }),
  ...plannedTemplates('bank-simple-transfer', BANK_TRANSFER, {
    da: 'Ultra-simplification: bankoverførslen gjort super nem – og hvor siloerne stadig skinner igennem.',
    en: 'Ultra-simplification: the bank transfer made super easy – and where the silos still show through.',
  }),
]

/** One template per language of a spec with an action plan: ids like `insurance-claim-da`. */
function plannedTemplates<L extends string>(base: string, spec: PlanSpec<L>, descriptions: Record<L, string>): Template[] {
  return (Object.keys(descriptions) as L[]).map((lang) => ({
    id: `${base}-${lang}`,
    title: spec.title[lang],
    locale: lang,
    description: descriptions[lang],
    build: () => buildPlannedJourney(base, spec, lang),
  }))
}

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id)
}
