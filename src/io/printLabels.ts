/**
 * The words an export prints around the user's own content (headings, legend, column names), in
 * the map's language rather than the viewer's: a Danish map is handed to Danish managers. They are
 * namespaces of the message catalogs (src/i18n/catalogs: `print.*`, `print.csv.*`, `phase.*`), and
 * the words for the same concepts as the screen (annotation kinds, need status, emotion, evidence,
 * action status) are the screen's own keys, so the screen, the PDF and every CSV say the same thing.
 *
 * The map's catalog must be loaded first (`loadPrintLabels`): the catalogs other than English load
 * on demand, and an export in English for a Danish map would be wrong, so `printLabels` refuses
 * rather than falling back.
 */
import { ACTION_STATUSES, ANNOTATION_KINDS, EVIDENCE_LEVELS, PHASES, type ActionStatus, type AnnotationKind, type Evidence, type MetricName, type NeedStatus, type Phase } from '../model'
import { catalogLocale, isCatalogLoaded, loadCatalog, translate, type MessageKey } from '../i18n/translate'

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
  notYetAddressed: string
  notYetAddressedOrder: string
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
  /** The measured-metrics page (customer feedback). */
  measured: {
    title: string
    dataSet: string
    responses: string
    note: string
    place: string
    smallN: string
    curves: string
    assumed: string
    measured: string
    disagreements: string
    teamAssumes: string
    customersSay: string
    quotes: string
    quoteOn: string
    /** How the measured curve maps each headline figure onto −2..+2. */
    mapping: string
    /** Column names of the measured-metrics CSV beyond stage, persona and touchpoint. */
    csv: { metric: string; value: string; low: string; high: string; n: string; fewResponses: string; from: string; to: string; yes: string }
  }
}

/** The metrics' names: acronyms every reader of a CX report knows, the same in every language. */
export const METRIC_NAMES: Record<MetricName, string> = { nps: 'NPS', ces: 'CES', csat: 'CSAT' }

const NEED_STATUSES: readonly NeedStatus[] = ['met', 'partly', 'unmet']
const CSV_COLUMNS = ['phase', 'stage', 'persona', 'touchpoint', 'description', 'channel', 'owner', 'emotion', 'priority', 'annotationKind', 'annotationText', 'needStatus', 'votes', 'evidence', 'impact', 'effort'] as const
const SCALARS = [
  'personas', 'legend', 'emotion', 'emotionCurve', 'annotationKinds', 'needStatusHeading', 'link', 'channel', 'owner', 'priority', 'votes', 'vote', 'created', 'exported', 'summary',
  'painAndTruthByStage', 'notesOnPhasesAndStages', 'unmetNeeds', 'functionalNeeds', 'emotionalNeeds', 'opportunities', 'openComments', 'unplaced', 'unplacedTouchpoints',
  'unplacedAnnotations', 'unplacedComments', 'brokenLinks', 'none', 'continued', 'page', 'evidenceHeading', 'metricsHeading', 'metricsMeaning', 'target', 'scorecard',
  'wholeJourney', 'actionPlan', 'noOwner', 'measure', 'due', 'status', 'addresses', 'promises', 'provenAt', 'unplacedServicePriorities',
  'notYetAddressed', 'notYetAddressedOrder',
] as const satisfies readonly (keyof PrintLabels)[]

const MEASURED = ['title', 'dataSet', 'responses', 'note', 'place', 'smallN', 'curves', 'assumed', 'measured', 'disagreements', 'teamAssumes', 'customersSay', 'quotes', 'quoteOn', 'mapping'] as const
const MEASURED_CSV = ['metric', 'value', 'low', 'high', 'n', 'fewResponses', 'from', 'to', 'yes'] as const

const record = <K extends string>(keys: readonly K[], key: (k: K) => MessageKey, lang: string): Record<K, string> =>
  Object.fromEntries(keys.map((k) => [k, translate(lang, key(k))])) as Record<K, string>

const built = new Map<string, PrintLabels>()

/** Loads the catalog of a map's language, so `printLabels` can answer for it. */
export async function loadPrintLabels(locale: string): Promise<PrintLabels> {
  await loadCatalog(catalogLocale(locale))
  return printLabels(locale)
}

/** Labels for a BCP 47 locale (`nb-NO` → nb); English when the language is not one we print. */
export function printLabels(locale: string): PrintLabels {
  const lang = catalogLocale(locale)
  if (!isCatalogLoaded(lang)) throw new Error(`the ${lang} catalog is not loaded: await loadPrintLabels(locale) before an export`)
  const cached = built.get(lang)
  if (cached) return cached
  const scalars = record(SCALARS, (k) => `print.${k}`, lang)
  const labels: PrintLabels = {
    ...scalars,
    phases: record<Phase>(PHASES, (p) => `phase.${p}`, lang),
    kinds: record<AnnotationKind>(ANNOTATION_KINDS, (k) => `annotationKind.${k}.one`, lang),
    needStatus: record<NeedStatus>(NEED_STATUSES, (n) => `needStatus.${n}`, lang),
    emotionScale: [translate(lang, 'emotion.-2'), translate(lang, 'emotion.-1'), translate(lang, 'emotion.0'), translate(lang, 'emotion.1'), translate(lang, 'emotion.2')],
    evidence: record<Evidence>(EVIDENCE_LEVELS, (e) => `evidence.${e}`, lang),
    evidenceMeaning: record<Evidence>(EVIDENCE_LEVELS, (e) => `print.evidenceMeaning.${e}`, lang),
    metricTarget: record<MetricName>(['nps', 'ces', 'csat'], (m) => `print.metricTarget.${m}`, lang),
    actionStatus: record<ActionStatus>(ACTION_STATUSES, (a) => `actionStatus.${a}`, lang),
    csvColumns: record(CSV_COLUMNS, (c) => `print.csv.${c}`, lang),
    measured: { ...record(MEASURED, (k) => `print.measured.${k}`, lang), csv: record(MEASURED_CSV, (k) => `print.measured.csv.${k}`, lang) },
  }
  built.set(lang, labels)
  languageOf.set(labels, lang)
  return labels
}

const languageOf = new WeakMap<PrintLabels, string>()
const pluralRules = new Map<string, Intl.PluralRules>()

/** "1 vote", "3 votes": the count with the label its language's plural rule asks for. */
export function votesText(labels: PrintLabels, count: number): string {
  const language = languageOf.get(labels) ?? 'en'
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
