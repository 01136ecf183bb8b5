/** The note on a pre-order cancellation's refund; it names the item, so a refund already made is found again. */
export const preorderRefundNote = (itemId: string, reason: string) => `Pre-order ${itemId} cancelled: ${reason}`

export const isPreorderRefundNote = (note: string | null | undefined, itemId: string) =>
  !!note && note.startsWith(`Pre-order ${itemId} cancelled:`)
