// The outbox as the province's operator sees it (motcua outbox …, GET/POST /api/v1/admin/outbox…): rows by status,
// topic or dossier with their attempts and last error (never their payload, which may carry personal data),
// retrying dead rows, and the relay's backlog and lag. Only the province administrator (policy: outbox.manage).
import { Effect } from "effect"
import { authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { Forbidden } from "../errors.ts"
import { Outbox, type OutboxQuery } from "../ports/outbox.ts"
import { outboxLag } from "./relay.ts"

const allowed = (principal: Principal) => {
  const decision = authorize(principal, "outbox.manage", {})
  return decision.allow
    ? Effect.void
    : Effect.fail(new Forbidden({ principalId: principal.id, action: "outbox.manage", reason: decision.reason }))
}

/** Rows of the outbox for the operator, by id (at most 500 a page). */
export const listOutbox = Effect.fnUntraced(function* (principal: Principal, query: OutboxQuery) {
  yield* allowed(principal)
  return yield* (yield* Outbox).list({ ...query, limit: Math.min(500, Math.max(1, query.limit)) })
})

/** Offers dead rows again (the ids given, or every dead row); answers the ids retried. */
export const retryOutbox = Effect.fnUntraced(function* (principal: Principal, which: ReadonlyArray<number> | "all") {
  yield* allowed(principal)
  const retried = yield* (yield* Outbox).retryDead(which)
  yield* Effect.logInfo("outbox: dead rows offered again by an operator", { by: principal.id, ids: retried })
  return retried
})

/** The relay's backlog and lag. */
export const outboxBacklog = Effect.fnUntraced(function* (principal: Principal) {
  yield* allowed(principal)
  return yield* outboxLag
})
