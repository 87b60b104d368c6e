/** Placeholder until the export menu is mounted. */
export function ExportMenuSlot() {
  return null
}
