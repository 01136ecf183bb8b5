import { Module } from "@medusajs/framework/utils"
import AppChannelModuleService from "./service"

export const APP_CHANNEL_MODULE = "appChannel"

export default Module(APP_CHANNEL_MODULE, {
  service: AppChannelModuleService,
})
