// Loaded into the benchmark's servers with `node --require` (never by the app
// itself): SIGUSR2 starts a V8 CPU profile, the next SIGUSR2 writes it to
// $BENCH_PROFILE_DIR/<pid>-<n>.cpuprofile. Idle until signalled.
const fs = require("node:fs")
const path = require("node:path")
const inspector = require("node:inspector")

let session = null
let count = 0
process.on("SIGUSR2", () => {
  if (!session) {
    session = new inspector.Session()
    session.connect()
    session.post("Profiler.enable", () =>
      session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start"))
    )
    return
  }
  const current = session
  session = null
  current.post("Profiler.stop", (error, result) => {
    const dir = process.env.BENCH_PROFILE_DIR || "."
    const file = path.join(dir, `${process.pid}-${++count}.cpuprofile`)
    if (!error) fs.writeFileSync(file + ".tmp", JSON.stringify(result.profile))
    if (!error) fs.renameSync(file + ".tmp", file)
    current.disconnect()
  })
})
