import { Fragment, type ReactNode } from 'react'

/**
 * A translated message with elements in its placeholders (`Press {key} to add`, key = <kbd>N</kbd>),
 * so translators move the element within the sentence instead of the code splitting it in English order.
 * Call `t(key)` without those parameters: translate leaves unknown placeholders as they are.
 */
export function richMessage(message: string, elements: Record<string, ReactNode>): ReactNode {
  const parts = message.split(/\{(\w+)\}/)
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? (elements[part] ?? `{${part}}`) : part}</Fragment>)
}
