import type { TargetOption } from '../../feedback/targets'
import { useT } from '../../i18n/useT'

/** The choices of a sheet value's target: none, then each stage with its touchpoints indented under it. */
export function TargetOptions({ options }: { options: readonly TargetOption[] }) {
  const t = useT()
  return (
    <>
      <option value="">{t('feedback.notLinked')}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.isStage ? o.label : `\u00a0\u00a0\u00a0${o.label}`}
        </option>
      ))}
    </>
  )
}
