// Where a completion's CPU time goes, from a V8 CPU profile of the server.
// Each sample is charged to the nearest frame (from the top of its stack down)
// that belongs to an owner: our code (src/…), a Medusa workflow step
// (core-flows), a Medusa module, the workflow engine, Medusa's HTTP layer.
// Helpers, the ORM and the PostgreSQL driver are charged to the owner that
// called them, or to themselves when nothing owns the stack (e.g. the driver
// parsing a reply). Stacks restart after every `await`, so a continuation is
// charged to the function it resumes in.

const owner = (group, name) => ({ kind: "owner", group, name })
const library = (group, name) => ({ kind: "library", group, name })

/** Owners are charged; libraries (helpers, ORM, driver, Express) only when no owner is above them. */
function classify(url, root) {
  if (!url) return null
  const file = url.replace(/^file:\/\//, "")
  if (file.startsWith(root + "/src/")) {
    const rel = file.slice(root.length + 1).replace(/\.(t|j)s$/, "")
    if (rel.startsWith("src/workflows/hooks/")) return owner("Comeback: workflow hooks", rel)
    if (rel.startsWith("src/subscribers/")) return owner("Comeback: subscribers", rel)
    if (rel.startsWith("src/api/")) return owner("Comeback: routes and middlewares", rel)
    if (rel.startsWith("src/modules/")) return owner("Comeback: modules", rel.split("/").slice(0, 3).join("/"))
    if (rel.startsWith("src/workflows/")) return owner("Comeback: workflows and steps", rel)
    return owner("Comeback: other", rel)
  }
  let m = file.match(/node_modules\/@medusajs\/core-flows\/dist\/(.+?)\.js$/)
  if (m) return owner("Medusa: core-flows (workflow steps)", `core-flows/${m[1]}`)
  m = file.match(/node_modules\/@medusajs\/(orchestration|workflows-sdk|workflow-engine-[a-z]+)\//)
  if (m) return owner("Medusa: workflow engine", `@medusajs/${m[1]}`)
  m = file.match(/node_modules\/@medusajs\/(framework|medusa)\/dist\/(.+?)\.js$/)
  if (m) return owner("Medusa: framework and HTTP routes", `@medusajs/${m[1]}/${m[2].split("/").slice(0, 3).join("/")}`)
  m = file.match(/node_modules\/@medusajs\/(utils|types|modules-sdk)\//)
  if (m) return library("Medusa: utils (totals, BigNumber, service base)", `@medusajs/${m[1]}`)
  m = file.match(/node_modules\/@medusajs\/([a-z-]+)\//)
  if (m) return owner("Medusa: modules", `@medusajs/${m[1]}`)
  m = file.match(/node_modules\/(@mikro-orm\/[a-z-]+|knex|pg|pg-protocol|pg-pool)\//)
  if (m) return library("ORM and PostgreSQL driver", m[1])
  m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)
  if (m) return library("Other libraries (Express, zod, awilix, …)", m[1])
  return null
}

/**
 * @param profile a .cpuprofile (nodes, samples, timeDeltas)
 * @param completions how many completions the profile covers (to give ms per completion)
 */
export function summarizeProfile(profile, { root, completions }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const cache = new Map()
  const chargeOf = (leafId) => {
    if (cache.has(leafId)) return cache.get(leafId)
    const leaf = byId.get(leafId)
    const fn = leaf.callFrame.functionName
    let result
    if (fn === "(idle)") result = { group: "idle", name: "idle" }
    else if (fn === "(garbage collector)") result = { group: "Garbage collection", name: "GC" }
    else if (fn === "(program)") result = { group: "V8 and native (program)", name: "(program)" }
    else {
      let firstLibrary = null
      for (let id = leafId; id !== undefined; id = parent.get(id)) {
        const c = classify(byId.get(id).callFrame.url, root)
        if (c?.kind === "owner") {
          result = c
          break
        }
        if (c && !firstLibrary) firstLibrary = c
      }
      result ??= firstLibrary ?? { group: "Node.js internals (I/O, timers, streams)", name: leaf.callFrame.url || fn || "(anonymous)" }
    }
    cache.set(leafId, result)
    return result
  }
  const groups = new Map()
  const names = new Map()
  let busyUs = 0
  let idleUs = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    const o = chargeOf(id)
    if (o.group === "idle") {
      idleUs += dt
      return
    }
    busyUs += dt
    groups.set(o.group, (groups.get(o.group) ?? 0) + dt)
    const key = `${o.group}\u0000${o.name}`
    names.set(key, (names.get(key) ?? 0) + dt)
  })
  const perCompletion = (us) => Math.round((us / 1000 / completions) * 10) / 10
  const pct = (us) => Math.round((us / busyUs) * 1000) / 10
  return {
    completions,
    wall_ms: Math.round((profile.endTime - profile.startTime) / 1000),
    busy_ms: Math.round(busyUs / 1000),
    idle_ms: Math.round(idleUs / 1000),
    busy_ms_per_completion: perCompletion(busyUs),
    groups: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([group, us]) => ({ group, ms_per_completion: perCompletion(us), percent: pct(us) })),
    top: [...names.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([key, us]) => {
        const [group, name] = key.split("\u0000")
        return { group, name, ms_per_completion: perCompletion(us), percent: pct(us) }
      }),
  }
}

/**
 * Wall time of workflow steps and workflows while the server completed carts
 * one after another (from Medusa's traceStep / traceTransaction hooks).
 * complete-cart's own steps are listed one by one (its hooks are where
 * Comeback's checkout code runs); every other workflow is listed whole, as
 * while a completion ran (a sub-workflow, or started by its events) or after it (subscribers), and
 * owned by Medusa when core-flows exports it, by Comeback otherwise.
 * Steps that run in parallel overlap, so their times add up to more than the
 * workflow's.
 * @param events from profiler-preload.cjs
 * @param {{ completions: number, coreWorkflows: Set<string>, hooks: string[], requestMs: number[] }} options
 */
export function summarizeSteps(events, { completions, coreWorkflows, hooks, requestMs }) {
  const per = (ms) => Math.round((ms / completions) * 10) / 10
  const runs = events.filter((e) => e.kind === "workflow" && e.workflow === "complete-cart")
  const windows = runs.map((r) => [r.start, r.start + r.ms])
  const inside = (e) => windows.some(([a, b]) => e.start >= a && e.start <= b)
  const steps = new Map()
  for (const e of events) {
    if (e.kind !== "step" || e.workflow !== "complete-cart") continue
    const key = `${e.action}${e.type === "compensate" ? " (compensation)" : ""}`
    const s = steps.get(key) ?? { step: key, hook: hooks.includes(e.action), async: e.async, ms: 0, count: 0 }
    s.ms += e.ms
    s.count += 1
    steps.set(key, s)
  }
  const workflows = new Map()
  for (const e of events) {
    if (e.kind !== "workflow" || e.workflow === "complete-cart") continue
    const when = inside(e) ? "while the completion ran" : "after the response"
    const key = `${e.workflow}\u0000${when}`
    const w = workflows.get(key) ?? { workflow: e.workflow, owner: coreWorkflows.has(e.workflow) ? "Medusa" : "Comeback", when, ms: 0, count: 0 }
    w.ms += e.ms
    w.count += 1
    workflows.set(key, w)
  }
  const total = (list) => per(list.reduce((a, b) => a + b.ms, 0))
  const after = [...workflows.values()].filter((w) => w.when === "after the response")
  return {
    completions,
    request_ms: requestMs.length ? Math.round((requestMs.reduce((a, b) => a + b, 0) / requestMs.length) * 10) / 10 : null,
    complete_cart_ms: runs.length ? per(runs.reduce((a, b) => a + b.ms, 0)) : null,
    complete_cart_runs: runs.length,
    hooks_ms: total([...steps.values()].filter((s) => s.hook)),
    after_response_ms: { Medusa: total(after.filter((w) => w.owner === "Medusa")), Comeback: total(after.filter((w) => w.owner === "Comeback")) },
    steps: [...steps.values()]
      .sort((a, b) => b.ms - a.ms)
      .map((s) => ({ step: s.step, hook: s.hook, ms_per_completion: per(s.ms), runs_per_completion: Math.round((s.count / completions) * 100) / 100 })),
    workflows: [...workflows.values()]
      .sort((a, b) => b.ms - a.ms)
      .map((w) => ({ workflow: w.workflow, owner: w.owner, when: w.when, ms_per_completion: per(w.ms), runs_per_completion: Math.round((w.count / completions) * 100) / 100 })),
  }
}
