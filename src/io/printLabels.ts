/**
 * The words an export prints around the user's own content (headings, legend, column names), in
 * the map's language rather than the viewer's: a Danish map is handed to Danish managers. The app's
 * UI catalogs live in src/i18n; this small dictionary covers only what exports print, so the PDF
 * module can load without the UI.
 */
import type { ActionStatus, AnnotationKind, Evidence, MetricName, NeedStatus, Phase } from '../model'

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
  /** The singular of `votes`, chosen by `votesText` through the language's plural rule. */
  vote: string
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
  /** How the team knows an annotation, printed beside it, and what each level means (for the legend). */
  evidence: Record<Evidence, string>
  evidenceMeaning: Record<Evidence, string>
  evidenceHeading: string
  /** NPS/CES/CSAT keep their acronyms in every language; this names each one's target. */
  metricTarget: Record<MetricName, string>
  metricsHeading: string
  /** What the metric figures mean and how their colour reads, for the legend. */
  metricsMeaning: string
  target: string
  scorecard: string
  wholeJourney: string
  actionPlan: string
  noOwner: string
  actionStatus: Record<ActionStatus, string>
  measure: string
  due: string
  status: string
  addresses: string
  promises: string
  provenAt: string
  unplacedServicePriorities: string
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
    evidence: string
    impact: string
    effort: string
  }
}

