/**
 * A map as a Mermaid `journey` diagram, and a Mermaid journey as a new map, so a team can paste
 * its journey into a README or a wiki that renders Mermaid and bring one back.
 *
 * Export: the map title is the diagram title; each stage, in journey order (phase, then stage
 * order), is a section; each touchpoint in it, in lane order and then card order, is a task whose
 * score is its emotion moved onto Mermaid's 1–5 scale (−2..2 → 1..5) and whose actor is the persona
 * of its lane. What Mermaid cannot hold (the map's language, phases, lanes without cards, cards
 * without an emotion) is written as `%%` comment lines that Mermaid skips and the import reads back.
 *
 * Mermaid's journey grammar ends a name at `:`, `#`, `;` and a line break, starts a comment at a
 * leading `%`, and reads a line starting with `title `, `section `, `journey`, `accTitle` or
 * `accDescr` as a keyword. Such characters become look-alikes (`:` → `꞉` U+A789, `#` → `＃`,
 * `;` → `；`, `,` in an actor → `‚` U+201A, a leading `%` → `％`), line breaks become spaces and a
 * keyword-like start gets a zero-width space before it; the import turns them back. Everything else,
 * æøåäö and emoji included, is written as it is.
 *
 * Import: line by line, each error naming its line; nothing is returned unless the whole text is
 * valid, and the result then goes through the same restore → validate as a JSON file
 * (`parseJourneyJson`), so a Mermaid file can never make a map that a JSON file could not.
 */
import {
  createId,
  JSON_FORMAT,
  keysBetween,
  LOCALES,
  MAX_IMPORT_BYTES,
  MAX_RECORDS_PER_COLLECTION,
  MAX_TITLE,
  parseJourneyJson,
  PHASES,
  SCHEMA_VERSION,
  sortedPersonas,
  sortedStages,
  byOrder,
  type ParseResult,
  type Phase,
  type Snapshot,
  type ValidationError,
} from '../model'
import { decodeImportBytes } from './json'

export const MERMAID_MIME = 'text/vnd.mermaid'

/** A card with no emotion scores 3: the middle of Mermaid's scale says neither good nor bad, which is what "not scored" claims. */
export const UNSCORED = 3
const UNSCORED_MARK = '%% unscored: the next task has no emotion on the map; 3 is the neutral middle'
const PHASE_MARK = '%% phase: '
const PERSONA_MARK = '%% persona: '
const LOCALE_MARK = '%% language: '
/** Written for an empty name, which Mermaid's grammar cannot hold; read back as empty. */
const EMPTY = '…'

const ESCAPES: [string, string][] = [
  [':', '\ua789'],
  ['#', '\uff03'],
  [';', '\uff1b'],
]
const ZWSP = '\u200b'
const KEYWORD_START = /^(journey\b|title\s|section\s|acctitle|accdescr)/i

/** Text as one Mermaid name: one line, none of the grammar's own characters. */
function escapeName(text: string, { actor = false } = {}): string {
  let out = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim()
  for (const [from, to] of ESCAPES) out = out.split(from).join(to)
  if (actor) out = out.split(',').join('\u201a')
  if (out.startsWith('%')) out = '\uff05' + out.slice(1)
  if (KEYWORD_START.test(out)) out = ZWSP + out
  return out === '' ? EMPTY : out
}

function unescapeName(text: string, { actor = false } = {}): string {
  let out = text.trim()
  if (out === EMPTY) return ''
  if (out.startsWith(ZWSP)) out = out.slice(1)
  if (out.startsWith('\uff05')) out = '%' + out.slice(1)
  for (const [from, to] of ESCAPES) out = out.split(to).join(from)
  if (actor) out = out.split('\u201a').join(',')
  return out
}

/** −2..2 → 1..5; no emotion → `UNSCORED`. */
export function scoreOf(emotion: number | null): number {
  return emotion === null ? UNSCORED : Math.round(emotion) + 3
}

export function journeyMermaid(snapshot: Snapshot): string {
  const lines = ['journey']
  if (snapshot.meta.title.trim() !== '') lines.push(`  title ${escapeName(snapshot.meta.title)}`)
  // A language tag is letters, digits and hyphens; anything else could start a line of its own.
  if (/^[A-Za-z0-9-]{1,35}$/.test(snapshot.meta.locale)) lines.push(`  ${LOCALE_MARK}${snapshot.meta.locale}`)
  const personas = sortedPersonas(snapshot)
  for (const p of personas) lines.push(`  ${PERSONA_MARK}${escapeName(p.name, { actor: true })}`)
  const touchpoints = Object.values(snapshot.touchpoints)
  let phase: Phase | null = null
  for (const stage of sortedStages(snapshot)) {
    if (stage.phase !== phase) {
      phase = stage.phase
      lines.push(`  ${PHASE_MARK}${phase}`)
    }
    lines.push(`  section ${escapeName(stage.title)}`)
    for (const persona of personas) {
      const cards = touchpoints.filter((t) => t.stageId === stage.id && t.personaId === persona.id).sort(byOrder)
      for (const card of cards) {
        if (card.emotion === null) lines.push(`    ${UNSCORED_MARK}`)
        lines.push(`    ${escapeName(card.title)}: ${scoreOf(card.emotion)}: ${escapeName(persona.name, { actor: true })}`)
      }
    }
  }
  return lines.join('\n') + '\n'
}

