import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { createHash, randomBytes } from "node:crypto"
import path from "node:path"
import AppCart from "./models/app-cart"
import AppChannel from "./models/app-channel"
import AppPromotion from "./models/app-promotion"
import { AppRedemption, AppRedemptionTally } from "./models/app-redemption"
import AppSession from "./models/app-session"
import SignedTokenAttestationProvider from "./providers/signed-token"
import type { AttestationProvider } from "./providers/types"
import { sqlOf } from "../../lib/sql"
import { redemptionHolders } from "./lib/redemption"
import { bindCartToSession } from "./repositories/app-cart"
import { countByPromotionAndStatus, countUse, takeRedemptionsOut, type LimitedPromotion, type RedemptionStatus } from "./repositories/app-redemption"


export type ProviderConfig = { id: string; resolve?: string; options?: Record<string, unknown> }
/** Registered alone: `{ providers }`; through the plugin, its options' `app_promotions` section. */
export type AppChannelModuleOptions = { providers?: ProviderConfig[]; app_promotions?: { providers?: ProviderConfig[] } }

export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex")

export { redemptionHolders }

/** Says at boot which app-backend keys can open app sessions, loudly when one is the public demo key. */
function logTrustedKeys(container: Record<string, unknown>, provider: SignedTokenAttestationProvider) {
  const logger = container.logger as { info: (m: string) => void; warn: (m: string) => void } | undefined
  if (!logger) return
  const ids = provider.keyIds()
  logger.info(`app attestation: ${provider.id} trusts ${ids.length ? `key ids ${ids.join(", ")}` : "no key (no app sessions until APP_ATTESTATION_KEYS is set)"}`)
  if (provider.demoKeyIds.length) {
    logger.warn(`app attestation: trusting the committed DEMO key ${provider.demoKeyIds.join(", ")} (APP_ATTESTATION_DEMO=true): anyone can mint app sessions; never in production`)
  }
}

class AppChannelModuleService extends MedusaService({ AppChannel, AppPromotion, AppSession, AppCart, AppRedemption, AppRedemptionTally }) {
  protected readonly providers_ = new Map<string, AttestationProvider>()

  constructor(container: Record<string, unknown>, options: AppChannelModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const providers = options.app_promotions?.providers ?? options.providers ?? [{ id: "signed-token", options: {} }]
    for (const config of providers) {
      if (!config.resolve && config.id === "signed-token") {
        const provider = new SignedTokenAttestationProvider(config.options as any)
        this.providers_.set(config.id, provider)
        logTrustedKeys(container, provider)
        continue
      }
      // A provider of the operator's own (App Attest, Play Integrity): its module's default export.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const loaded = require(path.resolve(process.cwd(), config.resolve ?? ""))
      const Provider = loaded.default ?? loaded
      this.providers_.set(config.id, new Provider(config.options ?? {}))
    }
  }

  providerStatus() {
    return [...this.providers_.values()].map((p) => ({ id: p.id, ...p.status() }))
  }