/** The metrics' names: acronyms every reader of a CX report knows, the same in every language. */
export const METRIC_NAMES: Record<MetricName, string> = { nps: 'NPS', ces: 'CES', csat: 'CSAT' }

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
  vote: 'vote',
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
  evidence: { assumed: 'Assumed', observed: 'Observed', measured: 'Measured' },
  evidenceMeaning: {
    assumed: 'what the team believes, not yet checked',
    observed: 'seen in interviews, observation or complaints',
    measured: 'backed by survey or system figures',
  },
  evidenceHeading: 'Evidence',
  metricTarget: { nps: 'NPS target', ces: 'CES target', csat: 'CSAT target' },
  metricsHeading: 'Metrics',
  metricsMeaning: 'NPS −100 to 100, CES 1 to 7 (7 = least effort), CSAT % satisfied. Green: at or above target; red: below.',
  target: 'Target',
  scorecard: 'Journey scorecard',
  wholeJourney: 'Whole journey',
  actionPlan: 'Action plan',
  noOwner: 'No owner yet',
  actionStatus: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', blocked: 'Blocked' },
  measure: 'Measure',
  due: 'Due',
  status: 'Status',
  addresses: 'Addresses',
  promises: 'Customer promises and service priorities',
  provenAt: 'Proven at',
  unplacedServicePriorities: 'Service priorities whose promise was deleted',
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
    evidence: 'Evidence',
    impact: 'Impact',
    effort: 'Effort',
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
  vote: 'stemme',
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
  evidence: { assumed: 'Antaget', observed: 'Observeret', measured: 'Målt' },
  evidenceMeaning: {
    assumed: 'hvad teamet tror, endnu ikke undersøgt',
    observed: 'set i interviews, observationer eller klager',
    measured: 'underbygget af tal fra målinger eller systemer',
  },
  evidenceHeading: 'Belæg',
  metricTarget: { nps: 'NPS-mål', ces: 'CES-mål', csat: 'CSAT-mål' },
  metricsHeading: 'Målinger',
  metricsMeaning: 'NPS −100 til 100, CES 1 til 7 (7 = mindst besvær), CSAT % tilfredse. Grøn: på eller over målet; rød: under.',
  target: 'Mål',
  scorecard: 'Scorecard for kunderejsen',
  wholeJourney: 'Hele rejsen',
  actionPlan: 'Handlingsplan',
  noOwner: 'Ingen ansvarlig endnu',
  actionStatus: { planned: 'Planlagt', 'in-progress': 'I gang', done: 'Udført', blocked: 'Blokeret' },
  measure: 'Måling',
  due: 'Frist',
  status: 'Status',
  addresses: 'Løser',
  promises: 'Kundeløfter og serviceprioriteter',
  provenAt: 'Bevises ved',
  unplacedServicePriorities: 'Serviceprioriteter hvis løfte er slettet',
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
    evidence: 'Belæg',
    impact: 'Effekt',
    effort: 'Indsats',
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
  vote: 'röst',
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
  evidence: { assumed: 'Antaget', observed: 'Observerat', measured: 'Uppmätt' },
  evidenceMeaning: {
    assumed: 'vad teamet tror, ännu inte undersökt',
    observed: 'sett i intervjuer, observationer eller klagomål',
    measured: 'underbyggt av siffror från mätningar eller system',
  },
  evidenceHeading: 'Belägg',
  metricTarget: { nps: 'NPS-mål', ces: 'CES-mål', csat: 'CSAT-mål' },
  metricsHeading: 'Mätvärden',
  metricsMeaning: 'NPS −100 till 100, CES 1 till 7 (7 = minst ansträngning), CSAT % nöjda. Grönt: på eller över målet; rött: under.',
  target: 'Mål',
  scorecard: 'Resultatkort för kundresan',
  wholeJourney: 'Hela resan',
  actionPlan: 'Handlingsplan',
  noOwner: 'Ingen ansvarig ännu',
  actionStatus: { planned: 'Planerad', 'in-progress': 'Pågår', done: 'Klar', blocked: 'Blockerad' },
  measure: 'Mätetal',
  due: 'Klart senast',
  status: 'Status',
  addresses: 'Åtgärdar',
  promises: 'Kundlöften och serviceprioriteringar',
  provenAt: 'Bevisas vid',
  unplacedServicePriorities: 'Serviceprioriteringar vars löfte har tagits bort',
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
    evidence: 'Belägg',
    impact: 'Effekt',
    effort: 'Insats',
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
  vote: 'stemme',
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
  evidence: { assumed: 'Antatt', observed: 'Observert', measured: 'Målt' },
  evidenceMeaning: {
    assumed: 'det teamet tror, ennå ikke undersøkt',
    observed: 'sett i intervjuer, observasjoner eller klager',
    measured: 'underbygget av tall fra målinger eller systemer',
  },
  evidenceHeading: 'Belegg',
  metricTarget: { nps: 'NPS-mål', ces: 'CES-mål', csat: 'CSAT-mål' },
  metricsHeading: 'Målinger',
  metricsMeaning: 'NPS −100 til 100, CES 1 til 7 (7 = minst innsats), CSAT % fornøyde. Grønn: på eller over målet; rød: under.',
  target: 'Mål',
  scorecard: 'Målekort for kundereisen',
  wholeJourney: 'Hele reisen',
  actionPlan: 'Handlingsplan',
  noOwner: 'Ingen ansvarlig ennå',
  actionStatus: { planned: 'Planlagt', 'in-progress': 'Pågår', done: 'Ferdig', blocked: 'Blokkert' },
  measure: 'Måling',
  due: 'Frist',
  status: 'Status',
  addresses: 'Løser',
  promises: 'Kundeløfter og serviceprioriteringer',
  provenAt: 'Bevises ved',
  unplacedServicePriorities: 'Serviceprioriteringer der løftet er slettet',
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
    evidence: 'Belegg',
    impact: 'Effekt',
    effort: 'Innsats',
  },
}

const BY_LANGUAGE: Record<string, PrintLabels> = { en, da, sv, nb, no: nb, nn: nb }

/** Labels for a BCP 47 locale (`nb-NO` → nb); English when the language is not one we print. */
export function printLabels(locale: string): PrintLabels {
  const language = locale.toLowerCase().split(/[-_]/)[0]
  return BY_LANGUAGE[language] ?? en
}

const pluralRules = new Map<string, Intl.PluralRules>()

/** "1 vote", "3 votes": the count with the label its language's plural rule asks for. */
export function votesText(labels: PrintLabels, count: number): string {
  const language = Object.entries(BY_LANGUAGE).find(([, l]) => l === labels)?.[0] ?? 'en'
  let rules = pluralRules.get(language)
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)))
  return `${count} ${rules.select(count) === 'one' ? labels.vote : labels.votes}`
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
