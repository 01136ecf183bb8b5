/** Events the giveaway feature emits (past tense facts, `giveaway.<what happened>`): defined here, imported everywhere. */
export const GIVEAWAY_LIVE_EVENT = "giveaway.live"
export const GIVEAWAY_ENTRIES_EARNED_EVENT = "giveaway.entries_earned"
export const GIVEAWAY_ENTRIES_CLOSED_EVENT = "giveaway.entries_closed"
export const GIVEAWAY_DRAWN_EVENT = "giveaway.drawn"
export const GIVEAWAY_WINNER_DISQUALIFIED_EVENT = "giveaway.winner_disqualified"
