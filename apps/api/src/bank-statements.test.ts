// Polling the centres' bank statement API over the real stack, on SQLite and PostgreSQL: the bank-statement-http
// adapter against a local stand-in of the bank, the same settling as the transfer notices. A credit line carrying a
// request's reference pays its dossier (receipt and all); the bank's notice of the same transaction arriving later
// is a repeat (409); polling again changes nothing; a malformed page changes nothing and the cursor stays.
import { type BankStub, startBankStub } from "@motcua/bank-statement-http/testing"
import { Result } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { statementPoll } from "./background.ts"
import { citizen, onEachDatabase, residenceFiling, send } from "./dossier.test-support.ts"
import { account, CENTRE, notice, type PaymentsSystem, paymentsSystem } from "./payments.test-support.ts"

const TOKEN = "bank-statement-token-for-tests"

onEachDatabase("the centres' bank statements, polled", (kind) => {
  let p: PaymentsSystem
  let bank: BankStub
  beforeAll(async () => {
    bank = await startBankStub(TOKEN, 10)
    p = await paymentsSystem(kind, { bankStatements: { baseUrl: bank.baseUrl, token: TOKEN, timeoutMs: 5_000 } })
  }, 60_000)
  afterAll(async () => {
    await p?.close()
    await bank?.close()
  })
  const poll = async () => {
    const done = await p.system.runtime.run(statementPoll)
    return done
  }

  it("credits a line carrying a request's reference once; its notice arriving later is a repeat", async () => {
    const app = p.system.app
    const filed = await send(app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": "bs-1",
    })
    const code = ((await filed.json()) as { code: string }).code
    const asked = await send(app, citizen(), "POST", `/api/v1/dossiers/${code}/payment-requests`, { channel: "vietqr" })
    const request = (await asked.json()) as { reference: string }
    bank.lines.set(account.accountNumber, [
      {
        transactionId: "FT-BS-1",
        accountNumber: account.accountNumber,
        amount: 10_000,
        description: `NGUYEN VAN AN ${request.reference} NOP PHI`,
        bookedAt: "2025-10-06T10:15:00+07:00",
      },
    ])
    const first = await poll()
    expect(Result.isSuccess(first) && first.success).toMatchObject({ confirmed: 1, duplicates: 0 })
    const receipts = await send(app, citizen(), "GET", `/api/v1/dossiers/${code}/receipts`)
    expect(((await receipts.json()) as { items: unknown[] }).items).toHaveLength(1)
    const late = await notice(p.base, { transactionId: "FT-BS-1", description: request.reference }).post()
    expect(late.status).toBe(409)
    const again = await poll()
    expect(Result.isSuccess(again) && again.success).toMatchObject({ confirmed: 0, held: 0, duplicates: 0 })
    const asks = bank.asked.filter((a) => a.account === account.accountNumber)
    expect(asks.map((a) => a.cursor)).toEqual([null, "c1"])

    // a malformed page: reported for the centre, nothing settled, and the next poll asks from the same cursor
    bank.answerAccount = account.accountNumber
    bank.answer = JSON.stringify({ transactions: [{ transactionId: "FT-BS-2", amount: "10000" }], nextCursor: "c9" })
    const broken = await poll()
    expect(Result.isSuccess(broken) && broken.success?.errors).toEqual([
      { centreId: CENTRE, error: expect.stringContaining("transactions[0].accountNumber") },
    ])
    await poll()
    expect(bank.asked.filter((a) => a.account === account.accountNumber).map((a) => a.cursor)).toEqual([
      null,
      "c1",
      "c1",
      "c1",
    ])
    expect(
      ((await (await send(app, citizen(), "GET", `/api/v1/dossiers/${code}/receipts`)).json()) as { items: unknown[] })
        .items,
    ).toHaveLength(1)
  })
})
