/** The side panel: one inspector per kind of selection, chosen by `Inspector`. */
export { Inspector } from './Inspector'
