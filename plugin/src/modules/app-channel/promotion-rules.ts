/**
 * The promotion-rule attribute every app-exclusive promotion requires; a cart
 * bound to a live app session carries `app_session.verified = "true"`.
 */
export const APP_SESSION_RULE_ATTRIBUTE = "app_session.verified"
export const APP_SESSION_VERIFIED = "true"
