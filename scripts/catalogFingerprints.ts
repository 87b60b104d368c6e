/** Writes src/i18n/catalogs/fingerprints.json from the four catalogs (see src/i18n/fingerprints.ts). */
import { writeFileSync } from 'node:fs'
import { da } from '../src/i18n/catalogs/da'
import { en } from '../src/i18n/catalogs/en'
import { nb } from '../src/i18n/catalogs/nb'
import { sv } from '../src/i18n/catalogs/sv'
import { fingerprintsOf } from '../src/i18n/fingerprints'

const file = new URL('../src/i18n/catalogs/fingerprints.json', import.meta.url)
const all = fingerprintsOf({ en, da, sv, nb })
// One key a line, so two branches adding keys merge without a conflict on the same line.
const lines = Object.entries(all).map(([key, f]) => `  ${JSON.stringify(key)}: ${JSON.stringify(f)}`)
writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`)
console.log(`${lines.length} keys fingerprinted`)
