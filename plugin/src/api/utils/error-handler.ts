import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const medusaErrorHandler = errorHandler()

/**
 * Medusa's error handler, except that a path whose %-encoding cannot be
 * decoded (`/store/group-orders/%E0%A4%A`: Express throws a URIError while
 * matching route params) is the client's mistake, a 400, not a 500.
 */
export function comebackErrorHandler(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (error instanceof URIError || (error as Error)?.name === "URIError") {
    error = new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: path: malformed %-encoding in the URL")
  }
  return medusaErrorHandler(error, req, res, next)
}
