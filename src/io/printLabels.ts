/**
 * The words an export prints around the user's own content (headings, legend, column names), in
 * the map's language rather than the viewer's: a Danish map is handed to Danish managers. The app's
 * UI catalogs live in src/i18n; this small dictionary covers only what exports print, so the PDF
 * module can load without the UI.
 */
import type { AnnotationKind, NeedStatus, Phase } from '../model'

export interface PrintLabels {
  phases: Record<Phase, string>
  kinds: Record<AnnotationKind, string>
  needStatus: Record<NeedStatus, string>
  /** −2, −1, 0, +1, +2 */
  emotionScale: [string, string, string, string, string]
  personas: string
  legend: string
  emotion: string
  emotionCurve: string
  annotationKinds: string
  needStatusHeading: string
  link: string
  channel: string
  owner: string
  priority: string
  votes: string
  created: string
  exported: string
  summary: string
  painAndTruthByStage: string
  notesOnPhasesAndStages: string
  unmetNeeds: string
  functionalNeeds: string
  emotionalNeeds: string
  opportunities: string
  openComments: string
  unplaced: string
  unplacedTouchpoints: string
  unplacedAnnotations: string
  unplacedComments: string
  brokenLinks: string
  none: string
  continued: string
  page: string
  /** CSV column names, in column order. */
  csvColumns: {
    phase: string
    stage: string
    persona: string
    touchpoint: string
    description: string
    channel: string
    owner: string
    emotion: string
    priority: string
    annotationKind: string
    annotationText: string
    needStatus: string
    votes: string
  }
}

const en: PrintLabels = {
  phases: { before: 'Before', during: 'During', after: 'After' },
  kinds: {
    'functional-need': 'Functional need',
    'emotional-need': 'Emotional need',
    'pain-point': 'Pain point',
    'moment-of-truth': 'Moment of truth',
    opportunity: 'Opportunity',
    note: 'Note',
  },
  needStatus: { met: 'Met', partly: 'Partly met', unmet: 'Unmet' },
  emotionScale: ['Very negative', 'Negative', 'Neutral', 'Positive', 'Very positive'],
  personas: 'Personas',
  legend: 'Legend',
  emotion: 'Emotion',
  emotionCurve: 'Emotion curve',
  annotationKinds: 'Annotations',
  needStatusHeading: 'Need status',
  link: 'Link to the next touchpoint',
  channel: 'Channel',
  owner: 'Owner',
  priority: 'Priority',
  votes: 'votes',
  created: 'Created',
  exported: 'Exported',
  summary: 'Summary',
  painAndTruthByStage: 'Pain points and moments of truth by stage',
  notesOnPhasesAndStages: 'Notes on phases and stages',
  unmetNeeds: 'Unmet and partly met needs',
  functionalNeeds: 'Functional needs',
  emotionalNeeds: 'Emotional needs',
  opportunities: 'Opportunities',
  openComments: 'Open comments',
  unplaced: 'Not placed on the grid',
  unplacedTouchpoints: 'Touchpoints without a stage or persona',
  unplacedAnnotations: 'Annotations whose target was deleted',
  unplacedComments: 'Comments whose target was deleted',
  brokenLinks: 'Links to a deleted touchpoint',
  none: 'None',
  continued: 'continued',
  page: 'Page',
  csvColumns: {
    phase: 'Phase',
    stage: 'Stage',
    persona: 'Persona',
    touchpoint: 'Touchpoint',
    description: 'Description',
    channel: 'Channel',
    owner: 'Owner',
    emotion: 'Emotion',
    priority: 'Priority',
    annotationKind: 'Annotation kind',
    annotationText: 'Annotation text',
    needStatus: 'Need status',
    votes: 'Votes',
  },
}

