import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"

let cached: { source: string; sha256: string } | null = null

/**
 * The standalone verifier's text. It is a plain .js file that the TypeScript
 * build does not copy, so it is looked up next to this module (development),
 * then in the project's src from the working directory (a built server runs
 * from the project or from .medusa/server).
 */
export function verifierSource() {
  if (cached) return cached
  const relative = path.join("src", "modules", "giveaway", "verifier", "verify-draw.js")
  const candidates = [
    path.join(__dirname, "verify-draw.js"),
    path.resolve(process.cwd(), relative),
    path.resolve(process.cwd(), "..", "..", relative),
  ]
  const file = candidates.find((candidate) => fs.existsSync(candidate))
  if (!file) throw new Error(`The draw verifier was not found (looked in ${candidates.join(", ")})`)
  const source = fs.readFileSync(file, "utf8")
  cached = { source, sha256: createHash("sha256").update(source).digest("hex") }
  return cached
}
