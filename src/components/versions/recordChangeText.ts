/**
 * One line per record that changed between a version and now, in the reader's language: what the
 * record is (its kind and name) and each field as it was → as it is.
 */
import type { FieldChange, RecordChange } from '../../model'
import { ANNOTATION_KINDS, EVIDENCE_LEVELS, NEED_STATUSES, type AnnotationKind } from '../../model'
import { formatNumber, formatSignedNumber } from '../../i18n/format'
import type { MessageKey, Translator } from '../../i18n/translate'

const FIELD_KEYS = new Set([
  'emotion', 'status', 'text', 'kind', 'evidence', 'votes', 'resolved', 'owner', 'channel', 'description', 'priority', 'label', 'title', 'impact', 'effort', 'dueDate',
  'measure', 'target', 'addresses', 'npsTarget', 'cesTarget', 'csatTarget',
])
const METRICS: Record<string, string> = { nps: 'NPS', ces: 'CES', csat: 'CSAT' }

/** The record's own words: its title, text, name, label or value, cut to a readable length. */
function nameOf(record: unknown): string {
  const r = record as Record<string, unknown>
  for (const f of ['title', 'text', 'name', 'label', 'value', 'statement']) if (typeof r[f] === 'string' && r[f] !== '') return cut(r[f] as string, 48)
  return '—'
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

function kindOf(change: RecordChange, t: Translator): string {
  if (change.collection === 'annotations') {
    const record = (change.kind === 'removed' ? change.then : change.now) as { kind: AnnotationKind }
    return ANNOTATION_KINDS.includes(record.kind) ? t(`annotationKind.${record.kind}.one`) : ''
  }
  if (change.collection === 'personas' || change.collection === 'stages') return ''
  return t(`versions.collection.${change.collection}` as MessageKey)
}

function fieldName(field: string, t: Translator): string {
  if (METRICS[field]) return METRICS[field]
  return FIELD_KEYS.has(field) ? t(`versions.field.${field}` as MessageKey) : field
}

function valueText(field: string, v: unknown, t: Translator): string {
  if (v === null || v === undefined || v === '') return '–'
  if (field === 'emotion' && typeof v === 'number') return formatSignedNumber(v, t.locale)
  if (field === 'status' && NEED_STATUSES.includes(v as never)) return t(`needStatus.${v as (typeof NEED_STATUSES)[number]}`)
  if (field === 'evidence' && EVIDENCE_LEVELS.includes(v as never)) return t(`evidence.${v as (typeof EVIDENCE_LEVELS)[number]}`)
  if (field === 'kind' && ANNOTATION_KINDS.includes(v as never)) return t(`annotationKind.${v as AnnotationKind}.one`)
  if (field === 'votes' && typeof v === 'object') return formatNumber(Object.values(v as Record<string, number>).reduce((s, n) => s + n, 0), t.locale)
  if (Array.isArray(v)) return formatNumber(v.length, t.locale)
  if (typeof v === 'boolean') return v ? '✓' : '✗'
  if (typeof v === 'number') return formatNumber(v, t.locale)
  return `“${cut(String(v), 40)}”`
}

export function fieldChangeText(f: FieldChange, t: Translator): string {
  return `${fieldName(f.field, t)} ${valueText(f.field, f.then, t)} → ${valueText(f.field, f.now, t)}`
}

export function recordChangeText(change: RecordChange, t: Translator): string {
  const kind = kindOf(change, t)
  const label = `${kind ? `${kind} ` : ''}“${nameOf(change.kind === 'removed' ? change.then : change.now)}”`
  if (change.kind === 'added') return `+ ${label}`
  if (change.kind === 'removed') return `− ${label}`
  return `${label}: ${change.fields.map((f) => fieldChangeText(f, t)).join('; ')}`
}
