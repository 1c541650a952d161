// Development adapters of the outside-world ports: what a server runs until the real adapters exist. They reach
// nothing outside, log one line per call without personal data, keep only the last calls, and sign for real with
// development keys. Not for production: see docs/configuration.md for which ports are still development fakes.
import { Layer } from "effect"
import { DevicesDevelopment } from "./devices.ts"
import type { DevelopmentKeys } from "./keys.ts"
import { NotifierDevelopment } from "./notifier.ts"
import { PaymentGatewayDevelopment, type PaymentGatewayDevelopmentOptions } from "./payment-gateway.ts"
import { PortalSyncDevelopment } from "./portal-sync.ts"
import { DevelopmentCalls, type DevelopmentCallsOptions } from "./recent-calls.ts"
import { SignerDevelopment } from "./signer.ts"

export * from "./devices.ts"
export * from "./keys.ts"
export * from "./notifier.ts"
export * from "./payment-gateway.ts"
export * from "./portal-sync.ts"
export * from "./recent-calls.ts"
export * from "./signer.ts"

export interface DevelopmentOutsideOptions extends DevelopmentCallsOptions, PaymentGatewayDevelopmentOptions {
  readonly keys: DevelopmentKeys
}

/** PortalSync, Notifier, PaymentGateway, Signer, IdCardReader and Scanner in development form, with DevelopmentCalls. */
export const layerDevelopmentOutside = (options: DevelopmentOutsideOptions) =>
  Layer.mergeAll(
    PortalSyncDevelopment.layer,
    NotifierDevelopment.layer,
    PaymentGatewayDevelopment.layer(
      options.keys,
      options.payBaseUrl === undefined ? {} : { payBaseUrl: options.payBaseUrl },
    ),
    SignerDevelopment.layer(options.keys),
    DevicesDevelopment.layer,
  ).pipe(
    Layer.provideMerge(
      DevelopmentCalls.layer({
        ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
        ...(options.sink === undefined ? {} : { sink: options.sink }),
      }),
    ),
  )
