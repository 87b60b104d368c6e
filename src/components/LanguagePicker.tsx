import { LOCALE_NAMES, UI_LOCALES, type UiLocale } from '../i18n/locales'
import { useT } from '../i18n/useT'
import { selectSetUiLocale, selectUiLocale, useJourneyStore } from '../store'

/**
 * The interface language, for this participant only (colleagues keep theirs). Each option names
 * its language in itself and carries its `lang`, so a reader finds theirs and a screen reader says it right.
 */
export function LanguagePicker() {
  const t = useT()
  const locale = useJourneyStore(selectUiLocale)
  const setUiLocale = useJourneyStore(selectSetUiLocale)
  return (
    <span className="language-picker">
      <span aria-hidden="true" className="language-icon">
        🌐
      </span>
      {/* Named on the select itself: a wrapping label would add the chosen option to the name. */}
      <select aria-label={t('language.label')} value={locale} onChange={(e) => setUiLocale(e.target.value as UiLocale)}>
        {UI_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  )
}
