// The chart of docs/benchmarks.md: when each buyer of the race and of the burst
// heard back (cumulative share of winners and of losers over time), plain
// Medusa beside Comeback. Drawn as SVG, rendered to PNG by headless Chromium.
import fs from "node:fs"

const COLORS = { plain: "#6b7280", comeback: "#e8590c", comeback_stock: "#1c7ed6" }
const W = 620
const H = 400
const M = { left: 58, right: 20, top: 46, bottom: 92 }

function niceMax(ms) {
  const s = ms / 1000
  for (const step of [0.5, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300]) if (s <= step) return step
  return Math.ceil(s / 60) * 60
}

function panel({ title, x0, series }) {
  const all = series.flatMap((s) => s.values)
  const maxS = niceMax(Math.max(1, ...all))
  const pw = W - M.left - M.right
  const ph = H - M.top - M.bottom
  const X = (ms) => M.left + (ms / 1000 / maxS) * pw
  const Y = (f) => M.top + (1 - f) * ph
  const parts = [`<g transform="translate(${x0},0)">`]
  parts.push(`<text x="${M.left}" y="24" font-size="15" font-weight="600">${title}</text>`)
  for (let i = 0; i <= 5; i++) {
    const f = i / 5
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${Y(f)}" y2="${Y(f)}" stroke="#e5e7eb"/>`)
    parts.push(`<text x="${M.left - 8}" y="${Y(f) + 4}" font-size="11" text-anchor="end" fill="#6b7280">${Math.round(f * 100)}%</text>`)
  }
  for (let i = 0; i <= 5; i++) {
    const s = (maxS * i) / 5
    parts.push(`<line x1="${X(s * 1000)}" x2="${X(s * 1000)}" y1="${M.top}" y2="${M.top + ph}" stroke="#f3f4f6"/>`)
    parts.push(`<text x="${X(s * 1000)}" y="${M.top + ph + 16}" font-size="11" text-anchor="middle" fill="#6b7280">${+s.toFixed(1)} s</text>`)
  }
  parts.push(`<text x="${M.left + pw / 2}" y="${M.top + ph + 34}" font-size="12" text-anchor="middle" fill="#374151">time from the opening second until the buyer's answer</text>`)
  parts.push(`<text transform="translate(14,${M.top + ph / 2}) rotate(-90)" font-size="12" text-anchor="middle" fill="#374151">share of the group answered</text>`)
  for (const s of series) {
    if (!s.values.length) continue
    const sorted = [...s.values].sort((a, b) => a - b)
    let d = `M ${X(0)} ${Y(0)}`
    sorted.forEach((v, i) => {
      d += ` L ${X(v).toFixed(1)} ${Y(i / sorted.length).toFixed(1)} L ${X(v).toFixed(1)} ${Y((i + 1) / sorted.length).toFixed(1)}`
    })
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.2" ${s.dashed ? 'stroke-dasharray="6 4"' : ""}/>`)
  }
  series.forEach((s, i) => {
    const y = M.top + ph + 52 + Math.floor(i / 2) * 16
    const x = M.left + (i % 2) * 270
    parts.push(`<line x1="${x}" x2="${x + 26}" y1="${y - 4}" y2="${y - 4}" stroke="${s.color}" stroke-width="2.5" ${s.dashed ? 'stroke-dasharray="6 4"' : ""}/>`)
    parts.push(`<text x="${x + 32}" y="${y}" font-size="11.5" fill="#111827">${s.label} (${s.values.length})</text>`)
  })
  parts.push("</g>")
  return parts.join("\n")
}

export function chartSvg({ raw, sizes }) {
  const pick = (rows, winners) => (rows ?? []).filter((r) => Boolean(r.order_id) === winners).map((r) => r.ms)
  const seriesOf = (key, extra = []) => [
    { label: "plain Medusa: orders", color: COLORS.plain, values: pick(raw.plain[key], true) },
    { label: "plain Medusa: no order", color: COLORS.plain, dashed: true, values: pick(raw.plain[key], false) },
    { label: "Comeback: orders", color: COLORS.comeback, values: pick(raw.comeback[key], true) },
    { label: "Comeback: no order", color: COLORS.comeback, dashed: true, values: pick(raw.comeback[key], false) },
    ...extra,
  ]
  const race = panel({
    title: `Race: ${sizes.buyers} buyers at once for ${sizes.race_units} units`,
    x0: 0,
    series: seriesOf("race"),
  })
  const burst = panel({
    title: `Burst: ${sizes.buyers} buyers at once for ${sizes.burst_units} units`,
    x0: W,
    series: seriesOf("burst", [
      { label: "Comeback in-stock: orders", color: COLORS.comeback_stock, values: pick(raw.comeback.burst_stock, true) },
      { label: "Comeback in-stock: no order", color: COLORS.comeback_stock, dashed: true, values: pick(raw.comeback.burst_stock, false) },
    ]),
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W * 2}" height="${H}" viewBox="0 0 ${W * 2} ${H}" font-family="Inter, Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="#ffffff"/>
${race}
${burst}
</svg>`
}

export async function renderChart({ raw, sizes, out, svgOut }) {
  const svg = chartSvg({ raw, sizes })
  if (svgOut) fs.writeFileSync(svgOut, svg)
  const { chromium } = await import("playwright-core")
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  })
  try {
    const page = await browser.newPage({ viewport: { width: W * 2, height: H }, deviceScaleFactor: 1.5 })
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`)
    await page.locator("svg").screenshot({ path: out })
  } finally {
    await browser.close()
  }
}
