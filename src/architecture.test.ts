/**
 * The layers of docs/architecture.md, enforced: a production file may import only from its own
 * folder and the folders its layer lists, and a package only where its layer may use it. An
 * upward import (the canvas reaching into components, the model into the store) or a forbidden
 * package (React in the relay, Yjs in a component) fails here with the file and the import named.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

type Layer = 'model' | 'doc' | 'commands' | 'templates' | 'insights' | 'feedback' | 'i18n' | 'store' | 'sync' | 'session' | 'io' | 'registry' | 'fields' | 'canvas' | 'components' | 'app' | 'server'

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
  // The interface's door to the network and the document: the opened map's session, the relay's
  // calls (sync/http.ts decides what an answer means), the map as JSON.
  session: ['model', 'doc', 'store', 'sync'],
  io: ['model', 'doc', 'commands', 'insights', 'feedback', 'i18n'],
  registry: ['model', 'commands', 'i18n', 'store', 'session'],
  // The field primitives the canvas and the inspector share: a text field that keeps a
  // colleague's concurrent edit while you type (the draft state machine and its hook).
  fields: ['model', 'i18n', 'store', 'session'],
  canvas: ['model', 'commands', 'feedback', 'i18n', 'store', 'session', 'registry', 'fields'],
  // Components reach the network and the document only through the store and the session.
  components: ['model', 'commands', 'templates', 'insights', 'feedback', 'i18n', 'store', 'session', 'io', 'registry', 'fields', 'canvas'],
  app: ['model', 'doc', 'commands', 'templates', 'insights', 'feedback', 'i18n', 'store', 'sync', 'session', 'io', 'registry', 'fields', 'canvas', 'components'],
  // The relay loads and migrates documents, creates maps from templates and checks and sums
  // customer feedback as the browser does; it never imports React.
  server: ['model', 'doc', 'commands', 'templates', 'feedback'],
}

/**
 * Packages that belong to some layers only. Yjs and its protocols are the document engine: the
 * UI reaches the document through commands, the store and the session, never Yjs itself. React
 * (and what is built on it) is the browser's interface: the relay and the pure layers that the
 * relay and the tests share never import it.
 */
export const PACKAGES: readonly { name: string; pattern: RegExp; onlyIn?: readonly Layer[]; neverIn?: readonly Layer[] }[] = [
  { name: 'Yjs', pattern: /^(yjs|y-[a-z-]+|lib0)(\/|$)/, onlyIn: ['doc', 'commands', 'sync', 'session', 'server'] },
  { name: 'React', pattern: /^(react|react-dom|@xyflow\/react|zustand)(\/|$)/, neverIn: ['server', 'model', 'doc', 'commands'] },
]

/**
 * Imports that cross the rules, each with why it stays for now. Empty: the last ones (six files
 * naming a Yjs type or building a template on a fresh Y.Doc) name `MapDoc`, `MapUndoManager` and
 * `createMapDoc` from src/doc instead. An entry that no longer matches an import fails the test.
 */
const ALLOWED: Record<string, string> = {}

export function layerOf(file: string): Layer | null {
  const [top, second] = file.split('/')
  if (top === 'server') return 'server'
  if (top !== 'src') return null
  if (second && second in MAY_IMPORT) return second as Layer // a folder, or its index
  if (second && !file.slice(4).includes('/')) return 'app' // src/main.tsx, src/app.css
  return null
}

const isTestCode = (file: string) => /\.test\.tsx?$|^src\/test\/|^server\/testing\//.test(file)

/** Imports of a source text, static and dynamic, relative and of packages. */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1])
}

