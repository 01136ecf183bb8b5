import fs from "node:fs"
import path from "node:path"
import { ROUTES, buildOpenApiJson } from "../document"

/** The plugin (its src/api) and the repository (its docs/openapi.json). */
const root = path.resolve(__dirname, "../../..")
const repository = path.resolve(root, "..")

/** Every route file under src/api/{store,admin} and the verbs it exports, as OpenAPI paths. */
function routeFiles(dir: string, prefix: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...routeFiles(full, `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, "{$1}")}`))
    else if (entry.name === "route.ts") {
      const source = fs.readFileSync(full, "utf8")
      for (const verb of ["GET", "POST", "DELETE"]) {
        if (new RegExp(`export (async )?function ${verb}\\b|export const ${verb}\\b`).test(source)) found.push(`${verb.toLowerCase()} ${prefix}`)
      }
    }
  }
  return found
}

describe("OpenAPI document", () => {
  it("docs/openapi.json is what the route schemas generate (run `npm run openapi` after changing a route)", () => {
    const committed = fs.readFileSync(path.join(repository, "docs/openapi.json"), "utf8")
    expect(committed).toBe(buildOpenApiJson())
  })

  it("documents every route Comeback serves, and nothing it does not", () => {
    const served = [...routeFiles(path.join(root, "src/api/store"), "/store"), ...routeFiles(path.join(root, "src/api/admin"), "/admin")].sort()
    const documented = ROUTES.map((r) => `${r.method} ${r.path}`).sort()
    expect(documented).toEqual(served)
  })

  it("request bodies carry the routes' own rules (bounds, enums, required fields)", () => {
    const doc = JSON.parse(buildOpenApiJson())
    const create = doc.paths["/admin/preorder-plans"].post.requestBody.content["application/json"].schema
    expect(create.required).toEqual(expect.arrayContaining(["variant_id", "release_date"]))
    expect(create.properties.cap).toMatchObject({ type: "integer", minimum: 1 })
    expect(doc.components.schemas.StorePreorderPlan.properties.state.enum).toEqual(["upcoming", "open", "closed", "released"])
  })
})
