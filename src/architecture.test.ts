/**
 * The layers of docs/architecture.md, enforced: a production file may import only from its own
 * folder and the folders its layer lists. An upward import (the canvas reaching into components,
 * the model into the store) fails here with the file and the import named.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

type Layer = 'model' | 'doc' | 'commands' | 'templates' | 'insights' | 'feedback' | 'i18n' | 'store' | 'sync' | 'session' | 'io' | 'registry' | 'canvas' | 'components' | 'app' | 'server'

/** Which layers each layer may import (besides itself). Lower layers never import higher ones. */
export const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  model: [],
  doc: ['model'],
  commands: ['model', 'doc'],
  templates: ['model', 'doc', 'commands'],
  insights: ['model'],
  // Customer feedback: reading sheets and computing metrics, pure like insights.
  feedback: ['model', 'doc', 'commands'],
  i18n: ['model'],
  store: ['model', 'doc', 'i18n', 'feedback'],
  sync: ['model', 'doc', 'store', 'feedback'],
  session: ['sync'],
  io: ['model', 'doc', 'commands', 'insights', 'feedback', 'i18n'],
  registry: ['model', 'commands', 'i18n', 'store', 'session'],
  canvas: ['model', 'commands', 'feedback', 'i18n', 'store', 'session', 'registry'],
  components: ['model', 'doc', 'commands', 'templates', 'insights', 'feedback', 'i18n', 'store', 'sync', 'session', 'io', 'registry', 'canvas'],
  app: ['model', 'doc', 'commands', 'templates', 'insights', 'feedback', 'i18n', 'store', 'sync', 'session', 'io', 'registry', 'canvas', 'components'],
  // The relay loads and migrates documents, creates maps from templates and checks and sums
  // customer feedback as the browser does; it never imports React.
  server: ['model', 'doc', 'commands', 'templates', 'feedback'],
}

/**
 * Imports that cross the rules today, each with why it stays for now. An entry that no longer
 * matches an import fails the test, so the list only shrinks.
 */
const ALLOWED: Record<string, string> = {
  'src/canvas/nodes/TouchpointCard.tsx -> src/components/fields': 'the field primitives the inspector and the card title share; they move to a folder of their own once the branches that add fields have merged',
  'src/canvas/nodes/TouchpointCard.tsx -> src/components/useSharedDraft': 'the same: the draft that keeps a colleague’s edit while you type, shared by card and inspector',
  'src/i18n/useT.ts -> src/store': 'the hook that reads the reader’s language from the store; every component imports it from here',
}

export function layerOf(file: string): Layer | null {
  const [top, second] = file.split('/')
  if (top === 'server') return 'server'
  if (top !== 'src') return null
  if (second && second in MAY_IMPORT) return second as Layer // a folder, or its index
  if (second && !file.slice(4).includes('/')) return 'app' // src/main.tsx, src/app.css
  return null
}

const isTestCode = (file: string) => /\.test\.tsx?$|^src\/test\/|^server\/testing\/|\.fixture\.ts$/.test(file)

/** Relative imports of a source text, static and dynamic. */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.[^'"]+)['"]/g)].map((m) => m[1])
}

export function violations(files: { file: string; source: string }[]): string[] {
  const found: string[] = []
  for (const { file, source } of files) {
    const from = layerOf(file)
    if (!from || isTestCode(file)) continue
    for (const spec of importsOf(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.(tsx?|css)$/, '')
      const to = layerOf(target)
      if (!to || to === from || MAY_IMPORT[from].includes(to)) continue
      found.push(`${file} -> ${target}`)
    }
  }
  return found
}

describe('layers', () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'server'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f))
    .map((file) => ({ file, source: readFileSync(file, 'utf8') }))

  it('has no import upward across the layers, beyond the listed exceptions', () => {
    expect(violations(files).filter((v) => !(v in ALLOWED))).toEqual([])
  })

  it('lists only exceptions that still exist', () => {
    const found = new Set(violations(files))
    expect(Object.keys(ALLOWED).filter((v) => !found.has(v))).toEqual([])
  })

  it('knows the layer of every production folder', () => {
    expect(files.filter(({ file }) => !isTestCode(file) && file.startsWith('src/') && layerOf(file) === null).map(({ file }) => file)).toEqual([])
  })

  it('catches an upward import', () => {
    expect(
      violations([
        { file: 'src/model/records.ts', source: "import { useJourneyStore } from '../store'" },
        { file: 'src/canvas/JourneyCanvas.tsx', source: "import { useMapSession } from '../components/MapSessionContext'" },
        { file: 'server/app.ts', source: "const m = await import('../src/components/App')" },
        { file: 'src/components/Toolbar.tsx', source: "import { selectMeta } from '../store'" },
      ]),
    ).toEqual(['src/model/records.ts -> src/store', 'src/canvas/JourneyCanvas.tsx -> src/components/MapSessionContext', 'server/app.ts -> src/components/App'])
  })
})
