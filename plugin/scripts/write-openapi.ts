/**
 * `npm run openapi`: writes docs/openapi.json from the routes' zod schemas
 * (plugin/src/openapi/document.ts). `npm run openapi -- --check` exits 1 when the
 * committed file is stale.
 */
import fs from "node:fs"
import path from "node:path"
import { buildOpenApiJson } from "../src/openapi/document"

const file = path.resolve(__dirname, "../../docs/openapi.json")
const json = buildOpenApiJson()
if (process.argv.includes("--check")) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  if (current !== json) {
    console.error("docs/openapi.json is stale: run `npm run openapi`.")
    process.exit(1)
  }
  console.log("docs/openapi.json is current.")
} else {
  fs.writeFileSync(file, json)
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${Object.keys(JSON.parse(json).paths).length} paths).`)
}
