// docs/benchmarks.md from one run's results: every figure, both servers, the ratio.

const n = (v) => (v === null || v === undefined ? "—" : typeof v === "number" ? v.toLocaleString("en-US") : String(v))
const ms = (v) => (v === null || v === undefined ? "—" : `${n(Math.round(v))} ms`)
const x = (v) => (v === null || v === undefined ? "—" : `${v.toFixed(2)}×`)
const statuses = (s) => {
  if (!s) return "—"
  const e = Object.entries(s.errors_by_status ?? {})
  return e.length ? e.map(([k, v]) => `${v} × ${k}`).join(", ") : "none"
}
const messages = (s) =>
  Object.entries(s?.messages ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([m, c]) => `${c} × \`${m.replace(/`/g, "'").replace(/\|/g, "/")}\``)
    .join("; ") || "—"

export function writeReport({ machine, sizes, results, json, chart, ratio }) {
  const P = results.plain
  const C = results.comeback
  const out = []
  const row = (...cells) => out.push(`| ${cells.join(" | ")} |`)
  out.push("# Drop-day benchmark: Comeback beside plain Medusa")
  out.push("")
  out.push(
    "Written by `npm run bench` (bench/run.mjs); do not edit by hand. One run: plain Medusa (`bench/plain`, no Comeback " +
      "modules, routes, hooks or subscribers) and Comeback, each started with `medusa start` on its own port and database " +
      "on the same PostgreSQL, seeded with the same catalog (the demo drop plus the benchmark album), never running at " +
      "the same time; the workloads alternate between them (ABBA order). Load comes from the benchmark's own process " +
      "(autocannon for reads, a small driver for checkouts); warm-ups are excluded. Raw figures: `" + json + "` (git-ignored)."
  )
  out.push("")
  out.push("| Machine | |")
  out.push("|---|---|")
  row("CPU", `${machine.cpus} × ${machine.cpu_model}`)
  row("Memory", `${machine.memory_gb} GB`)
  row("Versions", `Medusa ${machine.medusa} (both servers), Node ${machine.node}, PostgreSQL ${machine.postgres}`)
  row("Database", machine.database)
  row("Infrastructure modules", "Medusa's in-memory event bus, cache, workflow engine and locking (no Redis) in both")
  row("OS", machine.os)
  row("Date", machine.date)
  if (machine.conditions) row("Conditions", machine.conditions)
  row("Run time", `${Math.round(machine.duration_seconds / 60)} min (boots: ${results.boots.map((b) => `${b.server} ${b.seconds} s`).join(", ")})`)
  row(
    "Sizes",
    `BENCH_BUYERS=${sizes.buyers}, BENCH_RACE_UNITS=${sizes.race_units}, BENCH_BURST_UNITS=${sizes.burst_units}, ` +
      `BENCH_GROUP_MEMBERS=${sizes.group_members}, BENCH_READ_CONNECTIONS=${sizes.read_connections}, BENCH_READ_SECONDS=${sizes.read_seconds}, ` +
      `BENCH_PATH_RUNS=${sizes.path_runs}, BENCH_PROFILE_RUNS=${sizes.profile_runs}`
  )
  out.push("")

  out.push("## Summary")
  out.push("")
  out.push("| Workload | Figure | plain Medusa | Comeback | Comeback / plain |")
  out.push("|---|---|---:|---:|---:|")
  for (const key of ["list", "detail"]) {
    const p = P.reads?.[key]
    const c = C.reads?.[key]
    const label = `1. \`GET ${p?.path.replace(/prod_[A-Z0-9]+/, ":id") ?? key}\`, ${sizes.read_connections} connections`
    row(label, "req/s", n(p?.rps), n(c?.rps), x(ratio(c?.rps, p?.rps)))
    row(label, "p50 / p99", `${ms(p?.p50)} / ${ms(p?.p99)}`, `${ms(c?.p50)} / ${ms(c?.p99)}`, `${x(ratio(c?.p50, p?.p50))} / ${x(ratio(c?.p99, p?.p99))}`)
  }
  const pathRow = (label, key) =>
    row(
      `2. unloaded: ${label} (${P.path?.runs} runs)`,
      "p50 / p99",
      `${ms(P.path?.[key].p50)} / ${ms(P.path?.[key].p99)}`,
      `${ms(C.path?.[key].p50)} / ${ms(C.path?.[key].p99)}`,
      `${x(ratio(C.path?.[key].p50, P.path?.[key].p50))} / ${x(ratio(C.path?.[key].p99, P.path?.[key].p99))}`
    )
  pathRow("cart → ready, 7 requests", "ready")
  pathRow("completion", "complete")
  const race = `3. race: ${sizes.buyers} buyers at once for ${sizes.race_units} units`
  const ordersCell = (r) => (r ? `${n(r.orders)} answered · ${n(r.sold_units)} in the database · oversell ${n(r.oversell)}` : "—")
  row(race, "orders (answered with an order · units in orders in the database · oversell)", ordersCell(P.race), ordersCell(C.race), "")
  row(race, "winners p50 / p99 / max", `${ms(P.race?.winners.p50)} / ${ms(P.race?.winners.p99)} / ${ms(P.race?.winners.max)}`, `${ms(C.race?.winners.p50)} / ${ms(C.race?.winners.p99)} / ${ms(C.race?.winners.max)}`, x(ratio(C.race?.winners.p99, P.race?.winners.p99)) + " (p99)")
  row(race, "losers p50 / p99 / max", `${ms(P.race?.losers.p50)} / ${ms(P.race?.losers.p99)} / ${ms(P.race?.losers.max)}`, `${ms(C.race?.losers.p50)} / ${ms(C.race?.losers.p99)} / ${ms(C.race?.losers.max)}`, x(ratio(C.race?.losers.p99, P.race?.losers.p99)) + " (p99)")
  row(race, "answers other than an order", statuses(P.race), statuses(C.race), "")
  const burst = `4. burst: ${sizes.buyers} buyers at once for ${sizes.burst_units} units`
  const placed = (r) => (r ? `${n(r.orders)}${r.sold_units !== r.orders ? ` (${n(r.sold_units)} in the database)` : ""}` : "—")
  row(burst, "orders answered", placed(P.burst), `${placed(C.burst)} pre-order · ${placed(C.burst_stock)} in stock`, x(ratio(C.burst?.orders, P.burst?.orders)) + " (pre-order)")
  row(burst, "errors by status (a 5xx is a lost sale)", statuses(P.burst), `${statuses(C.burst)} · ${statuses(C.burst_stock)}`, "")
  row(burst, "all answers p50 / p99", `${ms(P.burst?.all.p50)} / ${ms(P.burst?.all.p99)}`, `${ms(C.burst?.all.p50)} / ${ms(C.burst?.all.p99)} · ${ms(C.burst_stock?.all.p50)} / ${ms(C.burst_stock?.all.p99)}`, x(ratio(C.burst?.all.p99, P.burst?.all.p99)) + " (p99, pre-order)")
  const lineLabel = `4b. line: ${sizes.line_buyers} buyers at once, following 429`
  const lineCell = (r) => (r ? `${n(r.orders)} orders (${n(r.orders_in_first_request)} in the first request) · ${n(r.errors_5xx)} × 5xx · all done in ${r.wall_seconds} s` : "—")
  row(lineLabel, "orders · 5xx · time", lineCell(P.line), lineCell(C.line), x(ratio(C.line?.orders, P.line?.orders)) + " (orders)")
  const g = C.group
  row(
    `5. group: ${sizes.group_members} members check out at once`,
    "orders · units · members · tier",
    "n/a (no group orders)",
    g ? `${n(g.orders)} · ${n(g.group?.units)} · ${n(g.group?.member_count)} · ${g.group?.current_percent ?? "—"} %${g.group?.exact ? " (exact)" : " (NOT exact)"}` : "—",
    ""
  )
  const ex = results.export
  const ours = ex?.results?.find((r) => r.label.startsWith("ours: GET /admin/reports/orders (csv, order rows"))
  const medusaExport = ex?.results?.find((r) => r.label.startsWith("medusa: POST /admin/orders/export"))
  if (ours) {
    row(
      `6. finance export, ${n(ex.orders)} orders`,
      "rows/s · peak RSS",
      medusaExport ? `Medusa's \`POST /admin/orders/export\`: ${n(Math.round(medusaExport.rows / medusaExport.seconds))} rows/s${medusaExport.finished === false ? " (not finished)" : ""} · ${n(medusaExport.rss.peak_mb)} MB` : "—",
      `${n(Math.round(ours.rows / ours.seconds))} rows/s · ${n(ours.rss.peak_mb)} MB`,
      medusaExport ? x(ratio(ours.rows / ours.seconds, medusaExport.rows / medusaExport.seconds)) + " (rows/s)" : ""
    )
  } else {
    row("6. finance export", "", "", ex?.error ? `not measured: ${ex.error}` : "not measured (BENCH_EXPORT=off)", "")
  }
  out.push("")
  out.push(`![Latency distributions of the race and the burst, plain Medusa and Comeback](${chart})`)
  out.push("")
  out.push(
    "*Each line: the share of a group of buyers (those who got an order, solid; those who did not, dashed) answered " +
      "by a given time after all completions were sent at once.*"
  )
  out.push("")

  out.push("## 1. Reads")
  out.push("")
  out.push(`autocannon, ${sizes.read_connections} connections, ${sizes.warmup_seconds} s warm-up excluded, then ${sizes.read_seconds} s measured; web storefront's publishable key; \`:id\` is NCT Dream — *Hot Sauce* (4 versions).`)
  out.push("")
  out.push("| Request | server | req/s | p50 | p99 | max | non-2xx | errors |")
  out.push("|---|---|---:|---:|---:|---:|---:|---:|")
  for (const key of ["list", "detail"]) {
    for (const [name, r] of [["plain", P.reads?.[key]], ["Comeback", C.reads?.[key]]]) {
      if (r) row(`\`GET ${r.path.replace(/prod_[A-Z0-9]+/, ":id")}\``, name, n(r.rps), ms(r.p50), ms(r.p99), ms(r.max), n(r.non_2xx), n(r.errors))
    }
  }
  out.push("")

  out.push("## 2. The unloaded checkout")
  out.push("")
  out.push(`One buyer at a time, ${P.path?.runs} runs after 2 excluded, the server idle between runs: create cart, add line item, email and addresses, list shipping options, add shipping method, create payment collection, create payment session (ready), then \`POST /store/carts/:id/complete\`.`)
  out.push("")
  out.push("| Request | plain p50 | plain p99 | Comeback p50 | Comeback p99 | ratio p50 |")
  out.push("|---|---:|---:|---:|---:|---:|")
  if (P.path && C.path) {
    for (const step of Object.keys(P.path.steps)) {
      const p = P.path.steps[step]
      const c = C.path.steps[step]
      row(step, ms(p.p50), ms(p.p99), ms(c?.p50), ms(c?.p99), x(ratio(c?.p50, p.p50)))
    }
    row("**cart → ready (7 requests)**", ms(P.path.ready.p50), ms(P.path.ready.p99), ms(C.path.ready.p50), ms(C.path.ready.p99), x(ratio(C.path.ready.p50, P.path.ready.p50)))
    row("**completion**", ms(P.path.complete.p50), ms(P.path.complete.p99), ms(C.path.complete.p50), ms(C.path.complete.p99), x(ratio(C.path.complete.p50, P.path.complete.p50)))
  }
  out.push("")

  const burstTable = (title, cases, units) => {
    out.push(title)
    out.push("")
    out.push("| Server · version | buyers | answered with an order | units in orders (database) / available | oversell | winners p50 / p99 / max | losers p50 / p99 / max | answers other than an order | winners' arrival rank p50 / max |")
    out.push("|---|---:|---:|---:|---:|---|---|---|---|")
    for (const [name, s] of cases) {
      if (!s) continue
      row(
        name,
        n(s.buyers),
        n(s.orders),
        `${n(s.sold_units)} / ${n(units)}`,
        n(s.oversell),
        `${ms(s.winners.p50)} / ${ms(s.winners.p99)} / ${ms(s.winners.max)}`,
        `${ms(s.losers.p50)} / ${ms(s.losers.p99)} / ${ms(s.losers.max)}`,
        statuses(s),
        s.winners_arrival_rank ? `${s.winners_arrival_rank.p50} / ${s.winners_arrival_rank.max}` : "—"
      )
    }
    out.push("")
    for (const [name, s] of cases) {
      if (s && s.sold_units > s.orders) {
        out.push(
          `**${name}: ${s.sold_units - s.orders} orders exist whose buyers were answered with an error** (units in orders in the database ${s.sold_units}, answers with an order ${s.orders})` +
            (s.oversell ? `, **${s.oversell} units beyond the ${s.units} available**` : "") +
            ": a completion that failed after Medusa created the order (compare medusajs/medusa#16825, an orphan order when carts race for the last units)."
        )
        out.push("")
      }
    }
    out.push("Messages of the answers without an order (most frequent first):")
    out.push("")
    for (const [name, s] of cases) if (s) out.push(`- ${name}: ${messages(s)}`)
    out.push("")
  }
  burstTable(
    `## 3. Race at a small cap\n\n${sizes.buyers} carts made ready beforehand (one unit each, guest buyers), then every \`POST /store/carts/:id/complete\` sent at once, one request each, no retry; latency from the common start. Plain Medusa sells from stock on hand (${sizes.race_units}); Comeback sells a pre-order version with a cap of ${sizes.race_units} (no stock, Medusa's backorder on, our cap). "Arrival rank" is the winners' position in the sending order (0 = first sent).`,
    [["plain Medusa · stock " + sizes.race_units, P.race], ["Comeback · pre-order cap " + sizes.race_units, C.race]],
    sizes.race_units
  )
  burstTable(
    `## 4. Burst with plenty\n\nAs the race, with ${sizes.burst_units} units: every buyer should get an order. Plain Medusa: stock ${sizes.burst_units}; Comeback: a pre-order version capped at ${sizes.burst_units}, then an in-stock version with stock ${sizes.burst_units} (fresh carts for each).`,
    [["plain Medusa · stock " + sizes.burst_units, P.burst], ["Comeback · pre-order cap " + sizes.burst_units, C.burst], ["Comeback · in stock " + sizes.burst_units, C.burst_stock]],
    sizes.burst_units
  )
  out.push(`## 4b. A longer line: ${sizes.line_buyers} buyers at once, following "busy"`)
  out.push("")
  out.push(
    `${sizes.line_buyers} more carts for the burst's version (its units left after section 4), all completed at once; each buyer does what a storefront does with ` +
      "`429` + `Retry-After` (waits, sends the same completion again) and stops at any other answer. Plain Medusa never answers 429, so its buyers get one request each."
  )
  out.push("")
  out.push("| Server | buyers | orders | orders in the first request | first answers by status | final answers other than an order | 5xx | most requests by one buyer | all done in | orders/s | last answer p50 / p99 |")
  out.push("|---|---:|---:|---:|---|---|---:|---:|---:|---:|---|")
  for (const [name, s] of [["plain Medusa", P.line], ["Comeback", C.line]]) {
    if (!s) continue
    row(
      name,
      n(s.buyers),
      n(s.orders),
      n(s.orders_in_first_request),
      Object.entries(s.first_answer_by_status).map(([k, v]) => `${v} × ${k}`).join(", "),
      statuses(s),
      n(s.errors_5xx),
      n(s.max_attempts),
      `${s.wall_seconds} s`,
      String(s.orders_per_second),
      `${ms(s.all.p50)} / ${ms(s.all.p99)}`
    )
  }
  out.push("")

  out.push("## 5. Group checkout (Comeback only)")
  out.push("")
  if (g) {
    out.push(
      `${sizes.group_members} guest carts each join group \`BENCHGROUP\` (campaign tiers 5 → 5 %, 10 → 10 %, 20 → 15 %; at most ${sizes.group_members} members) and are made ready, then all complete at once. ` +
        `Orders ${n(g.orders)} of ${n(g.buyers)}; group after the burst (\`GET /store/group-orders/BENCHGROUP\`): ${n(g.group?.units)} units, ${n(g.group?.member_count)} members, current tier ${g.group?.current_percent ?? "—"} % — ` +
        `${g.group?.exact ? "exact (units = orders = units sold)" : "**not exact**"}. Winners p50 / p99 / max ${ms(g.winners.p50)} / ${ms(g.winners.p99)} / ${ms(g.winners.max)}; other answers: ${statuses(g)}${g.orders < g.buyers ? ` (${messages(g)})` : ""}.`
    )
  } else out.push("Not measured.")
  out.push("")

  out.push("## 6. Finance export")
  out.push("")
  if (ours) {
    out.push(`From \`npm run bench:export\` (${ex.source}): ${n(ex.orders)} orders (${n(ex.lines)} lines) in its own database and server; server RSS at rest ${n(ex.baseline_rss_mb)} MB; read-model backfill ${n(ex.backfill?.refreshed)} orders in ${ex.backfill?.seconds} s.`)
    out.push("")
    out.push("| What | rows | seconds | rows/s | peak RSS |")
    out.push("|---|---:|---:|---:|---:|")
    for (const r of ex.results) row(r.label + (r.finished === false ? " — not finished" : ""), n(r.rows), r.seconds.toFixed(1), n(Math.round(r.rows / r.seconds)), `${n(r.rss.peak_mb)} MB`)
  } else out.push(ex?.error ? `Not measured: ${ex.error}` : "Not measured (BENCH_EXPORT=off).")
  out.push("")

  out.push("## Where a completion's time goes")
  out.push("")
  out.push(
    `Each server completed ${sizes.profile_runs} more carts one after another, unloaded, and was left until idle (so the ` +
      "work its `order.placed` subscribers start is included). Meanwhile the benchmark timed every workflow step and workflow " +
      "through Medusa's own tracing hooks (`TransactionOrchestrator.traceStep` / `traceTransaction`, what Medusa's " +
      "OpenTelemetry instrumentation uses) and took a V8 CPU profile (sampled every 0.5 ms), both switched on by a signal " +
      "from the benchmark (`bench/lib/profiler-preload.cjs`, loaded into both servers, idle otherwise)."
  )
  out.push("")
  const PS = P.path?.workflow_steps
  const CS = C.path?.workflow_steps
  if (PS && CS) {
    const hookNote = (s) => (s.hook ? (s.step === "validate" ? " *(hook: Comeback's handler)*" : " *(hook)*") : "")
    out.push(
      `**Wall time per completion** (ms, mean): the request as the buyer sees it, plain **${PS.request_ms}**, Comeback **${CS.request_ms}**; ` +
        `Medusa's \`complete-cart\` workflow inside it, plain ${PS.complete_cart_ms}, Comeback ${CS.complete_cart_ms}; ` +
        `complete-cart's hook steps (Comeback's \`validate\` handler: pre-order caps, group membership, app offers), plain ${PS.hooks_ms}, Comeback **${CS.hooks_ms}**. ` +
        `After the response, workflows started by subscribers of the order's events: Medusa's ${PS.after_response_ms.Medusa} (plain) / ${CS.after_response_ms.Medusa} (Comeback; Medusa's payment capture, started by our \`order.placed\` subscriber), Comeback's **${CS.after_response_ms.Comeback}** — they do not delay the buyer's answer, but they take the same CPU from the next buyers in a drop.`
    )
    out.push("")
    out.push("`complete-cart`'s steps (wall ms per completion; steps in a parallel branch overlap):")
    out.push("")
    out.push("| Step | plain | Comeback | Comeback − plain |")
    out.push("|---|---:|---:|---:|")
    const names = [...new Set([...CS.steps.map((s) => s.step), ...PS.steps.map((s) => s.step)])]
    for (const name of names) {
      const a = PS.steps.find((s) => s.step === name)
      const b = CS.steps.find((s) => s.step === name)
      row(`\`${name}\`${hookNote(b ?? a)}`, n(a?.ms_per_completion ?? 0), n(b?.ms_per_completion ?? 0), n(Math.round(((b?.ms_per_completion ?? 0) - (a?.ms_per_completion ?? 0)) * 10) / 10))
    }
    out.push("")
    out.push("Other workflows, whole (wall ms per completion; \"while the completion ran\" ones are inside one of complete-cart's steps or started by its events before it returned):")
    out.push("")
    out.push("| Workflow | owner | when | runs per completion (plain / Comeback) | plain | Comeback |")
    out.push("|---|---|---|---:|---:|---:|")
    const keys = [...new Set([...CS.workflows, ...PS.workflows].map((w) => `${w.workflow}\u0000${w.when}`))]
    for (const key of keys) {
      const [wf, when] = key.split("\u0000")
      const a = PS.workflows.find((w) => w.workflow === wf && w.when === when)
      const b = CS.workflows.find((w) => w.workflow === wf && w.when === when)
      const owner = (a ?? b).owner
      row(`\`${wf}\``, owner === "Comeback" ? "**Comeback**" : owner, when, `${n(a?.runs_per_completion ?? 0)} / ${n(b?.runs_per_completion ?? 0)}`, n(a?.ms_per_completion ?? 0), n(b?.ms_per_completion ?? 0))
    }
    out.push("")
  }
  if (P.path?.profile && C.path?.profile) {
    const pp = P.path.profile
    const cp = C.path.profile
    out.push(
      `**CPU per completion** (subscribers included): plain **${pp.busy_ms_per_completion} ms**, Comeback **${cp.busy_ms_per_completion} ms** (${x(ratio(cp.busy_ms_per_completion, pp.busy_ms_per_completion))}). ` +
        "Each sample is charged to the nearest frame on its stack that belongs to an owner (our `src/…`, a core-flows step, a Medusa module, the workflow engine, Medusa's HTTP layer); " +
        "helpers, the ORM and the PostgreSQL driver are charged to the owner that called them, or to themselves when nothing owns the stack. " +
        "V8 stacks restart at every `await`, so most of our code's cost shows up as the ORM and driver work it resumes into: read this table by layer, and the wall-time tables above by owner."
    )
    out.push("")
    out.push("| Layer | plain ms / completion | plain % | Comeback ms / completion | Comeback % |")
    out.push("|---|---:|---:|---:|---:|")
    const groups = [...new Set([...cp.groups.map((g) => g.group), ...pp.groups.map((g) => g.group)])]
    for (const gname of groups) {
      const a = pp.groups.find((g) => g.group === gname)
      const b = cp.groups.find((g) => g.group === gname)
      row(gname.startsWith("Comeback") ? `**${gname}**` : gname, n(a?.ms_per_completion ?? 0), n(a?.percent ?? 0), n(b?.ms_per_completion ?? 0), n(b?.percent ?? 0))
    }
    out.push("")
    out.push("Comeback's 12 largest owners by CPU:")
    out.push("")
    out.push("| Owner | layer | ms / completion | % |")
    out.push("|---|---|---:|---:|")
    for (const t of cp.top.slice(0, 12)) row(`\`${t.name}\``, t.group, n(t.ms_per_completion), n(t.percent))
  }
  if (!PS && !P.path?.profile) out.push("Not measured.")
  out.push("")
  out.push("## Method notes")
  out.push("")
  out.push(
    [
      "- Carts are prepared through the store API before each burst (not measured): create cart with line, email and addresses; shipping method; (group join); payment collection; payment session with `pp_system_default`.",
      "- A burst sends every completion at once from one Node process (undici, one connection per request, no retry, " + sizes.timeout_seconds + " s timeout). A winner is a `200` with `type: \"order\"`; anything else is a loser, counted by status. Units sold are counted in the database from the orders' lines, so an oversell would show even if a response lied.",
      "- Between workloads the benchmark waits until the server's CPU is idle (background subscribers done); `medusa start` runs with NODE_ENV=production, the admin disabled, `LOG_LEVEL=error`.",
      "- Both servers run with the same `--require bench/lib/profiler-preload.cjs` (idle unless signalled: no tracing hook is installed outside the profile), so it costs both the same.",
    ].join("\n")
  )
  out.push("")
  return out.join("\n")
}
