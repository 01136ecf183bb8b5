/**
 * A refund is claimed in PostgreSQL (a conditional UPDATE that only one
 * process can win) before the payment provider is called. A claim older than
 * this belongs to a run that died between the claim and recording the refund:
 * the next run may take it over, and finds an already-made refund by its note
 * instead of refunding again. Longer than any provider call and than the
 * workflows' lock TTLs, so a live run is never overtaken.
 * COMEBACK_REFUND_CLAIM_STALE_SECONDS shortens it for the topology test's killed
 * worker, together with COMEBACK_SETTLEMENT_LOCK_TTL (keep it at least as long).
 */
export const REFUND_CLAIM_STALE_SECONDS = Number(process.env.COMEBACK_REFUND_CLAIM_STALE_SECONDS) || 15 * 60

/**
 * The payment's refund whose note matches, read back after Medusa's refund
 * workflow (which answers with the payment as it was before the refund).
 */
export async function findRefundByNote(
  container: { resolve: (key: string) => any },
  paymentId: string,
  matches: (note: string | null | undefined) => boolean
): Promise<{ id: string; amount: unknown } | undefined> {
  const query = container.resolve("query")
  const { data } = await query.graph({ entity: "payment", fields: ["id", "refunds.id", "refunds.note", "refunds.amount"], filters: { id: paymentId } })
  return ((data[0] as any)?.refunds ?? []).find((r: any) => matches(r?.note))
}
