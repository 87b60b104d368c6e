/**
 * Frozen panes: when the map is panned past its left edge, the persona lanes' names and the
 * emotion curves' labels stay pinned at the left of the screen, at a readable size whatever the
 * zoom; past its top, the phases and stages stay pinned at the top. Like a spreadsheet's frozen
 * rows and columns, so in a two-persona map the room always knows which lane is which.
 *
 * The rails are in screen space and follow the viewport through three CSS variables (`--tx`,
 * `--ty`, `--z`) written straight to the DOM on every viewport change: panning moves a few dozen
 * boxes by style, with no React render. They repeat what the map's own headers say, so they
 * are hidden from assistive technology and let the pointer through to the map.
 */
import { useStoreApi } from '@xyflow/react'
import { memo, useEffect, useRef } from 'react'
import { phaseName } from '../i18n/phaseNames'
import { useT } from '../i18n/useT'
import { GRID, type GridLayout } from '../model'
import { selectMeta, useJourneyStore } from '../store'

export const PinnedHeaders = memo(function PinnedHeaders({ layout }: { layout: GridLayout }) {
  const store = useStoreApi()
  const ref = useRef<HTMLDivElement>(null)
  const locale = useJourneyStore(selectMeta).locale
  const t = useT()

  useEffect(() => {
    const apply = ([x, y, zoom]: [number, number, number]) => {
      const el = ref.current
      if (!el) return
      el.style.setProperty('--tx', `${x}px`)
      el.style.setProperty('--ty', `${y}px`)
      el.style.setProperty('--z', String(zoom))
      // Pinned once half the map's own header column (or header rows) has moved out of sight.
      el.classList.toggle('pin-left', x + GRID.laneHeaderWidth * zoom * 0.5 < 0)
      el.classList.toggle('pin-top', y + (GRID.phaseHeaderHeight + GRID.stageHeaderHeight) * zoom * 0.5 < 0)
    }
    apply(store.getState().transform)
    return store.subscribe((s, prev) => {
      if (s.transform !== prev.transform) apply(s.transform)
    })
  }, [store])

  const amplitude = (GRID.curveHeight - 24) / 4
  return (
    <div ref={ref} className="pinned-headers" aria-hidden="true" data-testid="pinned-headers">
      <div className="pinned-top">
        {layout.phases.map((p) => (
          <div key={p.phase} className={`pinned-phase phase-${p.phase}`} style={{ ['--x' as string]: p.x, ['--w' as string]: p.width }}>
            <span>{phaseName(p.phase, locale)}</span>
          </div>
        ))}
        {layout.columns.map((c) => (
          <div key={c.stage.id} className={`pinned-stage phase-${c.stage.phase}`} style={{ ['--x' as string]: c.x, ['--w' as string]: c.width }}>
            <span>{c.stage.title || t('canvas.untitledStage')}</span>
          </div>
        ))}
      </div>
      <div className="pinned-left">
        {layout.lanes.map((l) => (
          <div key={l.persona.id} className="pinned-lane" data-testid="pinned-lane" style={{ ['--y' as string]: l.y, ['--h' as string]: l.height, ['--lane' as string]: l.persona.color }}>
            <span className="lane-avatar">{(l.persona.name || '?').slice(0, 1).toUpperCase()}</span>
            <span className="pinned-lane-name">{l.persona.name || t('canvas.unnamedPersona')}</span>
          </div>
        ))}
        {layout.blueprintLanes.map((l) => (
          <div key={l.lane} className={`pinned-lane pinned-blueprint blueprint-${l.lane}`} data-testid="pinned-blueprint-lane" style={{ ['--y' as string]: l.y, ['--h' as string]: l.height }}>
            <span className="pinned-lane-name">{t(`blueprint.lane.${l.lane}`)}</span>
          </div>
        ))}
        {layout.curves.map((c) => (
          <div key={c.persona.id} className="pinned-curve" style={{ ['--y' as string]: c.y, ['--h' as string]: c.height, ['--lane' as string]: c.persona.color }}>
            <span className="pinned-curve-name">
              {t('canvas.emotionCurve')}
              <br />
              <strong>{c.persona.name}</strong>
            </span>
            {[2, 1, 0, -1, -2].map((v) => (
              <span key={v} className="pinned-tick" style={{ ['--v' as string]: c.height / 2 - v * amplitude }}>
                {v > 0 ? `+${v}` : v === 0 ? '0' : `−${-v}`}
              </span>
            ))}
          </div>
        ))}
      </div>
      <div className="pinned-corner" />
    </div>
  )
})
