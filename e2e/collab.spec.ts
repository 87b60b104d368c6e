import { expect, test, type Page } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

async function shareLinks(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click()
  const editor = page.getByRole('textbox', { name: 'Editor link' })
  const viewer = page.getByRole('textbox', { name: 'Viewer link' })
  await expect(editor).toHaveValue(/#token=/)
  await expect(viewer).toHaveValue(/#token=/)
  const links = { editor: await editor.inputValue(), viewer: await viewer.inputValue() }
  await page.getByRole('button', { name: 'Close' }).click()
  return links
}

test('two participants edit one map live, see each other, and a viewer cannot edit', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  const links = await shareLinks(page)

  const editor = await openAs(browser, links.editor, 'Erik Ædel', '#b05cd6')
  await expect(editor.getByTestId('connection')).toHaveText('Connected')

  // An edit in one appears in the other.
  await addCardInFirstCell(page, 'Ringer sentralbordet ☎️ – ø')
  await expect(card(editor, 'Ringer sentralbordet ☎️ – ø')).toBeVisible()
  await addCardInFirstCell(editor, 'Får time om 10 dager – å')
  await expect(card(page, 'Får time om 10 dager – å')).toBeVisible()

  // Presence: avatars, cursors and selection outlines.
  await expect(editor.getByRole('list', { name: 'People in this map' }).getByRole('listitem', { name: 'Frida Fasilitator' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'People in this map' }).getByRole('listitem', { name: 'Erik Ædel' })).toBeVisible()
  const pane = await page.locator('.react-flow__pane').boundingBox()
  await page.mouse.move(pane!.x + 300, pane!.y + 200)
  await page.mouse.move(pane!.x + 320, pane!.y + 220, { steps: 5 })
  await expect(editor.getByLabel("Frida Fasilitator's cursor")).toBeVisible()
  await card(page, 'Får time om 10 dager – å').click()
  await expect(card(editor, 'Får time om 10 dager – å').locator('.tp-peer-tag')).toHaveText('Frida Fasilitator')
  await editor.screenshot({ path: `${SHOTS}/collab-editor-sees-facilitator.png` })

  // A viewer link is read-only, in the interface and at the relay.
  const viewer = await openAs(browser, links.viewer, 'Vera Viewer', '#d9a400')
  await expect(viewer.getByText(/View only/)).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Add stage' })).toHaveCount(0)
  await expect(card(viewer, 'Får time om 10 dager – å')).toBeVisible()
  await card(viewer, 'Får time om 10 dager – å').click()
  await expect(viewer.getByLabel('Title', { exact: true })).toBeDisabled()
  await viewer.keyboard.press('Delete')
  await expect(card(viewer, 'Får time om 10 dager – å')).toBeVisible()
  await expect(card(page, 'Får time om 10 dager – å')).toBeVisible()
  await viewer.screenshot({ path: `${SHOTS}/collab-viewer.png` })
  await viewer.context().close()

  // Offline: the editor keeps working, sees its unsynced changes, and merges on reconnect.
  await editor.context().setOffline(true)
  await expect(editor.getByTestId('connection')).toContainText('Offline')
  await card(editor, 'Ringer sentralbordet ☎️ – ø').click()
  const title = editor.getByLabel('Title', { exact: true })
  await title.fill('Ringer sentralbordet – offline endret æøå')
  await title.press('Enter')
  await expect(editor.getByTestId('connection')).toHaveText(/Offline · 1 unsynced change/)
  await addCardInFirstCell(page, 'Lagt til mens Erik var borte')
  await editor.context().setOffline(false)
  await expect(editor.getByTestId('connection')).toHaveText('Connected', { timeout: 20_000 })
  await expect(card(page, 'Ringer sentralbordet – offline endret æøå')).toBeVisible()
  await expect(card(editor, 'Lagt til mens Erik var borte')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/collab-merged.png` })
})
