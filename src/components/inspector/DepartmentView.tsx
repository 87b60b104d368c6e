/**
 * The department view: pick a department (every owner on the map) and the canvas shows what it
 * owns — its touchpoints and blueprint items, with the pain points on them — while everything
 * else is dimmed; its actions are listed here. Each department's count of unmet needs and pain
 * points is in the picker, so the room sees where the work is before choosing. A session setting:
 * each participant may look at their own department. It sits with the map's own fields in the
 * inspector: on the canvas it covered the frozen stage headers.
 */
import { memo, useDeferredValue, useMemo } from 'react'
import { departmentKey, listDepartments } from '../../model'
import { useT } from '../../i18n/useT'
import { selectSnapshot, useJourneyStore, type JourneyState } from '../../store'

const selectDepartment = (s: JourneyState) => s.department
const selectSetDepartment = (s: JourneyState) => s.setDepartment

export const DepartmentView = memo(function DepartmentView() {
  const deferredSnapshot = useDeferredValue(useJourneyStore(selectSnapshot))
  const department = useJourneyStore(selectDepartment)
  const setDepartment = useJourneyStore(selectSetDepartment)
  const t = useT()
  // A pass over every record: on a large map it waits until the cards are on screen (a deferred render).
  const departments = useMemo(() => listDepartments(deferredSnapshot), [deferredSnapshot])
  if (departments.length === 0) return null
  const chosen = departments.find((d) => departmentKey(d.name) === department)
  return (
    <div className="department-panel">
      <label className="department-picker">
        <span>{t('department.view')}</span>
        <select value={chosen ? department! : ''} onChange={(e) => setDepartment(e.target.value || null)}>
          <option value="">{t('department.all')}</option>
          {departments.map((d) => (
            <option key={d.name} value={departmentKey(d.name)}>
              {t('department.option', { name: d.name, unmet: d.unmetNeeds.length, pain: d.painPoints.length })}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <section className="department-summary" aria-label={t('department.summary', { name: chosen.name })} data-testid="department-summary">
          <p className="small">
            {t('department.counts', { touchpoints: chosen.touchpoints.length, items: chosen.blueprintItems.length, unmet: chosen.unmetNeeds.length, pain: chosen.painPoints.length })}
          </p>
          {chosen.actions.length > 0 && (
            <>
              <h3>{t('department.actions')}</h3>
              <ul>
                {chosen.actions.map((a) => (
                  <li key={a.id}>{a.title}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  )
})