/** The package an import names (`@xyflow/react/dist/style.css` → `@xyflow/react`), or null for a relative one. */
const packageOf = (spec: string): string | null => (spec.startsWith('.') ? null : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'))

function packageAllowed(layer: Layer, spec: string): boolean {
  return PACKAGES.every((rule) => !rule.pattern.test(spec) || ((!rule.onlyIn || rule.onlyIn.includes(layer)) && !rule.neverIn?.includes(layer)))
}

export function violations(files: { file: string; source: string }[]): string[] {
  const found: string[] = []
  for (const { file, source } of files) {
    const from = layerOf(file)
    if (!from || isTestCode(file)) continue
    for (const spec of importsOf(source)) {
      const pkg = packageOf(spec)
      if (pkg !== null) {
        if (!packageAllowed(from, spec)) found.push(`${file} -> ${pkg}`)
        continue
      }
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

  it('is the table docs/architecture.md shows, every folder in it', () => {
    const rows = readFileSync('docs/architecture.md', 'utf8')
      .split('\n')
      .map((line) => /^\| `(src\/[a-z0-9]+|src\/main\.tsx|server\/)`[^|]*\|[^|]*\| ([^|]+) \|$/.exec(line))
      .filter((m) => m !== null)
    const documented = Object.fromEntries(
      rows.map(([, folder, mayImport]) => [layerOf(folder === 'server/' ? 'server/x.ts' : folder === 'src/main.tsx' ? folder : `${folder}/x.ts`), mayImport === 'nothing of ours' ? [] : mayImport.split(', ')]),
    )
    expect(documented).toEqual(MAY_IMPORT)
  })

  it('catches an upward import', () => {
    expect(
      violations([
        { file: 'src/model/records.ts', source: "import { useJourneyStore } from '../store'" },
        { file: 'src/canvas/JourneyCanvas.tsx', source: "import { useMapSession } from '../components/MapSessionContext'" },
        { file: 'server/app.ts', source: "const m = await import('../src/components/App')" },
        { file: 'src/components/Toolbar.tsx', source: "import { selectMeta } from '../store'" },
        { file: 'src/components/ShareDialog.tsx', source: "import { mintLink } from '../sync'" },
        { file: 'src/components/MapPage.tsx', source: "import { readSnapshot } from '../doc'" },
        { file: 'src/components/HomePage.tsx', source: "import { createMapOnServer } from '../session'" },
      ]),
    ).toEqual([
      'src/model/records.ts -> src/store',
      'src/canvas/JourneyCanvas.tsx -> src/components/MapSessionContext',
      'server/app.ts -> src/components/App',
      'src/components/ShareDialog.tsx -> src/sync',
      'src/components/MapPage.tsx -> src/doc',
    ])
  })

  it('catches a package imported where its layer may not use it', () => {
    expect(
      violations([
        { file: 'server/http/api.ts', source: "import { useState } from 'react'" },
        { file: 'server/relay/render.ts', source: "import { renderToString } from 'react-dom/server'" },
        { file: 'src/components/Inspector.tsx', source: "import * as Y from 'yjs'" },
        { file: 'src/canvas/JourneyCanvas.tsx', source: "import type { Awareness } from 'y-protocols/awareness'" },
        { file: 'src/model/records.ts', source: "const y = await import('yjs')" },
        { file: 'src/doc/snapshot.ts', source: "import { create } from 'zustand'" },
        // Allowed: Yjs in the document layer and the relay, React in the interface.
        { file: 'src/doc/load.ts', source: "import * as Y from 'yjs'" },
        { file: 'server/relay/protocol.ts', source: "import * as encoding from 'lib0/encoding'" },
        { file: 'src/components/Toolbar.tsx', source: "import { memo } from 'react'" },
        { file: 'src/canvas/JourneyCanvas.tsx', source: "import '@xyflow/react/dist/style.css'" },
      ]),
    ).toEqual([
      'server/http/api.ts -> react',
      'server/relay/render.ts -> react-dom',
      'src/components/Inspector.tsx -> yjs',
      'src/canvas/JourneyCanvas.tsx -> y-protocols',
      'src/model/records.ts -> yjs',
      'src/doc/snapshot.ts -> zustand',
    ])
  })
})
