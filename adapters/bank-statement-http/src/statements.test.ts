// The adapter against a local stand-in of a bank's statement API (src/testing.ts): pages followed by their cursor,
// the token and the bank's BIN sent, and every malformed page refused whole (naming the line and the field), like a
// bank that is down or refuses the token.
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bankStatementHttp } from "./statements.ts"
import { type BankStub, startBankStub } from "./testing.ts"

const TOKEN = "statement-token-for-tests"
const account = { bankBin: "970415", accountNumber: "113000006685" }
const line = (n: number, amount = 10_000) => ({
  transactionId: `FT-${n}`,
  accountNumber: account.accountNumber,
  amount,
  description: `NOP PHI ${n}`,
  bookedAt: `2025-10-06T10:0${n}:00+07:00`,
})

describe("bank-statement-http against a local stand-in of the bank", () => {
  let stub: BankStub
  const adapter = () => bankStatementHttp({ baseUrl: stub.baseUrl, token: TOKEN, timeoutMs: 5_000 })
  beforeAll(async () => {
    stub = await startBankStub(TOKEN, 2)
    stub.lines.set(account.accountNumber, [line(1), line(2), line(3, -5_000)])
  })
  afterAll(async () => stub?.close())

  it("fetches the lines since a cursor, page by page, with the bank's BIN and the token", async () => {
    const first = await Effect.runPromise(adapter().since(account, undefined))
    expect(first.lines.map((l) => l.transactionId)).toEqual(["FT-1", "FT-2"])
    const second = await Effect.runPromise(adapter().since(account, first.cursor))
    expect(second.lines).toEqual([line(3, -5_000)])
    const empty = await Effect.runPromise(adapter().since(account, second.cursor))
    expect(empty).toEqual({ lines: [], cursor: second.cursor })
    expect(stub.asked.slice(0, 2)).toEqual([
      { account: account.accountNumber, cursor: null, bin: "970415" },
      { account: account.accountNumber, cursor: first.cursor, bin: "970415" },
    ])
  })

  it.each([
    ["not JSON", "<html>", "not JSON"],
    ["no cursor", JSON.stringify({ transactions: [] }), "nextCursor"],
    [
      "a fractional amount",
      JSON.stringify({ transactions: [{ ...line(1), amount: 10.5 }], nextCursor: "c1" }),
      "transactions[0].amount",
    ],
    [
      "a local time",
      JSON.stringify({ transactions: [line(1), { ...line(2), bookedAt: "2025-10-06 10:00" }], nextCursor: "c2" }),
      "transactions[1].bookedAt",
    ],
    [
      "markup in the id",
      JSON.stringify({ transactions: [{ ...line(1), transactionId: "<b>" }], nextCursor: "c1" }),
      "transactions[0].transactionId",
    ],
  ])("refuses a whole page with %s", async (_what, body, says) => {
    stub.answer = body
    const error = await Effect.runPromise(Effect.flip(adapter().since(account, undefined)))
    expect(error._tag).toBe("ExternalServiceFailed")
    expect(error.message).toContain(says)
  })

  it("a bank that is down, or refuses the token, is a failure to try again", async () => {
    stub.down = true
    expect((await Effect.runPromise(Effect.flip(adapter().since(account, undefined)))).message).toContain("HTTP 503")
    stub.down = false
    const wrong = bankStatementHttp({ baseUrl: stub.baseUrl, token: "nope" })
    expect((await Effect.runPromise(Effect.flip(wrong.since(account, undefined)))).message).toContain("HTTP 401")
  })
})
