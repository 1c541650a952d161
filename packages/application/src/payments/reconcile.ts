// Daily reconciliation of a centre (the domain's reconcile over what the ledger holds for the day): for officers
// through the API (their centre), and for the province's staff through `motcua payments reconcile`.
import {
  accountOf,
  type PaymentMessage,
  type ReconciliationReport,
  reconcile,
  type StatementLine,
} from "@motcua/domain"
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { PaymentsNotConfigured } from "./errors.ts"
import { authorizeTarget, centreTarget } from "./requests.ts"
import { PaymentSettings } from "./settings.ts"

export interface ReconcileInput {
  /** The civil day in Vietnam, `YYYY-MM-DD`. */
  readonly date: string
  readonly centreId: string
  readonly statement?: ReadonlyArray<StatementLine>
}

/** [start, end) of a civil day in Vietnam, as ISO instants. */
export const vietnamDay = (date: string) => {
  const start = Date.parse(`${date}T00:00:00+07:00`)
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() }
}

/** Reconciles one centre's day. For tools that act for the province (the CLI); officers go through the next one. */
export const reconcileCentre = Effect.fnUntraced(function* (input: ReconcileInput) {
  const store = yield* PaymentStore
  const { accounts } = yield* PaymentSettings
  const account = accounts === undefined ? undefined : accountOf(accounts, input.centreId)
  if (account === undefined)
    return yield* Effect.fail(new PaymentsNotConfigured({ what: `no account for centre ${input.centreId}` }))
  const { from, to } = vietnamDay(input.date)
  const day = yield* store.messages({ centreId: input.centreId, from, to })
  const open = yield* store.messages({ centreId: input.centreId, unresolved: true })
  const messages = new Map<string, PaymentMessage>([...day, ...open].map((m) => [m.id, m]))
  const report: ReconciliationReport = reconcile({
    date: input.date,
    centreId: input.centreId,
    accountNumber: account.accountNumber,
    requests: yield* store.requestsOfCentre(input.centreId, from, to),
    confirmations: yield* store.confirmations({ centreId: input.centreId, from, to }),
    messages: [...messages.values()],
    refunds: yield* store.refunds({ centreId: input.centreId }),
    ...(input.statement === undefined ? {} : { statement: input.statement }),
  })
  return report
})

/** Reconciles a centre's day for an officer of that centre. */
export const reconcileForOfficer = Effect.fnUntraced(function* (principal: Principal, input: ReconcileInput) {
  yield* authorizeTarget(principal, "payment.ledger", centreTarget(input.centreId))
  return yield* reconcileCentre(input)
})
