import { useMemo } from 'react'
import { TEMPLATES, type Template } from '../../templates'
import type { RecentMap } from '../../session'
import { formatDateTime } from '../../i18n/format'
import { formatTimeAgo } from '../../i18n/relativeTime'
import { LOCALE_NAMES, uiLocaleOf } from '../../i18n/locales'
import { useT } from '../../i18n/useT'
import './home.css'

/**
 * Recent maps, newest first, each with its role and when it was last opened. Maps that share a
 * title also say when they were made and from what, and end in a short form of their id, so two
 * "Onboarding" maps can be told apart.
 */
export function RecentMaps({ recent, onForget }: { recent: RecentMap[]; onForget(id: string): void }) {
  const t = useT()
  const titleCount = useMemo(() => {
    const counts = new Map<string, number>()
    for (const m of recent) counts.set(m.title.trim().toLocaleLowerCase(), (counts.get(m.title.trim().toLocaleLowerCase()) ?? 0) + 1)
    return counts
  }, [recent])
  return (
    <section className="home-recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('home.recentMaps')}</h2>
      <ul className="recent">
        {recent.map((m) => {
          const title = m.title || t('common.untitledJourney')
          const twin = (titleCount.get(m.title.trim().toLocaleLowerCase()) ?? 0) > 1
          const template = m.template ? TEMPLATES.find((tpl) => tpl.id === m.template) : undefined
          const shortId = m.id.replace(/^(map_|local_)/, '').slice(0, 6)
          return (
            <li key={m.id}>
              <a href={m.local ? `/local/${m.id}` : `/m/${m.id}${m.token ? `#token=${encodeURIComponent(m.token)}` : ''}`} aria-describedby={`recent-${m.id}`}>
                {title}
              </a>
              <span id={`recent-${m.id}`} className="recent-meta">
                <span className={`role-badge role-${m.local ? 'local' : (m.role ?? 'unknown')}`}>{m.local ? t('home.onlyInThisBrowser') : m.role ? t(`role.${m.role}`) : ''}</span>{' '}
                <time dateTime={m.openedAt} title={formatDateTime(m.openedAt, t.locale)}>
                  {t('home.opened', { when: formatTimeAgo(m.openedAt, t.locale) })}
                </time>
                {twin && (
                  <span className="recent-twin">
                    {' · '}
                    {m.createdAt ? t('home.created', { date: formatDateTime(m.createdAt, t.locale) }) : null}
                    {m.createdAt ? ' · ' : null}
                    {template ? t('home.fromTemplateNamed', { title: template.title }) : m.createdAt ? t('home.emptyStart') : null}
                    {template || m.createdAt ? ' · ' : null}
                    <span className="recent-id">#{shortId}</span>
                  </span>
                )}
              </span>
              <button type="button" className="link-button" aria-label={t('home.removeFromList', { title })} onClick={() => onForget(m.id)}>
                {t('common.remove')}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** One scenario (the same journey in several languages): ids like `insurance-claim-da` share `insurance-claim`. */
interface Scenario {
  key: string
  templates: Template[]
}

function scenarios(): Scenario[] {
  const byKey = new Map<string, Template[]>()
  for (const tpl of TEMPLATES) {
    const key = tpl.id.endsWith(`-${tpl.locale}`) ? tpl.id.slice(0, -tpl.locale.length - 1) : tpl.id
    byKey.set(key, [...(byKey.get(key) ?? []), tpl])
  }
  return [...byKey].map(([key, templates]) => ({ key, templates }))
}

/** The templates by scenario: the scenario told in the reader's language when it has one, a button per language. */
export function TemplateGallery({ busy, onPick }: { busy: boolean; onPick(id: string): void }) {
  const t = useT()
  const groups = useMemo(scenarios, [])
  return (
    <section className="home-templates" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('home.fromTemplate')}</h2>
      <ul className="scenarios">
        {groups.map((g) => {
          const shown = g.templates.find((tpl) => tpl.locale === t.locale) ?? g.templates.find((tpl) => tpl.locale === 'en') ?? g.templates[0]!
          return (
            <li key={g.key} className="scenario" lang={shown.locale}>
              <h3>{shown.title}</h3>
              <p className="small">{shown.description}</p>
              <p className="scenario-languages" lang={t.locale}>
                <span className="muted small">{t('home.startIn')}</span>
                {g.templates.map((tpl) => (
                  <button key={tpl.id} type="button" disabled={busy} onClick={() => onPick(tpl.id)} aria-label={`${tpl.title} (${languageName(tpl.locale)})`} lang={tpl.locale}>
                    {languageName(tpl.locale)}
                  </button>
                ))}
              </p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** A template's language, named in itself (the e2e and screen readers find "Dansk" whatever the UI language). */
function languageName(locale: string): string {
  const known = uiLocaleOf(locale)
  return known === 'nb' ? 'Norsk' : known ? LOCALE_NAMES[known] : locale
}
