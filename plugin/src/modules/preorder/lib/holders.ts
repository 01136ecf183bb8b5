import { customerHolder, emailHolder, normalizeEmail } from "../../../lib/holders"

export { normalizeEmail }

/** Holders a pre-order counts against: the email, and the customer account when logged in. */
export function holdersOf(line: { email?: string | null; customer_id?: string | null }) {
  const holders: string[] = []
  if (line.email) holders.push(emailHolder(line.email))
  if (line.customer_id) holders.push(customerHolder(line.customer_id))
  return holders
}
