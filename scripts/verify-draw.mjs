#!/usr/bin/env node
// Re-runs a published giveaway draw: `node scripts/verify-draw.mjs <published-draw.json | ->`
// ("-" reads stdin). Exit 0 when it checks out, 1 when it doesn't, 2 on bad usage.
//
// Re-implements nothing: it transpiles src/modules/giveaway/lib/draw.ts, the
// very code the store draws with (scripts/lib/load-ts.mjs).
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { loadTs } from "./lib/load-ts.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
// draw.ts imports only node:crypto.
const loadDraw = () => loadTs(path.join(root, "src/modules/giveaway/lib/draw.ts"))

const source = process.argv[2]
if (!source || process.argv.length > 3) {
  console.error("Usage: node scripts/verify-draw.mjs <published-draw.json | ->")
  process.exit(2)
}

let published
try {
  published = JSON.parse(fs.readFileSync(source === "-" ? 0 : source, "utf8"))
} catch (e) {
  console.error(`Cannot read a published draw from ${source === "-" ? "stdin" : source}: ${e.message}`)
  process.exit(1)
}

const { verifyDraw } = loadDraw()
const { ok, problems, entrants, total_entries } = verifyDraw(published)
if (ok) {
  console.log(`OK: winners verified (${entrants} entrants, ${total_entries} entries)`)
  process.exit(0)
}
console.log(`FAILED: ${problems.length} problem${problems.length === 1 ? "" : "s"}`)
for (const problem of problems) console.log(`- ${problem}`)
process.exit(1)
