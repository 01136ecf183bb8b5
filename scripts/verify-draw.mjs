#!/usr/bin/env node
// Re-runs a published giveaway draw: `node scripts/verify-draw.mjs <published-draw.json | ->`
// ("-" reads stdin). Exit 0 when it checks out, 1 when it doesn't, 2 on bad usage.
//
// Re-implements nothing: it transpiles src/modules/giveaway/lib/draw.ts, the
// very code the store draws with, using the project's `typescript` package.
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const drawFile = path.join(root, "src/modules/giveaway/lib/draw.ts")

function loadDraw() {
  const require = createRequire(drawFile)
  let ts
  try {
    ts = require("typescript")
  } catch {
    console.error("The `typescript` package is missing: run `npm install` in the project first.")
    process.exit(2)
  }
  const { outputText } = ts.transpileModule(fs.readFileSync(drawFile, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: drawFile,
  })
  const module = { exports: {} }
  // draw.ts imports only node:crypto, so the ordinary require is all it needs.
  new Function("require", "module", "exports", outputText)(require, module, module.exports)
  return module.exports
}

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