export function journeyMermaidBlob(snapshot: Snapshot): Blob {
  return new Blob([journeyMermaid(snapshot)], { type: `${MERMAID_MIME};charset=utf-8` })
}

/** Colours for personas read from a diagram, which has none: the lanes stay apart. */
const LANE_COLORS = ['#4f7cff', '#2fa67a', '#b05cd6', '#e0833a', '#d6455d', '#1f9bb0']

export interface MermaidImportOptions {
  /** The map's language (meta.locale). */
  locale?: string
  /** Name of the persona that holds tasks with no actor. */
  defaultPersonaName?: string
}

interface Line {
  number: number
  text: string
}

/**
 * The journey's lines, with their line numbers in the given text. A Markdown file is read from
 * its first ```mermaid block that holds a journey.
 */
function journeyLines(text: string): Line[] | ValidationError {
  const all = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((t, i) => ({ number: i + 1, text: t }))
  if (!all.some((l) => /^\s*(```|~~~)\s*mermaid\b/i.test(l.text))) return all
  let first: ValidationError | null = null
  for (let i = 0; i < all.length; i++) {
    const open = /^\s*(```|~~~)\s*mermaid\b/i.exec(all[i].text)
    if (!open) continue
    const end = all.findIndex((l, j) => j > i && l.text.trim().startsWith(open[1]))
    const block = all.slice(i + 1, end === -1 ? all.length : end)
    const start = block.find((l) => l.text.trim() !== '' && !l.text.trim().startsWith('%%'))
    if (start && /^journey\s*$/i.test(start.text.trim())) return block
    first ??= { path: `line ${all[i].number}`, message: 'this mermaid block is not a journey' }
    if (end === -1) break
    i = end
  }
  return first ?? { path: 'line 1', message: 'no mermaid block with a journey' }
}

/** Parse a Mermaid journey (or Markdown holding one) into a validated snapshot. Never throws. */
export function parseJourneyMermaid(text: string, options: MermaidImportOptions = {}): ParseResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [{ path: '$', message: `file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }] }
  const lines = journeyLines(text)
  if (!Array.isArray(lines)) return { ok: false, errors: [lines] }
  const errors: ValidationError[] = []
  const err = (line: Line, message: string) => errors.push({ path: `line ${line.number}`, message })

  let title = ''
  let description = ''
  let locale: string | null = null
  const personaNames: string[] = []
  /** Name → lane index: a file of many actors must not cost a scan of every name per task. */
  const personaIndex = new Map<string, number>()
  const addPersona = (name: string) => {
    if (!personaIndex.has(name)) personaIndex.set(name, personaNames.push(name) - 1)
  }
  const stages: { title: string; phase: Phase }[] = []
  const tasks: { title: string; stage: number; actors: string[]; emotion: number | null }[] = []
  let phase: Phase = 'during'
  let started = false
  let unscored = false
  let inAccDescr = false
  let inFrontmatter = false
  const tooLong = (line: Line, what: string, value: string) => value.length > MAX_TITLE && err(line, `${what} is longer than ${MAX_TITLE} characters`)

  for (const line of lines) {
    // Mermaid's grammar reads `#` to the end of a line as a comment; `%%` lines are read below.
    const t = (line.text.trim().startsWith('%%') ? line.text : line.text.replace(/#.*$/, '')).trim()
    if (inFrontmatter) {
      // YAML front matter (`---` … `---` before `journey`): only its title matters to a map.
      if (t === '---') inFrontmatter = false
      else if (/^title\s*:/.test(t)) {
        title = t.replace(/^title\s*:\s*/, '').replace(/^(["'])(.*)\1$/, '$2')
        tooLong(line, 'the title', title)
      }
      continue
    }
    if (!started && t === '---') {
      inFrontmatter = true
      continue
    }
    if (inAccDescr) {
      if (t.includes('}')) inAccDescr = false
      else description += (description ? '\n' : '') + t
      continue
    }
    if (t === '') continue
    if (t.startsWith('%%')) {
      if (t.startsWith(PHASE_MARK)) {
        const p = t.slice(PHASE_MARK.length).trim()
        if ((PHASES as readonly string[]).includes(p)) phase = p as Phase
        else err(line, `a phase is ${PHASES.join(', ')}, not "${p}"`)
      } else if (t.startsWith(PERSONA_MARK)) {
        const name = unescapeName(t.slice(PERSONA_MARK.length), { actor: true })
        tooLong(line, 'a persona name', name)
        addPersona(name)
      } else if (t.startsWith(LOCALE_MARK)) {
        const l = t.slice(LOCALE_MARK.length).trim()
        if ((LOCALES as readonly string[]).includes(l)) locale = l
      } else if (t.startsWith('%% unscored')) unscored = true
      continue
    }
    if (!started) {
      if (!/^journey$/i.test(t)) {
        err(line, "a Mermaid journey starts with the line 'journey'")
        break
      }
      started = true
      continue
    }
    if (/^title\s/i.test(t)) {
      title = unescapeName(t.slice(5))
      tooLong(line, 'the title', title)
    } else if (/^accTitle\s*:/i.test(t)) {
      // The accessible title is for screen readers of the rendered diagram; the map has its own title.
    } else if (/^accDescr\s*:/i.test(t)) {
      description = t.replace(/^accDescr\s*:/i, '').trim()
    } else if (/^accDescr\s*\{/i.test(t)) {
      const rest = t.replace(/^accDescr\s*\{/i, '')
      inAccDescr = !rest.includes('}')
      description = rest.replace(/\}.*$/, '').trim()
    } else if (/^section\s/i.test(t)) {
      const name = t.slice(8)
      if (/[:;]/.test(name)) err(line, "a section name cannot hold ':' or ';'")
      const stageTitle = unescapeName(name)
      tooLong(line, 'a section name', stageTitle)
      stages.push({ title: stageTitle, phase })
    } else if (/^section$/i.test(t)) {
      err(line, "a section needs a name after 'section'")
    } else {
      const colon = t.indexOf(':')
      if (colon === -1) {
        err(line, "expected 'title …', 'section …' or a task 'name: score: actors'")
        continue
      }
      if (t.includes(';')) {
        err(line, "a task cannot hold ';'")
        continue
      }
      const [scoreText = '', actorText = ''] = t.slice(colon + 1).split(':')
      const score = scoreText.trim()
      if (!/^[1-5]$/.test(score)) {
        err(line, "a task needs a score 1–5 after ':'")
        continue
      }
      const name = unescapeName(t.slice(0, colon))
      tooLong(line, 'a task name', name)
      const actors = actorText
        .split(',')
        .map((a) => unescapeName(a, { actor: true }))
        .filter((a) => a !== '')
      for (const a of actors) tooLong(line, 'an actor name', a)
      // Mermaid allows a task before any section; it then belongs to an unnamed one.
      if (stages.length === 0) stages.push({ title: '', phase })
      if (tasks.length >= MAX_RECORDS_PER_COLLECTION) {
        err(line, `a map holds at most ${MAX_RECORDS_PER_COLLECTION} touchpoints`)
        break
      }
      tasks.push({ title: name, stage: stages.length - 1, actors, emotion: unscored ? null : Number(score) - 3 })
      unscored = false
    }
  }
  if (!started && errors.length === 0) errors.push({ path: 'line 1', message: "a Mermaid journey starts with the line 'journey'" })
  if (errors.length) return { ok: false, errors }

  for (const task of tasks) for (const a of task.actors) addPersona(a)
  const defaultName = options.defaultPersonaName ?? 'Customer'
  if (tasks.some((t) => t.actors.length === 0)) {
    if (personaNames.length === 0) addPersona(defaultName)
    for (const t of tasks) if (t.actors.length === 0) t.actors.push(personaNames[0])
  }

  // Stage order keys are per phase, as the map sorts them; personas and cards by one sequence each.
  const personaKeys = personaNames.length ? keysBetween(null, null, personaNames.length) : []
  const personas = personaNames.map((name, i) => ({ id: createId('persona'), name, description: '', color: LANE_COLORS[i % LANE_COLORS.length], order: personaKeys[i] }))
  const stageKeys = stages.length ? keysBetween(null, null, stages.length) : []
  const stageRecords = stages.map((s, i) => ({ id: createId('stage'), phase: s.phase, title: s.title, order: stageKeys[i] }))
  const cards = tasks.flatMap((task) => task.actors.map((actor) => ({ task, actor })))
  const cardKeys = cards.length ? keysBetween(null, null, cards.length) : []
  const touchpoints = cards.map(({ task, actor }, i) => ({
    id: createId('touchpoint'),
    stageId: stageRecords[task.stage].id,
    personaId: personas[personaIndex.get(actor)!].id,
    title: task.title,
    description: '',
    channel: '',
    owner: '',
    emotion: task.emotion,
    priority: null,
    nps: null,
    npsTarget: null,
    ces: null,
    cesTarget: null,
    csat: null,
    csatTarget: null,
    order: cardKeys[i],
  }))
  return parseJourneyJson({
    format: JSON_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    meta: { title: title, description, locale: locale ?? options.locale ?? 'en', createdAt: new Date().toISOString() },
    personas,
    stages: stageRecords,
    touchpoints,
  })
}

/** Read a file the user picked: the same size limit and text decoding as a JSON file. */
export async function readMermaidFile(file: Blob, options: MermaidImportOptions = {}): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, errors: [{ path: '$', message: `file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }] }
  let buffer: ArrayBuffer
  try {
    buffer = await file.arrayBuffer()
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `the file could not be read (${(e as Error).message})` }] }
  }
  const decoded = decodeImportBytes(new Uint8Array(buffer))
  if (!decoded.ok) return { ok: false, errors: [{ path: '$', message: decoded.message }] }
  return parseJourneyMermaid(decoded.text, options)
}
