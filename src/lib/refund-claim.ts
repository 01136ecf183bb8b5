/**
 * A refund is claimed in PostgreSQL (a conditional UPDATE that only one
 * process can win) before the payment provider is called. A claim older than
 * this belongs to a run that died between the claim and recording the refund:
 * the next run may take it over, and finds an already-made refund by its note
 * instead of refunding again. Longer than any provider call and than the
 * workflows' lock TTLs, so a live run is never overtaken.
 */
export const REFUND_CLAIM_STALE_SECONDS = 15 * 60
