import { emailHolder } from "../../../lib/holders"

/** The holder a member counts as in a group: their email, trimmed and lower-cased. */
export const memberHolder = (email: string) => emailHolder(email)

/**
 * Whether a checkout that brought a member's units to `memberUnits` by adding
 * `added` made them a member (they had none before): only then does the group's size grow.
 */
export const joinsGroup = (memberUnits: number, added: number) => memberUnits === added

/**
 * What a fan is told when the per-member limit refused their cart: `held` is
 * what they have in the group already, or `cart`, the units of a cart that alone exceeds the limit.
 */
export function perMemberRefusal(code: string, limit: number | null, units: { cart: number } | { held: number }): string {
  const head = `Each member of group ${code} may buy up to ${limit} units`
  if ("cart" in units) return `${head}; this cart has ${units.cart}.`
  return `${head}; you have ${units.held} already and can add ${Math.max(0, (limit ?? 0) - units.held)} more.`
}

/** What a fan is told when the group refused them: full when it is open, otherwise its status. */
export function groupRefusal(code: string, status: string | null, maxMembers: number | null): string {
  return status === "open"
    ? `Group ${code} is full: it already has ${maxMembers} members.`
    : `Group ${code} is ${status ?? "gone"} and takes no new orders.`
}
