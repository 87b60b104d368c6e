/**
 * A PNG of exactly what the canvas shows now: the React Flow element rasterised by html-to-image,
 * without the on-screen instruments (minimap, zoom controls, attribution) that mean nothing in a
 * picture, and without presence: colleagues' cursors, the cards they drag, their name tags and
 * the outlines of what anyone has selected belong to the moment, not to the map. Anything else
 * the UI wants left out can carry `data-export-exclude`.
 */
const INSTRUMENTS = ['react-flow__minimap', 'react-flow__controls', 'react-flow__attribution', 'peer-cursor', 'drag-ghost', 'tp-peer-tag']
/** Set on the canvas while it is captured: canvas.css draws no selection or peer outline under it. */
export const EXPORTING_CLASS = 'is-exporting'

export function isCanvasInstrument(node: Node): boolean {
  if (!(node instanceof Element)) return false
  return INSTRUMENTS.some((c) => node.classList.contains(c)) || node.hasAttribute('data-export-exclude')
}

export async function currentViewPng(flowElement: HTMLElement): Promise<Blob> {
  const { toBlob } = await import('html-to-image')
  const background = getComputedStyle(flowElement).backgroundColor
  flowElement.classList.add(EXPORTING_CLASS)
  const restore = inlineSvgPaint(flowElement)
  try {
    const blob = await toBlob(flowElement, {
      filter: (node) => !isCanvasInstrument(node),
      // A transparent background turns black in some viewers; use what the user sees.
      backgroundColor: background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
      pixelRatio: Math.min(2, window.devicePixelRatio || 1),
    })
    if (!blob) throw new Error('the browser could not encode the picture')
    return blob
  } finally {
    restore()
    flowElement.classList.remove(EXPORTING_CLASS)
  }
}

const SVG_PAINT = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity'] as const

/**
 * html-to-image copies computed styles of HTML elements, but SVG shapes styled by stylesheet rules
 * (React Flow's edges and edge-label backgrounds, the canvas's own SVG) lose their paint and come
 * out black or invisible (html-to-image issue #516, xyflow/web#759). Write each shape's computed
 * paint inline for the capture and put the original `style` attributes back afterwards.
 */
function inlineSvgPaint(root: HTMLElement): () => void {
  const saved: [SVGElement, string | null][] = []
  for (const el of root.querySelectorAll<SVGElement>('svg rect, svg path, svg circle, svg ellipse, svg line, svg polyline, svg polygon, svg text')) {
    saved.push([el, el.getAttribute('style')])
    const computed = getComputedStyle(el)
    for (const property of SVG_PAINT) el.style.setProperty(property, computed.getPropertyValue(property))
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style')
      else el.setAttribute('style', style)
    }
  }
}
