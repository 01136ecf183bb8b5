import { model } from "@medusajs/framework/utils"

/** Which app session a cart was priced under; written only when a request presents that session's token. */
const AppCart = model
  .define("app_cart", {
    id: model.id({ prefix: "appcart" }).primaryKey(),
    cart_id: model.text(),
    session_id: model.text(),
  })
  .indexes([{ on: ["cart_id"], unique: true, where: "deleted_at IS NULL" }])

export default AppCart
