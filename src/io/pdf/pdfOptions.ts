/**
 * The PDF export's options and their defaults, apart from the renderer: the export menu needs them
 * at startup, and importing them from renderJourneyPdf.ts would put the whole renderer (cover, grid,
 * summary and what they import) into the initial bundle instead of the chunk loaded on export.
 */
import type { GridFit } from './grid'

export type PaperSize = 'a4' | 'a3'
export type Orientation = 'landscape' | 'portrait'

export interface PdfOptions {
  paper: PaperSize
  orientation: Orientation
  /** A map wider than the page: columns split across pages, or everything scaled to the page width. */
  fit: GridFit
  /** Departments (as named on the map) that get a page of their own after the summary. */
  departments?: string[]
  /** The date printed on the cover; now unless given (tests pin it). */
  now?: Date
}

export const DEFAULT_PDF_OPTIONS: PdfOptions = { paper: 'a4', orientation: 'landscape', fit: 'split' }
