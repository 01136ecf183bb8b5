import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ComebackStripeProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [ComebackStripeProviderService],
})
