import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { describeMapStoreContract } from './contract'
import { openSqliteStore } from './sqlite'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describeMapStoreContract('SQLite', {
  async freshLocation() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-store-'))
    dirs.push(dir)
    return dir
  },
  async open(dir) {
    return openSqliteStore(dir)
  },
})
