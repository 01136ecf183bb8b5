import { Module } from "@medusajs/framework/utils"
import FinanceReportModuleService from "./service"

export const FINANCE_REPORT_MODULE = "financeReport"

export default Module(FINANCE_REPORT_MODULE, {
  service: FinanceReportModuleService,
})
