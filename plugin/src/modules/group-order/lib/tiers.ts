/**
 * Tier rules of a group campaign: units reached → percent off. Pure, so the
 * store, the checkout hooks and settlement all agree on which tier applies.
 */
export type Tier = { min_units: number; percent: number }

export type TierProgress = {
  /** 1-based tier reached (0: below the first tier). */
  current_tier: number
  current_percent: number
  next_tier: { tier: number; min_units: number; percent: number } | null
  units_to_next: number | null
}

/** Problems with a tier list, each naming its field (`tiers.1.percent: …`); empty when valid. */
export function tierProblems(tiers: Tier[]): string[] {
  const problems: string[] = []
  if (!tiers.length) return ["tiers: at least one tier is required"]
  tiers.forEach((tier, i) => {
    if (!Number.isInteger(tier.min_units) || tier.min_units < 1) problems.push(`tiers.${i}.min_units: must be a whole number of units, at least 1`)
    if (!(tier.percent > 0 && tier.percent <= 100)) problems.push(`tiers.${i}.percent: must be more than 0 and at most 100`)
    if (i > 0) {
      const previous = tiers[i - 1]
      if (tier.min_units <= previous.min_units) problems.push(`tiers.${i}.min_units: must be more than the previous tier's ${previous.min_units}`)
      if (tier.percent <= previous.percent) problems.push(`tiers.${i}.percent: must be more than the previous tier's ${previous.percent}`)
    }
  })
  return problems
}

/** The tier `units` reach: the last tier whose threshold is met. */
export function tierFor(units: number, tiers: Tier[]): { tier: number; percent: number } {
  let reached = { tier: 0, percent: 0 }
  tiers.forEach((t, i) => {
    if (units >= t.min_units) reached = { tier: i + 1, percent: t.percent }
  })
  return reached
}

/** What a progress bar shows: the tier reached, the next one and the units still needed. */
export function progressOf(units: number, tiers: Tier[]): TierProgress {
  const { tier, percent } = tierFor(units, tiers)
  const next = tiers[tier]
  return {
    current_tier: tier,
    current_percent: percent,
    next_tier: next ? { tier: tier + 1, min_units: next.min_units, percent: next.percent } : null,
    units_to_next: next ? next.min_units - units : null,
  }
}
