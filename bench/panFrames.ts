import type { Page } from '@playwright/test'

/**
 * Drag the canvas around its centre for three seconds with the mouse and count the frames the page
 * painted meanwhile: frames per second and the median and 95th-percentile frame times. One measure for every
 * benchmark that pans, so their figures compare.
 */
export async function panFrames(page: Page, centre: { x: number; y: number }, reach = { x: 400, y: 250 }): Promise<{ fps: number; p50: number; p95: number }> {
  // A string, not a function: the TypeScript runner would wrap a named inner function in a
  // helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = []
    window.__stop = false
    const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick) }
    requestAnimationFrame(tick)
  })()`)
  await page.mouse.move(centre.x, centre.y)
  await page.mouse.down()
  const started = Date.now()
  let k = 0
  while (Date.now() - started < 3000) {
    k++
    await page.mouse.move(centre.x + Math.sin(k / 10) * reach.x, centre.y + Math.cos(k / 13) * reach.y)
  }
  await page.mouse.up()
  const frames = (await page.evaluate('(() => { window.__stop = true; return window.__frames })()')) as number[]
  const deltas = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b)
  return { fps: (frames.length - 1) / ((frames[frames.length - 1] - frames[0]) / 1000), p50: deltas[Math.floor(deltas.length / 2)], p95: deltas[Math.floor(deltas.length * 0.95)] }
}
