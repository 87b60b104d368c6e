/**
 * A PNG of exactly what the canvas shows now: the React Flow element rasterised by html-to-image,
 * without the on-screen instruments (minimap, zoom controls, attribution) that mean nothing in a
 * picture. Anything else the UI wants left out can carry `data-export-exclude`.
 */
const INSTRUMENTS = ['react-flow__minimap', 'react-flow__controls', 'react-flow__attribution']

export function isCanvasInstrument(node: Node): boolean {
  if (!(node instanceof Element)) return false
  return INSTRUMENTS.some((c) => node.classList.contains(c)) || node.hasAttribute('data-export-exclude')
}

export async function currentViewPng(flowElement: HTMLElement): Promise<Blob> {
  const { toBlob } = await import('html-to-image')
  const background = getComputedStyle(flowElement).backgroundColor
  const blob = await toBlob(flowElement, {
    filter: (node) => !isCanvasInstrument(node),
    // A transparent background turns black in some viewers; use what the user sees.
    backgroundColor: background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
    pixelRatio: Math.min(2, window.devicePixelRatio || 1),
  })
  if (!blob) throw new Error('the browser could not encode the picture')
  return blob
}
