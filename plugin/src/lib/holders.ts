/**
 * Who a per-person limit counts against, in the same words in every module:
 * `email:<address>`, `customer:<id>`, `device:<id>`. Emails compare trimmed and
 * lower-cased, so "Fan@Example.com " and "fan@example.com" share one limit.
 */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

export const emailHolder = (email: string) => `email:${normalizeEmail(email)}`
export const customerHolder = (customerId: string) => `customer:${customerId}`
export const deviceHolder = (deviceId: string) => `device:${deviceId}`
