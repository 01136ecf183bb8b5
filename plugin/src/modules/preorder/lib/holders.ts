export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** Holders a pre-order counts against: the email, and the customer account when logged in. */
export function holdersOf(line: { email?: string | null; customer_id?: string | null }) {
  const holders: string[] = []
  if (line.email) holders.push(`email:${normalizeEmail(line.email)}`)
  if (line.customer_id) holders.push(`customer:${line.customer_id}`)
  return holders
}
