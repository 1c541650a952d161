// Sending one webhook delivery over HTTP: an adapter (adapters/webhook-http) POSTs the signed body; the application
// decides what to send, to whom, and what a failure means.
import { Context, Data, type Effect } from "effect"

export class WebhookTransportFailed extends Data.TaggedError("WebhookTransportFailed")<{
  readonly reason: string
}> {
  override get message(): string {
    return `không gửi được webhook (webhook delivery failed): ${this.reason}`
  }
}

export interface WebhookTransportShape {
  /** POSTs `body` with `headers`; answers the receiver's status, or fails when there was no answer in time. */
  readonly post: (
    url: string,
    headers: Readonly<Record<string, string>>,
    body: string,
  ) => Effect.Effect<{ readonly status: number }, WebhookTransportFailed>
}

export class WebhookTransport extends Context.Service<WebhookTransport, WebhookTransportShape>()(
  "@motcua/application/WebhookTransport",
) {}
