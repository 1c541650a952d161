// Shared by the payments tests: the app behind a real HTTP server (the gateway's simulator calls it back), the
// simulator of the gateway's protocol, and signed bank notices as the bank posts them.
import type { ServerType } from "@hono/node-server"
import { serve } from "@hono/node-server"
import { type GatewaySimulator, startGatewaySimulator } from "@motcua/payment-gateway/testing"
import { signTransferNotice } from "@motcua/payment-vietqr"
import { type Credentials, officers, type TestSystem, testSystem } from "./dossier.test-support.ts"
import type { RuntimeOptions } from "./runtime.ts"
import { data } from "./testing.test-support.ts"

export const NOTICE_SECRET = "bank-notice-secret-for-tests-0123456789"
export const GATEWAY_SECRET = "gateway-secret-for-tests-0123456789ABCDEF"
export const MERCHANT = "MOTCUA01"
export const CENTRE = "ttphcc-06685"
export const accountOfCentre = (centreId: string) => {
  const a = data.paymentAccounts?.accounts.find((x) => x.centreId === centreId)
  if (a === undefined) throw new Error(`no sample account for ${centreId}`)
  return a
}

export const account = accountOfCentre(CENTRE)

/** A running payments system: the app behind a real HTTP server (the gateway calls it), the gateway's simulator. */
export interface PaymentsSystem {
  readonly system: TestSystem
  readonly simulator: GatewaySimulator
  readonly base: string
  readonly as: (username: string) => Promise<Credentials>
  readonly close: () => Promise<void>
}

export async function paymentsSystem(
  kind: "sqlite" | "postgres",
  /** More of the runtime's options (the filing's payment channel, …). */
  runtime: Partial<RuntimeOptions> = {},
): Promise<PaymentsSystem> {
  let system: TestSystem | undefined
  const simulator = await startGatewaySimulator({
    merchantCode: MERCHANT,
    secret: GATEWAY_SECRET,
    now: () => system?.now() ?? Date.now(),
  })
  let http: ServerType | undefined
  const port = await new Promise<number>((resolve) => {
    // the app is made after the port is known (the gateway's return URL names it); requests wait for it
    http = serve(
      {
        fetch: (request) => (system === undefined ? new Response(null, { status: 503 }) : system.app.fetch(request)),
        port: 0,
        hostname: "127.0.0.1",
      },
      (info) => resolve(info.port),
    )
  })
  const base = `http://127.0.0.1:${port}`
  system = await testSystem(kind, {
    runtime: {
      gateway: {
        payUrl: simulator.payUrl,
        queryUrl: simulator.queryUrl,
        merchantCode: MERCHANT,
        secret: GATEWAY_SECRET,
        returnUrl: `${base}/api/v1/payments/gateway/return`,
      },
      transferNotices: { secret: NOTICE_SECRET },
      ...runtime,
    },
  })
  simulator.setIpnUrl(`${base}/api/v1/payments/gateway/notice`)
  const s = system
  return {
    system: s,
    simulator,
    base,
    as: officers(s),
    close: async () => {
      await simulator.close()
      await new Promise<void>((resolve) => (http === undefined ? resolve() : http.close(() => resolve())))
      await s.close()
    },
  }
}

/** A signed transfer notice, as the bank posts it. */
export function notice(base: string, over: Record<string, unknown>, options: { secret?: string; at?: number } = {}) {
  const accountNumber = account.accountNumber
  const body = JSON.stringify({
    transactionId: "FT25279000001",
    accountNumber,
    amount: 10_000,
    description: "CHUYEN TIEN",
    creditedAt: "2025-10-06 10:15:00",
    ...over,
  })
  const at = options.at ?? Math.floor(Date.now() / 1000)
  return {
    body,
    post: (text = body, signedBody = body) =>
      fetch(`${base}/api/v1/payments/vietqr/notice`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-timestamp": String(at),
          "x-signature": signTransferNotice({ secret: options.secret ?? NOTICE_SECRET }, signedBody, at),
        },
        body: text,
      }),
  }
}
