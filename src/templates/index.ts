/**
 * Map templates: each builds a complete, validated snapshot (contract 3) that a new map starts
 * from, on the client (local maps) and on the server (`POST /api/maps {"template": id}`).
 */
import type { Snapshot } from '../model'
import { buildJourney } from './journeySpec'
import { KAROLINE_CAR_SERVICE } from './karolineCarService'

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
]

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id)
}
