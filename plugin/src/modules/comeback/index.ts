import { Module } from "@medusajs/framework/utils"
import validateOptions from "./loaders/validate-options"
import ComebackModuleService from "./service"

/** The plugin itself: its validated options, the features a store enabled, and its hook handlers. */
export const COMEBACK_MODULE = "comeback"

export default Module(COMEBACK_MODULE, {
  service: ComebackModuleService,
  loaders: [validateOptions],
})
