// The BankStatements port over a bank's statement API: `GET {baseUrl}/accounts/{accountNumber}/transactions?bin=…
// [&cursor=…]` with `Authorization: Bearer <token>`, answering `{"transactions": [{"transactionId", "accountNumber",
// "amount", "description", "bookedAt"}], "nextCursor": "…"}` — oldest first, amounts in whole đồng, negative for money
// out, `bookedAt` ISO with an offset. Vietnamese banks' open-API statement services (and the intermediaries that
// watch accounts for merchants) have this shape under their own names; the names here are ours, to be mapped to the
// bank's in this one file (see README.md: where it is a guess).
//
// What comes back is untrusted and read strictly: a page that is not JSON, a line with a missing or malformed field
// (a transaction id of plain characters, a whole amount, an instant with an offset) or without a cursor fails the whole
// page (nothing of it is settled, the cursor does not move) as ExternalServiceFailed naming the line and field; so do
// a bank that is down, slow or refuses the token.
import {
  type BankStatementLine,
  BankStatements,
  type BankStatementsShape,
  ExternalServiceFailed,
} from "@motcua/application"
import { Effect, Layer } from "effect"

export interface BankStatementHttpSettings {
  readonly baseUrl: string
  readonly token: string
  readonly timeoutMs?: number
  /** Lines per page asked (default 200). */
  readonly pageSize?: number
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** Reads one page strictly; the first problem names the line and the field. */
export function readPage(body: unknown): { lines: BankStatementLine[]; cursor: string } | { problem: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { problem: "not a JSON object" }
  const page = body as Record<string, unknown>
  if (typeof page.nextCursor !== "string" || page.nextCursor === "" || page.nextCursor.length > 500)
    return { problem: "nextCursor: missing or not text" }
  if (!Array.isArray(page.transactions)) return { problem: "transactions: not a list" }
  const lines: BankStatementLine[] = []
  for (const [i, value] of page.transactions.entries()) {
    const at = `transactions[${i}]`
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: `${at}: not an object` }
    const t = value as Record<string, unknown>
    if (typeof t.transactionId !== "string" || !ID.test(t.transactionId))
      return { problem: `${at}.transactionId: missing or malformed` }
    if (typeof t.accountNumber !== "string" || !/^[0-9A-Z]{1,19}$/.test(t.accountNumber))
      return { problem: `${at}.accountNumber: missing or malformed` }
    if (typeof t.amount !== "number" || !Number.isSafeInteger(t.amount) || t.amount === 0)
      return { problem: `${at}.amount: not a whole number of đồng` }
    if (typeof t.description !== "string" || t.description.length > 500)
      return { problem: `${at}.description: missing or too long` }
    if (typeof t.bookedAt !== "string" || !INSTANT.test(t.bookedAt) || Number.isNaN(Date.parse(t.bookedAt)))
      return { problem: `${at}.bookedAt: not an instant with an offset` }
    lines.push({
      transactionId: t.transactionId,
      accountNumber: t.accountNumber,
      amount: t.amount,
      description: t.description,
      bookedAt: t.bookedAt,
    })
  }
  return { lines, cursor: page.nextCursor }
}

export function bankStatementHttp(settings: BankStatementHttpSettings): BankStatementsShape {
  const root = settings.baseUrl.replace(/\/$/, "")
  const failed = (cause: unknown) => new ExternalServiceFailed({ port: "BankStatements", operation: "since", cause })
  return {
    since: (account, cursor) =>
      Effect.flatMap(
        Effect.tryPromise({
          try: async () => {
            const query = new URLSearchParams({ bin: account.bankBin, limit: String(settings.pageSize ?? 200) })
            if (cursor !== undefined) query.set("cursor", cursor)
            const response = await fetch(
              `${root}/accounts/${encodeURIComponent(account.accountNumber)}/transactions?${query}`,
              {
                headers: { authorization: `Bearer ${settings.token}`, accept: "application/json" },
                signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
              },
            )
            return { status: response.status, text: await response.text() }
          },
          catch: failed,
        }),
        ({ status, text }) => {
          if (status !== 200) return Effect.fail(failed(`HTTP ${status}: ${text.slice(0, 200)}`))
          let body: unknown
          try {
            body = JSON.parse(text)
          } catch {
            return Effect.fail(failed(`not JSON: ${text.slice(0, 80)}`))
          }
          const page = readPage(body)
          return "problem" in page
            ? Effect.fail(failed(`sao kê không đọc được / unreadable statement page: ${page.problem}`))
            : Effect.succeed(page)
        },
      ),
  }
}

export const BankStatementHttp = {
  layer: (settings: BankStatementHttpSettings) =>
    Layer.succeed(BankStatements, BankStatements.of(bankStatementHttp(settings))),
}