  /**
   * Opens an app session for an app channel: the attestation is verified by
   * the channel's provider, and can open only one session (replay protection
   * by the unique `attestation_id`). Returns the bearer token once; only its
   * hash is kept.
   */
  async openSession(input: { channel: { sales_channel_id: string; provider_id: string; platform: string; session_ttl_minutes: number }; attestation: string; device_id?: string }) {
    const provider = this.providers_.get(input.channel.provider_id)
    if (!provider) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `attestation: provider ${input.channel.provider_id} is not configured`)
    let proof: Awaited<ReturnType<AttestationProvider["verify"]>>
    try {
      proof = await provider.verify({ attestation: input.attestation, device_id: input.device_id })
    } catch (error) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `attestation: ${(error as Error).message}`)
    }
    if (input.channel.platform !== "both" && input.channel.platform !== proof.platform) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `attestation: this app channel is for ${input.channel.platform}, the device is ${proof.platform}`)
    }
    const [used] = await this.listAppSessions({ attestation_id: proof.attestation_id }, { select: ["id"], withDeleted: true })
    if (used) throw new MedusaError(MedusaError.Types.INVALID_DATA, "attestation: this attestation was already used; request a new one")
    const token = randomBytes(32).toString("base64url")
    const expires = new Date(Date.now() + input.channel.session_ttl_minutes * 60_000)
    try {
      const session = await this.createAppSessions({
        token_hash: hashSessionToken(token),
        sales_channel_id: input.channel.sales_channel_id,
        provider_id: input.channel.provider_id,
        key_id: proof.key_id ?? null,
        attestation_id: proof.attestation_id,
        device_id: proof.device_id,
        platform: proof.platform,
        expires_at: expires,
      })
      return { token, session }
    } catch (error) {
      // Two requests racing with one attestation: the unique index lets one through.
      if (/already exists|unique|duplicate/i.test((error as Error).message)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "attestation: this attestation was already used; request a new one")
      }
      throw error
    }
  }

  /** The live session a bearer token names, or null (unknown, expired or revoked). */
  async liveSession(token: string | undefined | null, now = new Date()) {
    if (!token) return null
    const [session] = await this.listAppSessions({ token_hash: hashSessionToken(token) })
    if (!session || session.revoked_at || new Date(session.expires_at) <= now) return null
    return session
  }

  /** The live session a cart was bound to, or null. */
  async liveSessionOfCart(cartId: string, now = new Date()) {
    const [binding] = await this.listAppCarts({ cart_id: cartId })
    if (!binding) return null
    const [session] = await this.listAppSessions({ id: binding.session_id })
    if (!session || session.revoked_at || new Date(session.expires_at) <= now) return null
    return session
  }

  /** Binds a cart to the session presented with it (the latest one wins). */
  @InjectTransactionManager()
  async bindCart(cartId: string, sessionId: string, @MedusaContext() sharedContext: Context = {}) {
    await bindCartToSession(sqlOf(sharedContext), cartId, sessionId)
  }

  /**
   * Reserves one use of each app promotion a checkout carries, against the
   * per-customer (email and account) and per-device limits, by conditional
   * upserts in one transaction: correct under any concurrency. Throws
   * NOT_ALLOWED naming the limit; nothing changes then.
   */
  @InjectTransactionManager()
  async reserveRedemptions(
    input: {
      promotions: LimitedPromotion[]
      cart_id: string
      session: { id: string; sales_channel_id: string; device_id: string; platform: string }
      email: string
      customer_id: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sqlOf(sharedContext)
    const ids: string[] = []
    for (const promotion of input.promotions) {
      await countUse(sql, promotion, { email: input.email, customer_id: input.customer_id, device_id: input.session.device_id })
      const [created] = await this.createAppRedemptions(
        [
          {
            promotion_id: promotion.promotion_id,
            code: promotion.code,
            cart_id: input.cart_id,
            session_id: input.session.id,
            sales_channel_id: input.session.sales_channel_id,
            device_id: input.session.device_id,
            platform: input.session.platform,
            email: input.email.trim().toLowerCase(),
            customer_id: input.customer_id,
            status: "reserved",
          },
        ],
        sharedContext
      )
      ids.push(created.id)
    }
    return ids
  }

  /** Uses per promotion by status (`placed` = orders that used it), counted in the database. */
  @InjectManager()
  async countRedemptions(promotionIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const counts: Record<string, { placed: number; reserved: number; cancelled: number }> = {}
    if (!promotionIds.length) return counts
    const rows = await countByPromotionAndStatus(sqlOf(sharedContext, "manager"), promotionIds)
    for (const id of promotionIds) counts[id] = { placed: 0, reserved: 0, cancelled: 0 }
    for (const row of rows) counts[row.promotion_id][row.status] = Number(row.n)
    return counts
  }

  /** Gives uses back (a failed checkout, a cancelled order); only rows still in `fromStatuses` move. */
  @InjectTransactionManager()
  async releaseRedemptions(
    ids: string[],
    options: { fromStatuses: Exclude<RedemptionStatus, "cancelled">[]; remove?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!ids.length) return []
    return takeRedemptionsOut(sqlOf(sharedContext), ids, options.fromStatuses, options.remove)
  }
}

export default AppChannelModuleService
