// The scheduled check of a supplementation deadline (an outbox row made available at the deadline): when the
// applicant has not supplemented in time, processing stops. Idempotent by the check's key.
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { act, type DossierView } from "../dossier/engine.ts"
import { onceFor } from "../idempotency.ts"

export const supplementationDeadlinePassed = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  idempotencyKey: string,
) {
  const answer: DossierView = yield* onceFor(
    "deadline.check",
    idempotencyKey,
    { code },
    act({
      principal,
      action: "dossier.deadlinePassed",
      code,
      event: { type: "supplementationDeadlinePassed" },
    }),
  )
  return answer
})
