// The WebhookTransport port over HTTP (fetch): one POST per delivery with a timeout, redirects NOT followed (a 3xx
// is the receiver's answer, and counts as a failure: a subscription must name the final URL, and following would
// let a receiver bounce signed events elsewhere), the answer's body read and dropped (at most 64 KiB kept off).
import { WebhookTransport, WebhookTransportFailed, type WebhookTransportShape } from "@motcua/application"
import { Effect, Layer } from "effect"

export interface HttpTransportOptions {
  /** Milliseconds before a delivery is abandoned (default 10 000). */
  readonly timeoutMs?: number
}

export function httpWebhookTransport(options: HttpTransportOptions = {}): WebhookTransportShape {
  const timeoutMs = options.timeoutMs ?? 10_000
  return {
    post: (url, headers, body) =>
      Effect.tryPromise({
        try: async () => {
          const response = await fetch(url, {
            method: "POST",
            headers: { "user-agent": "motcua-webhooks/1", ...headers },
            body,
            redirect: "manual",
            signal: AbortSignal.timeout(timeoutMs),
          })
          await response.body?.cancel()
          return { status: response.status }
        },
        catch: (cause) =>
          new WebhookTransportFailed({
            reason:
              cause instanceof Error && cause.name === "TimeoutError"
                ? `no answer within ${timeoutMs} ms`
                : cause instanceof Error
                  ? `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ""}`
                  : String(cause),
          }),
      }),
  }
}

export const HttpWebhookTransport = {
  layer: (options: HttpTransportOptions = {}) => Layer.succeed(WebhookTransport, httpWebhookTransport(options)),
}