const da: PrintLabels = {
  phases: { before: 'Før', during: 'Under', after: 'Efter' },
  kinds: {
    'functional-need': 'Funktionelt behov',
    'emotional-need': 'Følelsesmæssigt behov',
    'pain-point': 'Smertepunkt',
    'moment-of-truth': 'Sandhedens øjeblik',
    opportunity: 'Mulighed',
    note: 'Note',
  },
  needStatus: { met: 'Opfyldt', partly: 'Delvist opfyldt', unmet: 'Ikke opfyldt' },
  emotionScale: ['Meget negativ', 'Negativ', 'Neutral', 'Positiv', 'Meget positiv'],
  personas: 'Personaer',
  legend: 'Signaturforklaring',
  emotion: 'Følelse',
  emotionCurve: 'Følelseskurve',
  annotationKinds: 'Annoteringer',
  needStatusHeading: 'Behovets status',
  link: 'Forbindelse til næste berøringspunkt',
  channel: 'Kanal',
  owner: 'Ansvarlig',
  priority: 'Prioritet',
  votes: 'stemmer',
  created: 'Oprettet',
  exported: 'Eksporteret',
  summary: 'Opsummering',
  painAndTruthByStage: 'Smertepunkter og sandhedens øjeblikke pr. trin',
  notesOnPhasesAndStages: 'Noter om faser og trin',
  unmetNeeds: 'Uopfyldte og delvist opfyldte behov',
  functionalNeeds: 'Funktionelle behov',
  emotionalNeeds: 'Følelsesmæssige behov',
  opportunities: 'Muligheder',
  openComments: 'Åbne kommentarer',
  unplaced: 'Ikke placeret i gitteret',
  unplacedTouchpoints: 'Berøringspunkter uden trin eller persona',
  unplacedAnnotations: 'Annoteringer hvis mål er slettet',
  unplacedComments: 'Kommentarer hvis mål er slettet',
  brokenLinks: 'Forbindelser til et slettet berøringspunkt',
  none: 'Ingen',
  continued: 'fortsat',
  page: 'Side',
  csvColumns: {
    phase: 'Fase',
    stage: 'Trin',
    persona: 'Persona',
    touchpoint: 'Berøringspunkt',
    description: 'Beskrivelse',
    channel: 'Kanal',
    owner: 'Ansvarlig',
    emotion: 'Følelse',
    priority: 'Prioritet',
    annotationKind: 'Annoteringstype',
    annotationText: 'Annoteringstekst',
    needStatus: 'Behovets status',
    votes: 'Stemmer',
  },
}

const sv: PrintLabels = {
  phases: { before: 'Innan', during: 'Under', after: 'Efter' },
  kinds: {
    'functional-need': 'Funktionellt behov',
    'emotional-need': 'Känslomässigt behov',
    'pain-point': 'Smärtpunkt',
    'moment-of-truth': 'Sanningens ögonblick',
    opportunity: 'Möjlighet',
    note: 'Anteckning',
  },
  needStatus: { met: 'Uppfyllt', partly: 'Delvis uppfyllt', unmet: 'Inte uppfyllt' },
  emotionScale: ['Mycket negativ', 'Negativ', 'Neutral', 'Positiv', 'Mycket positiv'],
  personas: 'Personor',
  legend: 'Teckenförklaring',
  emotion: 'Känsla',
  emotionCurve: 'Känslokurva',
  annotationKinds: 'Anteckningar',
  needStatusHeading: 'Behovets status',
  link: 'Länk till nästa kontaktpunkt',
  channel: 'Kanal',
  owner: 'Ansvarig',
  priority: 'Prioritet',
  votes: 'röster',
  created: 'Skapad',
  exported: 'Exporterad',
  summary: 'Sammanfattning',
  painAndTruthByStage: 'Smärtpunkter och sanningens ögonblick per steg',
  notesOnPhasesAndStages: 'Anteckningar om faser och steg',
  unmetNeeds: 'Ouppfyllda och delvis uppfyllda behov',
  functionalNeeds: 'Funktionella behov',
  emotionalNeeds: 'Känslomässiga behov',
  opportunities: 'Möjligheter',
  openComments: 'Öppna kommentarer',
  unplaced: 'Inte placerade i rutnätet',
  unplacedTouchpoints: 'Kontaktpunkter utan steg eller persona',
  unplacedAnnotations: 'Anteckningar vars mål har tagits bort',
  unplacedComments: 'Kommentarer vars mål har tagits bort',
  brokenLinks: 'Länkar till en borttagen kontaktpunkt',
  none: 'Inga',
  continued: 'forts.',
  page: 'Sida',
  csvColumns: {
    phase: 'Fas',
    stage: 'Steg',
    persona: 'Persona',
    touchpoint: 'Kontaktpunkt',
    description: 'Beskrivning',
    channel: 'Kanal',
    owner: 'Ansvarig',
    emotion: 'Känsla',
    priority: 'Prioritet',
    annotationKind: 'Anteckningstyp',
    annotationText: 'Anteckningstext',
    needStatus: 'Behovets status',
    votes: 'Röster',
  },
}

