/** The participant's name and colour: asked once, remembered in this browser. */
const KEY = 'journey:identity'
const COLORS = ['#e8663d', '#2fa67a', '#4f7cff', '#b05cd6', '#d9a400', '#d4487a', '#3aa6c4', '#7a8a2e']

export interface Identity {
  name: string
  color: string
  /**
   * Stable per browser: the voter id on maps kept in this browser. On the relay's maps the voter
   * id is the participant id the relay issues (see participant.ts).
   */
  id: string
}

export function loadIdentity(): Identity | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    if (raw && typeof raw.name === 'string' && raw.name.trim() && typeof raw.color === 'string') {
      if (typeof raw.id !== 'string' || !raw.id) {
        raw.id = newParticipantId()
        localStorage.setItem(KEY, JSON.stringify(raw))
      }
      return raw
    }
  } catch {
    // a corrupt entry is treated as no identity: we ask again
  }
  return null
}

export function saveIdentity(name: string, color = randomColor()): Identity {
  const identity = { name: name.trim().slice(0, 60), color, id: loadIdentity()?.id ?? newParticipantId() }
  localStorage.setItem(KEY, JSON.stringify(identity))
  return identity
}

export function randomColor(): string {
  return COLORS[Math.floor(Math.random() * COLORS.length)]
}

function newParticipantId(): string {
  const bytes = new Uint8Array(9)
  crypto.getRandomValues(bytes)
  return 'p_' + [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('')
}
