import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ZodTypeAny } from "zod"

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
    ;(req as any).validatedQuery = parsed.data
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
    ;(req as any).validatedBody = parsed.data
    next()
  }
}
