import { CheckoutLine, type LineOptions, type TakeSlot } from "../line"
import { checkoutSettings } from ".."

/** Slots of one process (what the in-memory locking provider gives): `count` per key. */
function memorySlots(count: number) {
  const held = new Map<string, number>()
  const take: TakeSlot = async (key) => {
    const n = held.get(key) ?? 0
    if (n >= count) return null
    held.set(key, n + 1)
    return { release: async () => void held.set(key, (held.get(key) ?? 1) - 1) }
  }
  return { take, held }
}

const options = (over: Partial<LineOptions> = {}): LineOptions => ({
  concurrency: 2,
  maxWaitMs: 1_000,
  initialServiceMs: 100,
  ticketGraceMs: 5_000,
  pollMs: 5,
  ...over,
})

const tick = () => new Promise((r) => setImmediate(r))

describe("checkout line", () => {
  it("serves at most `concurrency` carts of a key at once, the others in arrival order", async () => {
    const slots = memorySlots(2)
    const line = new CheckoutLine(options({ maxWaitMs: 60_000 }), slots.take)
    const order: string[] = []
    const entries = ["a", "b", "c", "d", "e"].map((cart) =>
      line.enter("item_1", cart).then((admission) => {
        order.push(cart)
        return admission
      })
    )
    await tick()
    expect(order).toEqual(["a", "b"])
    expect(line.standing("d")).toMatchObject({ state: "waiting", position: 4 })
    const [a, b] = await Promise.all(entries.slice(0, 2))
    if (a.kind !== "served" || b.kind !== "served") throw new Error("a and b are served")
    await b.done()
    await tick()
    expect(order).toEqual(["a", "b", "c"])
    await a.done()
    await tick()
    expect(order).toEqual(["a", "b", "c", "d"])
    expect(slots.held.get("item_1")).toBe(2)
  })

  it("answers busy at once, with Retry-After, when the estimated wait passes the bound; the ticket keeps its place", async () => {
    let now = 0
    const line = new CheckoutLine(options({ concurrency: 1, maxWaitMs: 1_000, initialServiceMs: 400, now: () => now }), memorySlots(1).take)
    const first = await line.enter("item_1", "first")
    expect(first.kind).toBe("served")
    // second and third: 2 and 3 ahead-or-serving → 800 ms, 1200 ms.
    const second = line.enter("item_1", "second")
    const third = await line.enter("item_1", "third")
    expect(third).toEqual({ kind: "busy", retryAfterS: 1, position: 3, estimatedWaitS: 2 })
    expect(line.standing("third")).toMatchObject({ state: "away", position: 3, retry_after_seconds: 1 })
    // A later arrival stands behind the away ticket.
    const fourth = await line.enter("item_1", "fourth")
    expect(fourth).toMatchObject({ kind: "busy", position: 4 })

    // third comes back after the line moved: it is served before fourth.
    if (first.kind === "served") await first.done()
    const s = await second
    now += 1_000
    const back = line.enter("item_1", "third")
    const fourthBack = line.enter("item_1", "fourth")
    await tick()
    expect(line.standing("third")).toMatchObject({ state: "waiting", position: 2 })
    expect(line.standing("fourth")).toMatchObject({ state: "waiting", position: 3 })
    if (s.kind === "served") await s.done()
    expect((await back).kind).toBe("served")
    expect(line.standing("fourth")).toMatchObject({ state: "waiting", position: 2 })
    void fourthBack
  })

  it("never holds a request past the bound, even when estimates were too hopeful", async () => {
    const line = new CheckoutLine(options({ concurrency: 1, maxWaitMs: 50, initialServiceMs: 1 }), memorySlots(1).take)
    const first = await line.enter("item_1", "first")
    const started = Date.now()
    const second = await line.enter("item_1", "second")
    expect(second.kind).toBe("busy")
    expect(Date.now() - started).toBeLessThan(1_000)
    if (first.kind === "served") await first.done()
  })

  it("takes a slot freed by another process by looking again", async () => {
    let free = false
    const take: TakeSlot = async () => (free ? { release: async () => undefined } : null)
    const line = new CheckoutLine(options({ maxWaitMs: 5_000 }), take)
    const waiting = line.enter("item_1", "cart")
    await new Promise((r) => setTimeout(r, 20))
    expect(line.standing("cart")).toMatchObject({ state: "waiting" })
    free = true
    expect((await waiting).kind).toBe("served")
  })

  it("lets a fan who gave up leave the line", async () => {
    const line = new CheckoutLine(options({ concurrency: 1, maxWaitMs: 60_000 }), memorySlots(1).take)
    await line.enter("item_1", "first")
    const handlers: (() => void)[] = []
    const signal = { aborted: false, onAbort: (fn: () => void) => void handlers.push(fn) }
    const gone = line.enter("item_1", "gone", signal)
    await tick()
    handlers.forEach((fn) => fn())
    expect((await gone).kind).toBe("busy")
    expect(line.snapshot()[0]).toMatchObject({ waiting: 0, serving: 1 })
  })

  it("tells waiters at once to come back when the measured pace says their wait would pass the bound", async () => {
    let now = 0
    const line = new CheckoutLine(options({ concurrency: 1, maxWaitMs: 1_000, initialServiceMs: 100, now: () => now }), memorySlots(1).take)
    const a = await line.enter("item_1", "a")
    if (a.kind !== "served") throw new Error("a is served")
    const waiting = ["b", "c", "d", "e", "f"].map((cart) => line.enter("item_1", cart))
    await tick()
    expect(line.standing("f")).toMatchObject({ state: "waiting", position: 6 })
    // a took 600 ms, not 100: the pace is now 200 ms per completion, and d, e, f would wait past the bound.
    now = 600
    await a.done()
    const [d, e, f] = await Promise.all(waiting.slice(2))
    expect([d.kind, e.kind, f.kind]).toEqual(["busy", "busy", "busy"])
    expect(line.standing("d")).toMatchObject({ state: "away" })
    expect((await waiting[0]).kind).toBe("served")
    expect(line.standing("c")).toMatchObject({ state: "waiting", position: 2 }) // still within the bound
  })

  it("holds completions while buyers are still being admitted, but never longer than admissionFirstMs", async () => {
    let admitting = 3
    let now = 0
    const line = new CheckoutLine(options({ admitting: () => admitting, admissionFirstMs: 500, now: () => now }), memorySlots(2).take)
    let served = false
    const entry = line.enter("item_1", "a").then((admission) => {
      served = true
      return admission
    })
    await new Promise((r) => setTimeout(r, 30))
    expect(served).toBe(false) // refusals first
    admitting = 0
    await new Promise((r) => setTimeout(r, 30))
    expect(served).toBe(true)
    expect((await entry).kind).toBe("served")

    // Admissions that never stop (a steady stream of buyers) hold the head of the line at most admissionFirstMs.
    admitting = 5
    let servedB = false
    const b = line.enter("item_1", "b").then(() => (servedB = true))
    await new Promise((r) => setTimeout(r, 30))
    expect(servedB).toBe(false)
    now = 501
    await b
    expect(servedB).toBe(true)
  })

  it("reads its settings from the environment and refuses nonsense", () => {
    expect(checkoutSettings({})).toEqual({ concurrency: 4, maxWaitMs: 20_000, holdMs: 180_000, admissionFirstMs: 1_000 })
    expect(checkoutSettings({ COMEBACK_CHECKOUT_ADMISSION_FIRST_MS: "0" })).toMatchObject({ admissionFirstMs: 0 })
    expect(() => checkoutSettings({ COMEBACK_CHECKOUT_ADMISSION_FIRST_MS: "-5" })).toThrow("COMEBACK_CHECKOUT_ADMISSION_FIRST_MS")
    expect(checkoutSettings({ COMEBACK_CHECKOUT_CONCURRENCY: "8", COMEBACK_CHECKOUT_MAX_WAIT_S: "10" })).toMatchObject({ concurrency: 8, maxWaitMs: 10_000 })
    expect(() => checkoutSettings({ COMEBACK_CHECKOUT_MAX_WAIT_S: "45" })).toThrow("COMEBACK_CHECKOUT_MAX_WAIT_S must be a number above 0 and at most 25")
    expect(() => checkoutSettings({ COMEBACK_CHECKOUT_CONCURRENCY: "many" })).toThrow("COMEBACK_CHECKOUT_CONCURRENCY")
  })
})
