import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findGroupByCode } from "../../../../queries/group-order"
import { groupProgress } from "../../../serializers/group-order"

/** GET /store/group-orders/:code: public progress. Never members' names, emails or orders. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const group = await findGroupByCode(req.scope, req.params.code)
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no group order with the code ${req.params.code}`)
  res.json({ group_order: groupProgress(group) })
}
