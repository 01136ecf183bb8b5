// The standalone draw verifier is plain JavaScript (anyone may run it without this package's dependencies):
// ship it and its test vectors beside the build, as the package's `comeback-verify-draw` bin.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const from = path.join(root, "src/modules/giveaway/verifier")
const to = path.join(root, ".medusa/server/verifier")
fs.mkdirSync(to, { recursive: true })
for (const file of ["verify-draw.js", "test-vectors.json"]) fs.copyFileSync(path.join(from, file), path.join(to, file))
