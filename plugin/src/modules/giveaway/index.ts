import { Module } from "@medusajs/framework/utils"
import GiveawayModuleService from "./service"

export const GIVEAWAY_MODULE = "giveaway"

export default Module(GIVEAWAY_MODULE, {
  service: GiveawayModuleService,
})
