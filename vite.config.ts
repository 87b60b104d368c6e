import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * The PDF needs only each emoji and its name from emojibase-data's lists (src/io/pdf/emojiNames.ts);
 * the rest (tags, groups, order, shortcodes) would be shipped for nothing, five times the size.
 */
function emojiNamesOnly(): Plugin {
  type Entry = { unicode: string; label: string; skins?: Entry[] }
  const trim = (e: Entry): Entry => ({ unicode: e.unicode, label: e.label, ...(e.skins ? { skins: e.skins.map(trim) } : null) })
  return {
    name: 'emoji-names-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/emojibase-data[\\/][\w-]+[\\/]compact\.json$/.test(id)) return null
      return { code: JSON.stringify((JSON.parse(code) as Entry[]).map(trim)), map: null }
    },
  }
}

/**
 * Writes a brotli and a gzip copy beside every text file of the build, once, at build time, so the
 * server (sirv, server/http/static.ts) sends them compressed without compressing per request.
 * Source maps are left alone: only developer tools fetch them.
 */
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle(error?: Error) {
      // A failed build has nothing to compress (and its own error to report).
      if (error || !fs.existsSync(outDir)) return
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt|webmanifest|ttf)$/.test(file)) continue
        const body = fs.readFileSync(file)
        if (body.length < 1024) continue
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }))
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  plugins: [react(), emojiNamesOnly(), precompress()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // jsPDF and the embedded font are dynamic imports from src/io: they stay out of the initial chunk.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'server/**/*.test.ts'],
    // Timing-sensitive tests run alone afterwards (vitest.solo.config.ts).
    exclude: ['**/node_modules/**', '**/*.solo.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // PostgreSQL and Redis for the scale-out tests (see server/testing/services.ts).
    globalSetup: ['server/testing/globalSetup.ts'],
    projects: [
      { extends: true, test: { name: 'all' } },
      {
        // The relay suite (convergence, roles, limits, durability) once more, on one relay
        // with PostgreSQL storage and Redis fan-out instead of SQLite and the in-process bus.
        // Not `extends`: that would add the root's include patterns to these.
        test: {
          name: 'relay-postgres-redis',
          include: ['server/relay/{relay,limits,workshop,durability,office}.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          globalSetup: ['server/testing/globalSetup.ts'],
          env: { RELAY_TEST_BACKEND: 'postgres+redis' },
          setupFiles: ['server/testing/sharedBackendSetup.ts'],
        },
      },
    ],
  },
})
