/** How a giveaway's state reads in the admin (states from lib/lifecycle.ts giveawayState). */
export const STATE_LABEL: Record<string, string> = {
  draft: "Draft",
  upcoming: "Upcoming",
  open: "Open for entries",
  ended: "Entries closed",
  drawn: "Drawn",
  closed: "Closed",
}

export const STATE_COLOR: Record<string, "grey" | "blue" | "green" | "orange" | "purple" | "red"> = {
  draft: "grey",
  upcoming: "blue",
  open: "green",
  ended: "orange",
  drawn: "purple",
  closed: "grey",
}
