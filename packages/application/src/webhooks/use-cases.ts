// The webhook use cases: an integration client or the province administrator subscribes a URL to event types, lists
// and removes its subscriptions, re-enables a disabled one, reads its delivery attempts, and asks for a test delivery.
// An integration client sees only its own subscriptions and receives only its authorities' events; the province
// administrator sees and receives all.
import { Data, Effect } from "effect"
import { authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { Forbidden } from "../errors.ts"
import { Clock } from "../ports/clock.ts"
import { Ids } from "../ports/ids.ts"
import { WebhookStore, type WebhookSubscription } from "../ports/webhook-store.ts"
import { deliverTo } from "./deliver.ts"
import { webhookEventTypes } from "./events.ts"

/** A subscription request that cannot be taken (HTTP 422), with the field at fault. */
export class WebhookRefused extends Data.TaggedError("WebhookRefused")<{
  readonly field: string
  readonly detail: string
}> {
  override get message(): string {
    return `không đăng ký được webhook (webhook refused): ${this.detail}`
  }
}

/** No such subscription among the caller's (HTTP 404): another owner's is not found either. */
export class WebhookNotFound extends Data.TaggedError("WebhookNotFound")<{ readonly id: string }> {
  override get message(): string {
    return `không có đăng ký webhook ${this.id} (no such webhook subscription)`
  }
}

export interface SubscribeInput {
  readonly url: string
  readonly eventTypes: ReadonlyArray<string>
  /** At least 32 characters; made up when not given (and shown once, in the answer). */
  readonly secret?: string
}

export interface WebhookRules {
  /** Plain http:// receivers (development and tests only); https:// otherwise. */
  readonly allowHttp: boolean
}

/** What the owner sees of a subscription: everything but the secret. */
export type WebhookView = Omit<WebhookSubscription, "secret">
export const viewOf = ({ secret: _secret, ...view }: WebhookSubscription): WebhookView => view

const allowed = (principal: Principal) =>
  Effect.gen(function* () {
    const decision = authorize(principal, "webhook.manage", {})
    if (!decision.allow)
      return yield* Effect.fail(
        new Forbidden({ principalId: principal.id, action: "webhook.manage", reason: decision.reason }),
      )
  })

const agencyCodesOf = (principal: Principal): ReadonlyArray<string> | undefined =>
  principal.scope._tag === "Integration" ? principal.scope.agencyCodes : undefined

const owned = (principal: Principal, id: string) =>
  Effect.gen(function* () {
    yield* allowed(principal)
    const found = yield* (yield* WebhookStore).find(id)
    const sees = found !== undefined && (principal.roles.includes("province-admin") || found.ownerId === principal.id)
    if (!sees) return yield* Effect.fail(new WebhookNotFound({ id }))
    return found
  })

function urlProblem(text: string, rules: WebhookRules): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return "không phải URL (not a URL)"
  }
  if (url.protocol !== "https:" && !(rules.allowHttp && url.protocol === "http:"))
    return "phải là https:// (must be https://)"
  if (url.username !== "" || url.password !== "")
    return "không được chứa tên đăng nhập, mật khẩu (no credentials in the URL)"
  return undefined
}

export const subscribeWebhook = Effect.fnUntraced(function* (
  principal: Principal,
  input: SubscribeInput,
  rules: WebhookRules,
) {
  yield* allowed(principal)
  const problem = urlProblem(input.url, rules)
  if (problem !== undefined) return yield* Effect.fail(new WebhookRefused({ field: "url", detail: problem }))
  const known = new Set<string>([...webhookEventTypes, "*"])
  const unknown = input.eventTypes.filter((t) => !known.has(t))
  if (input.eventTypes.length === 0 || unknown.length > 0)
    return yield* Effect.fail(
      new WebhookRefused({
        field: "eventTypes",
        detail:
          unknown.length > 0
            ? `loại sự kiện không có (unknown event types): ${unknown.join(", ")}`
            : "cần ít nhất một loại sự kiện (at least one event type)",
      }),
    )
  if (input.secret !== undefined && input.secret.length < 32)
    return yield* Effect.fail(
      new WebhookRefused({ field: "secret", detail: "ít nhất 32 ký tự (at least 32 characters)" }),
    )
  const ids = yield* Ids
  const subscription: WebhookSubscription = {
    id: yield* ids.next("webhook"),
    ownerId: principal.id,
    agencyCodes: agencyCodesOf(principal),
    url: input.url,
    eventTypes: [...new Set(input.eventTypes)],
    secret:
      input.secret ?? `whsec_${crypto.randomUUID().replaceAll("-", "")}${crypto.randomUUID().replaceAll("-", "")}`,
    createdAt: yield* (yield* Clock).now,
    consecutiveFailures: 0,
    disabledAt: null,
  }
  yield* (yield* WebhookStore).create(subscription)
  return subscription
})

export const listWebhooks = Effect.fnUntraced(function* (principal: Principal) {
  yield* allowed(principal)
  const store = yield* WebhookStore
  const all = yield* store.list(principal.roles.includes("province-admin") ? undefined : principal.id)
  return all.map(viewOf)
})

export const removeWebhook = Effect.fnUntraced(function* (principal: Principal, id: string) {
  yield* owned(principal, id)
  yield* (yield* WebhookStore).remove(id)
})

export const enableWebhook = Effect.fnUntraced(function* (principal: Principal, id: string) {
  yield* owned(principal, id)
  yield* (yield* WebhookStore).enable(id)
  return viewOf((yield* (yield* WebhookStore).find(id)) as WebhookSubscription)
})

export const webhookAttempts = Effect.fnUntraced(function* (principal: Principal, id: string, limit = 50) {
  yield* owned(principal, id)
  return yield* (yield* WebhookStore).attempts(id, limit)
})

/** Sends a `webhook.test` event to the subscription now and answers how it went (also when disabled). */
export const testWebhook = Effect.fnUntraced(function* (principal: Principal, id: string) {
  const subscription = yield* owned(principal, id)
  const ids = yield* Ids
  return yield* deliverTo(subscription, {
    id: yield* ids.next("event"),
    type: "webhook.test",
    occurredAt: yield* (yield* Clock).now,
    agencyCode: null,
    data: { message: "Kiểm tra webhook của motcua (a test delivery)" },
  })
})
