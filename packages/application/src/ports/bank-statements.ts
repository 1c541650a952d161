// A bank's statement API: the lines of a centre's collection account since a cursor, fetched by motcua (polling)
// rather than pushed (the transfer notices' webhook). Implemented by adapters/bank-statement-http; what it answers is
// untrusted and read strictly there. Credit lines are matched like transfer notices (payments/statements.ts).
import { Context, type Effect } from "effect"
import type { ExternalServiceFailed } from "./external-errors.ts"

export interface BankStatementLine {
  /** The bank's reference of the transaction: what makes a line, or a notice of it, the same payment. */
  readonly transactionId: string
  readonly accountNumber: string
  /** Whole đồng: positive money in, negative money out. */
  readonly amount: number
  readonly description: string
  /** When the bank booked it, ISO text with an offset. */
  readonly bookedAt: string
}

export interface BankStatementPage {
  readonly lines: ReadonlyArray<BankStatementLine>
  /** Where the next fetch starts (the bank's opaque cursor): saved once the page's lines are settled. */
  readonly cursor: string
}

export interface BankStatementsShape {
  /** The account's lines after `cursor` (from the start of the bank's window when undefined), oldest first. */
  readonly since: (
    account: { readonly bankBin: string; readonly accountNumber: string },
    cursor: string | undefined,
  ) => Effect.Effect<BankStatementPage, ExternalServiceFailed>
}

export class BankStatements extends Context.Service<BankStatements, BankStatementsShape>()(
  "@motcua/application/BankStatements",
) {}
