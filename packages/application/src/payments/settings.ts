// What the payment use cases need of the deployment: the centres' accounts and receipt symbols (deployment data),
// how long a payment request stays open per channel, and when the re-check job asks the gateway about one.
import type { PaymentAccounts, PaymentChannel } from "@motcua/domain"
import { Context, Layer } from "effect"

export interface PaymentSettingsShape {
  /** The centres' accounts; without them VietQR requests cannot be made and no e-receipt is issued. */
  readonly accounts: PaymentAccounts | undefined
  /** Whether a real gateway is configured (gateway requests are refused as not configured otherwise). */
  readonly gateway: boolean
  /**
   * The channel of the request a filing asks for (requests.ts's filingChannelFor): VietQR to the centre's account
   * (the default), or the gateway when one is configured.
   */
  readonly filingChannel?: PaymentChannel
  /** How long a VietQR request stays open (24 hours by default). */
  readonly vietqrTtlMs: number
  /** How long a gateway request stays open (30 minutes by default: the gateway's page expires with it). */
  readonly gatewayTtlMs: number
  /** A gateway request still pending this long after it was made is asked about (15 minutes by default). */
  readonly recheckAfterMs: number
}

export const DEFAULT_PAYMENT_SETTINGS = {
  vietqrTtlMs: 24 * 3_600_000,
  gatewayTtlMs: 30 * 60_000,
  recheckAfterMs: 15 * 60_000,
} as const

export class PaymentSettings extends Context.Service<PaymentSettings, PaymentSettingsShape>()(
  "@motcua/application/PaymentSettings",
) {
  static readonly layer = (settings: Partial<PaymentSettingsShape> & Pick<PaymentSettingsShape, "accounts">) =>
    Layer.succeed(PaymentSettings, { gateway: false, ...DEFAULT_PAYMENT_SETTINGS, ...settings })
}