const nb: PrintLabels = {
  phases: { before: 'Før', during: 'Under', after: 'Etter' },
  kinds: {
    'functional-need': 'Funksjonelt behov',
    'emotional-need': 'Emosjonelt behov',
    'pain-point': 'Smertepunkt',
    'moment-of-truth': 'Sannhetens øyeblikk',
    opportunity: 'Mulighet',
    note: 'Notat',
  },
  needStatus: { met: 'Oppfylt', partly: 'Delvis oppfylt', unmet: 'Ikke oppfylt' },
  emotionScale: ['Svært negativ', 'Negativ', 'Nøytral', 'Positiv', 'Svært positiv'],
  personas: 'Personas',
  legend: 'Tegnforklaring',
  emotion: 'Følelse',
  emotionCurve: 'Følelseskurve',
  annotationKinds: 'Merknader',
  needStatusHeading: 'Behovets status',
  link: 'Kobling til neste kontaktpunkt',
  channel: 'Kanal',
  owner: 'Ansvarlig',
  priority: 'Prioritet',
  votes: 'stemmer',
  created: 'Opprettet',
  exported: 'Eksportert',
  summary: 'Oppsummering',
  painAndTruthByStage: 'Smertepunkter og sannhetens øyeblikk per steg',
  notesOnPhasesAndStages: 'Notater om faser og steg',
  unmetNeeds: 'Uoppfylte og delvis oppfylte behov',
  functionalNeeds: 'Funksjonelle behov',
  emotionalNeeds: 'Emosjonelle behov',
  opportunities: 'Muligheter',
  openComments: 'Åpne kommentarer',
  unplaced: 'Ikke plassert i rutenettet',
  unplacedTouchpoints: 'Kontaktpunkter uten steg eller persona',
  unplacedAnnotations: 'Merknader der målet er slettet',
  unplacedComments: 'Kommentarer der målet er slettet',
  brokenLinks: 'Koblinger til et slettet kontaktpunkt',
  none: 'Ingen',
  continued: 'forts.',
  page: 'Side',
  csvColumns: {
    phase: 'Fase',
    stage: 'Steg',
    persona: 'Persona',
    touchpoint: 'Kontaktpunkt',
    description: 'Beskrivelse',
    channel: 'Kanal',
    owner: 'Ansvarlig',
    emotion: 'Følelse',
    priority: 'Prioritet',
    annotationKind: 'Merknadstype',
    annotationText: 'Merknadstekst',
    needStatus: 'Behovets status',
    votes: 'Stemmer',
  },
}

const BY_LANGUAGE: Record<string, PrintLabels> = { en, da, sv, nb, no: nb, nn: nb }

/** Labels for a BCP 47 locale (`nb-NO` → nb); English when the language is not one we print. */
export function printLabels(locale: string): PrintLabels {
  const language = locale.toLowerCase().split(/[-_]/)[0]
  return BY_LANGUAGE[language] ?? en
}

/** −2..2 as printed: a real minus sign and an explicit plus, so "+1" and "−1" never look alike. */
export function formatEmotion(emotion: number): string {
  if (emotion > 0) return `+${emotion}`
  if (emotion < 0) return `\u2212${-emotion}`
  return '0'
}

export function emotionLabel(labels: PrintLabels, emotion: number): string {
  return labels.emotionScale[Math.round(emotion) + 2] ?? ''
}
