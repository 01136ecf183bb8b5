import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z, type ZodTypeAny } from "zod"

/** `field: problem; field: problem` from a zod error: every 400 names its fields. */
export function describeIssues(issues: { path: (string | number)[]; message: string }[]) {
  return issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ")
}

/**
 * Validates the query string with a zod schema into `req.validatedQuery`.
 * (Medusa's validateAndTransformQuery also builds `fields` remote-query configs,
 * which our own resources do not use.)
 */
export function validateQuery(schema: ZodTypeAny) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.query)
    if (!parsed.success) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(parsed.error.issues)}`))
    }
    req.validatedQuery = parsed.data
    next()
  }
}

export const asArray = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value]

/** Validates the JSON body with a zod schema into `req.validatedBody`; 400 naming each bad field. */
export function validateBody(schema: ZodTypeAny) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (!parsed.success) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(parsed.error.issues)}`))
    }
    req.validatedBody = parsed.data
    next()
  }
}

/** PostgreSQL's `integer`: every count we store must fit, or the insert fails with a 500. */
export const MAX_INT = 2_147_483_647

/** A whole number from 0 to MAX_INT (a count, a quantity, a limit). */
export const count = z.number().int().min(0).max(MAX_INT)

/** `limit` (1 to maxLimit) and `offset` (0 to MAX_INT: `offset=1e30` is a 400, not page 1) of a list. */
export const paging = (defaultLimit = 20, maxLimit = 200) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  offset: z.coerce.number().int().min(0).max(MAX_INT).default(0),
})

/** An http(s) URL: anything else (javascript:, data:, file:) would run or leak wherever a storefront links it. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  // zod runs refinements even after .url() failed: an unparsable value must not throw here.
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "must be an http:// or https:// URL")

/**
 * Caps an array field of a body validated by Medusa's own schema (e.g. a cart's
 * `promo_codes`): each entry costs a lookup, so an unbounded list is a cheap way
 * to load the store. 400 naming the field.
 */
export function capArray(field: string, max: number, maxLength = 100) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const value = (req.body as Record<string, unknown> | undefined)?.[field]
    if (Array.isArray(value)) {
      if (value.length > max) return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}: at most ${max} entries`))
      if (value.some((entry) => typeof entry !== "string" || entry.length > maxLength)) {
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}: each entry must be a string of at most ${maxLength} characters`))
      }
    }
    next()
  }
}
