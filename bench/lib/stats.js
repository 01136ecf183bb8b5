// Statistics of the drop-day benchmark (CommonJS so the runner and jest share it).

/** The q-quantile (0..1) of numbers, nearest-rank on the sorted values; null when empty. */
function quantile(values, q) {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil(q * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

/** count, p50, p99, max (and min) of latencies in ms, rounded to the ms. */
function summarize(values) {
  const round = (v) => (v === null ? null : Math.round(v))
  return {
    count: values.length,
    p50: round(quantile(values, 0.5)),
    p99: round(quantile(values, 0.99)),
    max: values.length ? round(Math.max(...values)) : null,
    min: values.length ? round(Math.min(...values)) : null,
  }
}

/**
 * Splits the answers of a burst of completions into winners (an order) and
 * losers (anything else), with the losers counted by status and by message.
 * @param {{ ms: number, status: number | string, order_id?: string | null, message?: string | null, sent_at?: number }[]} results
 */
function splitOutcomes(results) {
  const winners = results.filter((r) => r.order_id)
  const losers = results.filter((r) => !r.order_id)
  const byStatus = {}
  const byMessage = {}
  for (const r of losers) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
    const message = `${r.status}: ${String(r.message ?? "").slice(0, 120)}`
    byMessage[message] = (byMessage[message] ?? 0) + 1
  }
  return {
    buyers: results.length,
    orders: winners.length,
    winners: summarize(winners.map((r) => r.ms)),
    losers: summarize(losers.map((r) => r.ms)),
    all: summarize(results.map((r) => r.ms)),
    errors_by_status: byStatus,
    errors_5xx: losers.filter((r) => typeof r.status === "number" && r.status >= 500).length,
    messages: byMessage,
  }
}

/** Comeback ÷ plain, two decimals; null when either side is missing or zero. */
function ratio(comeback, plain) {
  if (comeback === null || comeback === undefined || !plain) return null
  return Math.round((comeback / plain) * 100) / 100
}

module.exports = { quantile, summarize, splitOutcomes, ratio }
