import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const SECRET_FILE = 'auth-secret'

/**
 * The HMAC key for share tokens: `AUTH_SECRET` when set, otherwise a random key generated on
 * first start and kept in the data directory (mode 0600), so links survive a restart.
 */
export function loadOrCreateSecret(dataDir: string, configured?: string): string {
  if (configured) return configured
  const file = path.join(dataDir, SECRET_FILE)
  try {
    // `wx` fails when the file exists, so two processes starting at once cannot both write one.
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  const secret = fs.readFileSync(file, 'utf8').trim()
  if (secret.length < 32) throw new Error(`${file}: the stored secret is too short; delete the file to generate a new one (this invalidates every share link)`)
  return secret
}
