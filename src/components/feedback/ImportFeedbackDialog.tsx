/**
 * Import customer feedback: a CSV/TSV file or cells pasted from a spreadsheet; say which column
 * is which; link each stage/touchpoint value to the map; see what will be imported, what will be
 * skipped and why, and what must be fixed first (row and column named); then import. The
 * responses go to the relay in one request and are stored whole or not at all; only then does
 * the map get its reference, so a failed upload leaves the map as it was.
 */
import { useMemo, useState } from 'react'
import { addFeedbackSet, type FeedbackTargetId } from '../../commands'
import { dateRange, FEEDBACK_KINDS, type FeedbackKind, type RowProblem } from '../../feedback/responses'
import { COLUMN_ROLES, guessMapping, mapSheet, readSheet, type ColumnMapping, type ColumnRole, type SkipReason } from '../../feedback/sheet'
import { suggestTarget, targetOptions } from '../../feedback/targets'
import { createId } from '../../model'
import { selectSnapshot, useJourneyStore } from '../../store'
import { uploadFeedbackSet } from '../../session/feedbackApi'
import { formatNumber } from '../../i18n/format'
import type { MessageKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { Dialog } from '../Dialog'
import { useMapSession } from '../../session/MapSessionContext'
import { TargetOptions } from './TargetOptions'
import { errorText } from '../../i18n/errorText'

const ROLE_LABEL: Record<ColumnRole, MessageKey> = {
  date: 'feedback.column.date',
  kind: 'feedback.column.kind',
  score: 'feedback.column.score',
  comment: 'feedback.column.comment',
  channel: 'feedback.column.channel',
  target: 'feedback.column.target',
}
const SKIP_LABEL: Record<SkipReason, MessageKey> = {
  blank: 'feedback.skip.blank',
  'no-score': 'feedback.skip.noScore',
  'no-target': 'feedback.skip.noTarget',
  unlinked: 'feedback.skip.unlinked',
}
const KIND_LABEL: Record<FeedbackKind, MessageKey> = { nps: 'metrics.nps', ces: 'metrics.ces', csat: 'metrics.csat' }
const PREVIEW_ROWS = 8
/**
 * A paste larger than this is kept, not shown: laying out 50,000 lines in a text box costs the
 * browser seconds (measured: 2.9 s of a 3.1 s preview), reading them costs a fraction of that.
 */
const SHOWN_TEXT = 100_000
const SKIPPED_SHOWN = 30

/** A problem in the interface's language: "Row 12, column Score: …", the message from the catalogs. */
function useProblemText(): (p: RowProblem) => string {
  const t = useT()
  return (p) => {
    const what = p.code ? t(`feedback.problem.${p.code}` as MessageKey, p.params) : p.message
    return p.column === '*' ? t('feedback.problemAtRow', { row: p.row, what }) : t('feedback.problemAt', { row: p.row, column: p.column, what })
  }
}

export function ImportFeedbackDialog({ onClose, onImported }: { onClose(): void; onImported(setId: string): void }) {
  const t = useT()
  const problemText = useProblemText()
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const access = useJourneyStore((s) => s.feedbackAccess)
  const [text, setText] = useState('')
  const [name, setName] = useState('')
  const [mapping, setMapping] = useState<ColumnMapping | null>(null)
  /** Value → target chosen by the user ('' = not linked); values not here use the suggestion. */
  const [chosen, setChosen] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const sheet = useMemo(() => (text.trim() ? readSheet(text) : null), [text])
  // Memoised, so a render that changes nothing else does not map 50,000 rows again.
  const effectiveMapping = useMemo(() => (sheet?.ok ? (mapping ?? guessMapping(sheet.sheet.headers)) : null), [sheet, mapping])
  const options = useMemo(() => targetOptions(snapshot), [snapshot])

  // Values first, so their links can be decided before rows are judged linked or not.
  const values = useMemo(() => {
    if (!sheet?.ok || !effectiveMapping || effectiveMapping.target === null) return new Map<string, number>()
    const counts = new Map<string, number>()
    for (const row of sheet.sheet.rows) {
      const v = (row[effectiveMapping.target] ?? '').trim()
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    return counts
  }, [sheet, effectiveMapping])
  const links = useMemo(() => {
    const out = new Map<string, string>()
    for (const v of values.keys()) {
      const target = v in chosen ? chosen[v] : suggestTarget(snapshot, v)
      if (target) out.set(v, target)
    }
    return out
  }, [values, chosen, snapshot])
  const mapped = useMemo(() => (sheet?.ok && effectiveMapping ? mapSheet(sheet.sheet, effectiveMapping, (v) => links.has(v)) : null), [sheet, effectiveMapping, links])

  const loadFile = async (file: File) => {
    setText(await file.text())
    setMapping(null)
    setChosen({})
    if (!name) setName(file.name.replace(/\.(csv|tsv|txt)$/i, ''))
  }

  const canImport = !!access && !!mapped && mapped.problems.length === 0 && mapped.responses.length > 0 && !busy
  const submit = async () => {
    if (!canImport || !access || !mapped) return
    setBusy(true)
    setError(null)
    try {
      const id = createId('feedback-set')
      const setName = name.trim() || t('feedback.defaultName', { date: new Date().toISOString().slice(0, 10) })
      const info = await uploadFeedbackSet(access.mapId, access.token, { id, name: setName, responses: mapped.responses })
      const used = new Set(mapped.responses.map((r) => r.target))
      addFeedbackSet(doc, {
        id,
        name: info.name,
        ...dateRange(mapped.responses),
        responses: info.responses,
        createdAt: info.createdAt,
        links: [...links].filter(([v]) => used.has(v)).map(([value, targetId]) => ({ value, targetId: targetId as FeedbackTargetId })),
      })
      onImported(id)
    } catch (e) {
      setError(errorText(t, e))
      setBusy(false)
    }
  }

  const skippedByReason: Partial<Record<SkipReason, { row: number }[]>> = {}
  for (const s of mapped?.skipped ?? []) (skippedByReason[s.reason] ??= []).push(s)
  return (
    <Dialog title={t('feedback.importTitle')} open onClose={onClose} className="feedback-import-dialog">
      {!access && <p role="alert" className="error">{t('feedback.needsServer')}</p>}
      <p className="hint">{t('feedback.importHint')}</p>
      <div className="feedback-source">
        <label className="field">
          <span>{t('feedback.paste')}</span>
          <textarea
            value={text.length > SHOWN_TEXT ? '' : text}
            rows={5}
            spellCheck={false}
            placeholder={text.length > SHOWN_TEXT ? t('feedback.pastedLarge', { size: formatNumber(text.length / 1024 / 1024, t.locale) }) : t('feedback.pastePlaceholder')}
            onChange={(e) => {
              // Typing into a kept large paste replaces it; an empty box keeps it.
              if (e.target.value === '' && text.length > SHOWN_TEXT) return
              setText(e.target.value)
              setMapping(null)
            }}
          />
        </label>
        {text.length > SHOWN_TEXT && (
          <p className="small muted">
            {t('feedback.pastedLarge', { size: formatNumber(text.length / 1024 / 1024, t.locale) })}{' '}
            <button type="button" className="link-button" onClick={() => setText('')}>
              {t('feedback.clearPaste')}
            </button>
          </p>
        )}
        <label className="file-button">
          {t('feedback.chooseFile')}
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" className="visually-hidden" onChange={(e) => e.target.files?.[0] && void loadFile(e.target.files[0])} />
        </label>
        <label className="field">
          <span>{t('feedback.setName')}</span>
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder={t('feedback.setNamePlaceholder')} />
        </label>
      </div>

      {sheet && !sheet.ok && (
        <div role="alert" className="feedback-problems">
          <p>{t('feedback.unreadable')}</p>
          <ul>
            {sheet.problems.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}

      {sheet?.ok && effectiveMapping && (
        <>
          <fieldset className="feedback-mapping">
            <legend>{t.plural('feedback.mapColumns', sheet.sheet.rows.length)}</legend>
            {COLUMN_ROLES.map((role) => (
              <label key={role} className="field">
                <span>{t(ROLE_LABEL[role])}</span>
                <select
                  value={effectiveMapping[role] ?? ''}
                  aria-label={t(ROLE_LABEL[role])}
                  onChange={(e) => setMapping({ ...effectiveMapping, [role]: e.target.value === '' ? null : Number(e.target.value) })}
                >
                  <option value="">{t('feedback.noColumn')}</option>
                  {sheet.sheet.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {effectiveMapping.kind === null && (
              <label className="field">
                <span>{t('feedback.everyRowIs')}</span>
                <select value={effectiveMapping.fixedKind} aria-label={t('feedback.everyRowIs')} onChange={(e) => setMapping({ ...effectiveMapping, fixedKind: e.target.value as FeedbackKind })}>
                  {FEEDBACK_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(KIND_LABEL[k])}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <p className="hint small">{t('feedback.scales')}</p>
          </fieldset>

          {values.size > 0 && (
            <fieldset className="feedback-links">
              <legend>{t('feedback.linkValues')}</legend>
              <table>
                <tbody>
                  {[...values].slice(0, 200).map(([value, count]) => (
                    <tr key={value}>
                      <th scope="row">
                        {value} <span className="muted small">({formatNumber(count, t.locale)})</span>
                      </th>
                      <td>
                        <select value={links.get(value) ?? ''} aria-label={t('feedback.linkValue', { value })} onChange={(e) => setChosen({ ...chosen, [value]: e.target.value })}>
                          <TargetOptions options={options} />
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          )}

          {mapped && (
            <section className="feedback-preview" aria-label={t('feedback.preview')}>
              <h3>{t('feedback.preview')}</h3>
              <p className="feedback-counts" data-testid="feedback-counts">
                {t.plural('feedback.willImport', mapped.responses.length)} · {t.plural('feedback.willSkip', mapped.skipped.length)}
              </p>
              {mapped.problems.length > 0 && (
                <div role="alert" className="feedback-problems">
                  <p>{t('feedback.fixFirst')}</p>
                  <ul>
                    {mapped.problems.map((p, i) => (
                      <li key={i}>{problemText(p)}</li>
                    ))}
                  </ul>
                </div>
              )}
              {mapped.responses.length > 0 && (
                <div className="table-scroll">
                  <table className="feedback-preview-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('feedback.row')}</th>
                        <th scope="col">{t('feedback.column.date')}</th>
                        <th scope="col">{t('feedback.column.kind')}</th>
                        <th scope="col">{t('feedback.column.score')}</th>
                        <th scope="col">{t('feedback.column.target')}</th>
                        <th scope="col">{t('feedback.column.comment')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {mapped.responses.slice(0, PREVIEW_ROWS).map((r, i) => (
                        <tr key={i}>
                          <td>{mapped.rowOf[i]}</td>
                          <td>{r.date}</td>
                          <td>{t(KIND_LABEL[r.kind])}</td>
                          <td>{r.score}</td>
                          <td>{options.find((o) => o.id === links.get(r.target))?.label ?? r.target}</td>
                          <td className="feedback-comment-cell">{r.comment}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {mapped.skipped.length > 0 && (
                <details className="feedback-skipped" open={mapped.responses.length === 0}>
                  <summary>{t('feedback.skippedRows', { count: formatNumber(mapped.skipped.length, t.locale) })}</summary>
                  <ul>
                    {(Object.keys(skippedByReason) as SkipReason[]).map((reason) => {
                      const rows = skippedByReason[reason] ?? []
                      return (
                        <li key={reason}>
                          <strong>{t(SKIP_LABEL[reason])}</strong> ({formatNumber(rows.length, t.locale)}): {t('feedback.rows')} {rows.slice(0, SKIPPED_SHOWN).map((s) => s.row).join(', ')}
                          {rows.length > SKIPPED_SHOWN ? ' …' : ''}
                        </li>
                      )
                    })}
                  </ul>
                </details>
              )}
            </section>
          )}
        </>
      )}

      {error && (
        <p role="alert" className="error">
          {t('feedback.uploadFailed', { message: error })}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!canImport} onClick={() => void submit()}>
          {busy ? t('feedback.importing') : t.plural('feedback.import', mapped?.responses.length ?? 0)}
        </button>
      </div>
    </Dialog>
  )
}
