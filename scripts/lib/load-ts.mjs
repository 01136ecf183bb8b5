// Loads one self-contained TypeScript file of the project (it may import only
// Node's built-ins) by transpiling it with the project's `typescript` package,
// so a command-line tool runs the very code the store runs.
import fs from "node:fs"
import { createRequire } from "node:module"

export function loadTs(file) {
  const require = createRequire(file)
  let ts
  try {
    ts = require("typescript")
  } catch {
    console.error("The `typescript` package is missing: run `npm install` in the project first.")
    process.exit(2)
  }
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  })
  const module = { exports: {} }
  new Function("require", "module", "exports", outputText)(require, module, module.exports)
  return module.exports
}
