/**
 * Events the giveaway feature emits (past tense, `<domain>.<verb>ed`). Still
 * defined in ./types.ts (owned by the module-service refactor); import them from here.
 */
export {
  GIVEAWAY_DRAWN_EVENT,
  GIVEAWAY_ENTRIES_CLOSED_EVENT,
  GIVEAWAY_ENTRIES_EARNED_EVENT,
  GIVEAWAY_LIVE_EVENT,
  GIVEAWAY_WINNER_DISQUALIFIED_EVENT,
} from "./types"
