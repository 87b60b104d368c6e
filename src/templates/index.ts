/**
 * Map templates: each builds a complete, validated snapshot (contract 3) that a new map starts
 * from, on the client (local maps) and on the server (`POST /api/maps {"template": id}`).
 */
import type { Snapshot } from '../model'

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

export const TEMPLATES: Template[] = []

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id)
}
