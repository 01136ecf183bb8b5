import http from "node:http"
import { AddressInfo } from "node:net"
import Stripe from "stripe"

/**
 * A local stand-in for the parts of Stripe's HTTP API that Medusa's Stripe
 * provider calls (payment intents, refunds), so the real provider code runs in
 * tests without reaching Stripe. Requests are recorded for assertions, and
 * `webhook()` signs events with Stripe's own library exactly as Stripe does.
 */
export type StandInIntent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_received: number
  amount_capturable: number
  currency: string
  status: string
  capture_method: string
  metadata: Record<string, string>
  client_secret: string
  latest_charge: string | null
}

export type StandInRequest = { method: string; path: string; body: Record<string, string>; auth: string }

function flatten(form: URLSearchParams) {
  const body: Record<string, string> = {}
  form.forEach((value, key) => (body[key] = value))
  return body
}

function metadataOf(body: Record<string, string>) {
  const metadata: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) {
    const match = key.match(/^metadata\[(.+)\]$/)
    if (match) metadata[match[1]] = value
  }
  return metadata
}

export async function startStripeStandIn() {
  const intents = new Map<string, StandInIntent>()
  const refunds: { id: string; payment_intent: string; amount: number }[] = []
  const requests: StandInRequest[] = []
  let counter = 0
  let refundFailures = 0
  const nextId = (prefix: string) => `${prefix}_standin${++counter}`

  const server = http.createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in")
      const body = flatten(new URLSearchParams(raw))
      requests.push({ method: req.method ?? "GET", path: url.pathname, body, auth: String(req.headers.authorization ?? "") })
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(payload))
      }
      const notFound = () => send(404, { error: { type: "invalid_request_error", message: `No such resource: ${url.pathname}` } })
      const parts = url.pathname.split("/").filter(Boolean) // v1, resource, id, action

      if (parts[1] === "payment_intents") {
        if (req.method === "POST" && parts.length === 2) {
          const id = nextId("pi")
          const intent: StandInIntent = {
            id,
            object: "payment_intent",
            amount: Number(body.amount),
            amount_received: 0,
            amount_capturable: 0,
            currency: body.currency,
            status: "requires_payment_method",
            capture_method: body.capture_method ?? "automatic",
            metadata: metadataOf(body),
            client_secret: `${id}_secret_standin`,
            latest_charge: null,
          }
          intents.set(id, intent)
          return send(200, intent)
        }
        const intent = intents.get(parts[2])
        if (!intent) return notFound()
        if (req.method === "GET") return send(200, intent)
        if (parts[3] === "capture") {
          intent.status = "succeeded"
          intent.amount_received = Number(body.amount_to_capture ?? intent.amount)
          intent.amount_capturable = 0
          return send(200, intent)
        }
        if (parts[3] === "cancel") {
          intent.status = "canceled"
          return send(200, intent)
        }
        if (body.amount) intent.amount = Number(body.amount)
        Object.assign(intent.metadata, metadataOf(body))
        return send(200, intent)
      }
      if (parts[1] === "refunds" && req.method === "POST") {
        if (refundFailures > 0) {
          refundFailures--
          return send(400, { error: { type: "invalid_request_error", message: "Refunds are unavailable (stand-in outage)" } })
        }
        const intent = intents.get(body.payment_intent)
        if (!intent) return notFound()
        const refunded = refunds.filter((r) => r.payment_intent === intent.id).reduce((sum, r) => sum + r.amount, 0)
        const amount = Number(body.amount ?? intent.amount_received - refunded)
        if (refunded + amount > intent.amount_received) {
          return send(400, { error: { type: "invalid_request_error", message: "Refund exceeds the charge" } })
        }
        const refund = { id: nextId("re"), object: "refund", payment_intent: intent.id, amount, status: "succeeded", currency: intent.currency }
        refunds.push(refund)
        return send(200, refund)
      }
      return notFound()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    refunds,
    requests,
    /** The next `count` refund requests fail, as during a provider outage. */
    failRefunds(count: number) {
      refundFailures = count
    },
    /** What Stripe.js does when the customer confirms the card: the intent succeeds. */
    confirm(intentId: string) {
      const intent = intents.get(intentId)
      if (!intent) throw new Error(`no intent ${intentId}`)
      if (intent.capture_method === "manual") {
        intent.status = "requires_capture"
        intent.amount_capturable = intent.amount
      } else {
        intent.status = "succeeded"
        intent.amount_received = intent.amount
      }
      intent.latest_charge = `ch_${intent.id}`
      return intent
    },
    /** A webhook request body and its `stripe-signature` header, signed like Stripe signs them. */
    webhook(type: string, object: unknown, secret: string) {
      const payload = JSON.stringify({
        id: nextId("evt"),
        object: "event",
        type,
        api_version: "2024-06-20",
        created: Math.floor(Date.now() / 1000),
        data: { object },
      })
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret })
      return { payload, signature }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
