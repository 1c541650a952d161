// Polling the centres' bank statement APIs (ports/bank-statements.ts): for each centre's account, the lines since the
// cursor saved last time; each credit line is settled exactly as a transfer notice (notices.ts's settle: matched by
// the reference in its description and the amount, credited once, or held for an officer with the reason), keyed by
// the bank's reference — so a line whose transfer notice already came (or a page fetched twice) is a duplicate and
// changes nothing. Debit lines are the refunds' transfers back: reconciliation looks at them. A line of another account
// than the one asked is not trusted and is skipped (counted). The cursor is saved after the page's lines are
// settled: a poll that fails halfway starts the page again, harmlessly. A centre whose bank cannot be asked, or
// answers a page that cannot be read, is reported and asked again next time; the others go on.
import { Effect } from "effect"
import { BankStatements } from "../ports/bank-statements.ts"
import { PaymentStore } from "../ports/payment-store.ts"
import { PaymentMessageRefused, PaymentsNotConfigured } from "./errors.ts"
import { rawOf, settle } from "./notices.ts"
import { PaymentSettings } from "./settings.ts"

export interface StatementPollReport {
  readonly centres: number
  readonly confirmed: number
  readonly held: number
  /** Lines already known (their notice came first, or the page was fetched before). */
  readonly duplicates: number
  readonly rejected: number
  /** Debit lines (for reconciliation) and lines of another account than the one asked (untrusted). */
  readonly skipped: number
  /** Centres whose bank could not be asked or answered a page that could not be read: asked again next time. */
  readonly errors: ReadonlyArray<{ readonly centreId: string; readonly error: string }>
}

export const pollBankStatements = Effect.gen(function* () {
  const { accounts } = yield* PaymentSettings
  if (accounts === undefined) return yield* Effect.fail(new PaymentsNotConfigured({ what: "no centre accounts" }))
  const bank = yield* BankStatements
  const store = yield* PaymentStore
  const errors: Array<{ centreId: string; error: string }> = []
  const report = { centres: 0, confirmed: 0, held: 0, duplicates: 0, rejected: 0, skipped: 0, errors }
  for (const account of accounts.accounts) {
    const cursor = yield* store.statementCursor(account.centreId)
    const fetched = yield* Effect.result(
      bank.since({ bankBin: account.bankBin, accountNumber: account.accountNumber }, cursor),
    )
    // one bank down, or one unreadable page, does not stop the other centres: this one is asked again next time
    if (fetched._tag === "Failure") {
      errors.push({ centreId: account.centreId, error: fetched.failure.message })
      continue
    }
    const page = fetched.success
    report.centres++
    for (const line of page.lines) {
      if (line.amount <= 0 || line.accountNumber !== account.accountNumber) {
        report.skipped++
        continue
      }
      const settled = yield* Effect.result(
        settle({
          channel: "vietqr",
          kind: "statement-line",
          key: line.transactionId,
          amount: line.amount,
          paidAt: line.bookedAt,
          centreId: account.centreId,
          description: line.description,
          raw: rawOf(JSON.stringify(line)),
        }),
      )
      if (settled._tag === "Success") {
        if (settled.success.outcome === "confirmed") report.confirmed++
        else report.held++
      } else if (settled.failure instanceof PaymentMessageRefused) {
        if (settled.failure.outcome === "duplicate") report.duplicates++
        else report.rejected++
      } else return yield* Effect.fail(settled.failure)
    }
    if (page.cursor !== cursor) yield* store.saveStatementCursor(account.centreId, page.cursor)
  }
  return report satisfies StatementPollReport
})
