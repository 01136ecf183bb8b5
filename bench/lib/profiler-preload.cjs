// Loaded into both of the benchmark's servers with `node --require` (never by
// the app itself), idle until signalled. SIGUSR2 starts a V8 CPU profile and
// times every workflow step and workflow through Medusa's own tracing hooks
// (TransactionOrchestrator.traceStep / traceTransaction, what Medusa's
// OpenTelemetry instrumentation uses); the next SIGUSR2 stops both and writes
// $BENCH_PROFILE_DIR/<pid>-<n>.cpuprofile and <pid>-<n>.steps.json.
const fs = require("node:fs")
const path = require("node:path")
const inspector = require("node:inspector")

let session = null
let count = 0
let events = []

function orchestrator() {
  const resolved = require.resolve("@medusajs/framework/orchestration", { paths: [process.cwd()] })
  return require(resolved).TransactionOrchestrator
}

function startTracing() {
  const Orchestrator = orchestrator()
  events = []
  const at = () => performance.now()
  Orchestrator.traceStep = async (handler, meta) => {
    const t0 = at()
    try {
      return await handler()
    } finally {
      // idempotency_key is "<workflow id>:<transaction id>:<step id>:<invoke|compensate>"
      const workflow = String(meta.idempotency_key ?? "").split(":")[0]
      events.push({ kind: "step", workflow, action: meta.action, type: meta.type, async: meta.async, start: t0, ms: at() - t0 })
    }
  }
  Orchestrator.traceTransaction = async (resume, meta) => {
    const t0 = at()
    try {
      return await resume()
    } finally {
      events.push({ kind: "workflow", workflow: meta.model_id, start: t0, ms: at() - t0 })
    }
  }
}

function stopTracing() {
  const Orchestrator = orchestrator()
  delete Orchestrator.traceStep
  delete Orchestrator.traceTransaction
  const out = events
  events = []
  return out
}

process.on("SIGUSR2", () => {
  if (!session) {
    session = new inspector.Session()
    session.connect()
    startTracing()
    session.post("Profiler.enable", () =>
      session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start"))
    )
    return
  }
  const current = session
  session = null
  const steps = stopTracing()
  current.post("Profiler.stop", (error, result) => {
    const dir = process.env.BENCH_PROFILE_DIR || "."
    const base = path.join(dir, `${process.pid}-${++count}`)
    fs.writeFileSync(base + ".steps.json", JSON.stringify(steps))
    if (!error) fs.writeFileSync(base + ".tmp", JSON.stringify(result.profile))
    if (!error) fs.renameSync(base + ".tmp", base + ".cpuprofile")
    current.disconnect()
  })
})
