import Stripe from "stripe"
// Medusa's own Stripe provider; we only add a configurable API host.
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"

type Options = {
  apiKey: string
  webhookSecret?: string
  capture?: boolean
  /** e.g. "http://127.0.0.1:12111": a local Stripe stand-in for tests. */
  apiHost?: string
}

/**
 * Medusa's Stripe payment provider (identifier `stripe`, so the provider id is
 * `pp_stripe_stripe`), unchanged except that its HTTP client may be pointed at
 * another host. In production `apiHost` is unset and this is exactly Medusa's.
 */
export default class ComebackStripeProviderService extends StripeProviderService {
  constructor(container: Record<string, unknown>, options: Options) {
    super(container, options)
    if (options.apiHost) {
      const url = new URL(options.apiHost)
      ;(this as unknown as { stripe_: Stripe }).stripe_ = new Stripe(options.apiKey, {
        host: url.hostname,
        port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
        protocol: url.protocol.replace(":", "") as "http" | "https",
        maxNetworkRetries: 0,
      })
    }
  }
}
