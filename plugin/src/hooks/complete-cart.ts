/**
 * Cart completion (Medusa's standard POST /store/carts/:id/complete), before the
 * order is created and the payment authorized. Medusa allows one handler per
 * hook, so every feature's checkout reservation (src/checkout/reservations.ts)
 * runs from here, in order: pre-order units, a group place, app-offer uses.
 * The plugin registers it unless the store names the hook in `host_hooks` and
 * calls it from its own handler.
 *
 * Any reservation can refuse the cart with a clear message (no order, no
 * payment); what the others took is given back. If anything later in the
 * completion fails, the compensation gives all of it back.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHECKOUT_RESERVATIONS, type CheckoutHold, type CheckoutReservation, type CompletingCart } from "../checkout/reservations"
import { enabledFeatures } from "./features"

export type DropCheckoutReservation = CheckoutHold

const reservations = CHECKOUT_RESERVATIONS as readonly CheckoutReservation<unknown>[]

async function release(container: MedusaContainer, hold: CheckoutHold) {
  for (const reservation of [...reservations].reverse()) {
    const held = hold[reservation.feature]
    if (held !== undefined && held !== null) await reservation.release(container, held)
  }
}

/** The `completeCartWorkflow.validate` handler: reserves, or refuses the cart with a 400 and gives back what it took. */
export async function reserveDropCheckout({ cart }: { input: { id: string }; cart: unknown }, { container }: { container: MedusaContainer }) {
  const features = enabledFeatures(container)
  // The cart Medusa loaded for this completion: no reservation reloads it.
  const completing = cart as CompletingCart
  const hold: CheckoutHold = {}
  try {
    for (const reservation of reservations) {
      if (!features[reservation.feature]) continue
      const held = await reservation.reserve(container, completing)
      if (held !== null) hold[reservation.feature] = held
    }
  } catch (error) {
    await release(container, hold)
    throw error
  }
  return new StepResponse(undefined, hold)
}

/** Its compensation: gives back everything `reserveDropCheckout` reserved when a later step of the completion fails. */
export async function releaseDropCheckout(hold: DropCheckoutReservation | undefined, { container }: { container: MedusaContainer }) {
  if (hold) await release(container, hold)
}
