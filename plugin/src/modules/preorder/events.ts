/** Events the pre-order feature emits (past tense, `<domain>.<verb>ed`). */

/** A plan's items moved to ready at release: `{ plan_id, item_ids }`. */
export const PREORDER_RELEASED_EVENT = "preorder.released"
/** A plan's release date moved: `{ plan_id, old_release_date, new_release_date, delayed, … }`. */
export const PREORDER_RELEASE_DATE_CHANGED_EVENT = "preorder.release_date_changed"
