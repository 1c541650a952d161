// motcua payments reconcile on a SQLite data folder holding a day of payments made through the use cases: a
// statement that shows exactly what was credited exits 0; a missing credit, an unknown account or a broken statement
// exits 1 with each mismatch's (or problem's) reason and place.
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import {
  CallLog,
  CatalogStore,
  Clock,
  fileOnline,
  Ids,
  openPaymentRequest,
  PaymentGateway,
  PaymentSettings,
  receiveTransferNotice,
  TEST_CALLBACK_SIGNATURE,
  TransferNotices,
  WalletStore,
} from "@motcua/application"
import { principals, residenceFiling, START } from "@motcua/application/testing"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { SqlStorage } from "@motcua/storage-sql"
import { Effect, Layer, Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cli, tempDir } from "./test-support.ts"

const data = Result.getOrThrow(loadQuangNinh())
const account = data.paymentAccounts?.accounts.find((a) => a.centreId === "ttphcc-06685")
const header = "transaction_id,booked_at,account,amount,description"

describe("motcua payments reconcile", () => {
  const dir = tempDir("payments")
  afterAll(() => dir.remove())
  beforeAll(async () => {
    const layer = Layer.mergeAll(
      SqlStorage.layerSqlite({ file: join(dir.path, "motcua.sqlite"), documentsDir: join(dir.path, "documents") }),
      CatalogStore.layerFromData({ catalogue: data.catalogue, jurisdiction: data.jurisdiction }),
      Clock.layerTest(START),
      Ids.layerTest,
      PaymentSettings.layer({ accounts: data.paymentAccounts }),
      TransferNotices.layerTest,
      WalletStore.layerMemory,
      PaymentGateway.layerTest.pipe(Layer.provide(CallLog.layer)),
    )
    await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          for (const n of [1, 2]) {
            const filed = yield* fileOnline(principals.citizen, residenceFiling(), `k${n}`)
            const request = yield* openPaymentRequest(principals.citizen, filed.code, { channel: "vietqr" })
            yield* receiveTransferNotice(
              JSON.stringify({
                signature: TEST_CALLBACK_SIGNATURE,
                transactionId: `FT-${n}`,
                accountNumber: account?.accountNumber,
                amount: 10_000,
                description: `CK ${request.reference}`,
                creditedAt: "2025-10-06T03:00:00.000Z",
              }),
              {},
            )
          }
        }),
        layer,
      ),
    )
  })
  const statement = (name: string, lines: string[]) => {
    writeFileSync(join(dir.path, name), [header, ...lines].join("\n"))
    return name
  }
  const run = (...args: string[]) =>
    cli(["payments", "reconcile", "--date", "2025-10-06", "--data", dir.path, ...args], { cwd: dir.path })

  it("exits 0 when the statement shows exactly what was credited", async () => {
    const file = statement("ok.csv", [
      `FT-1,2025-10-06 10:00:00,${account?.accountNumber},10000,CK`,
      `FT-2,2025-10-06 10:05:00,${account?.accountNumber},"10,000",CK`,
    ])
    const result = await run("--statement", file)
    expect(result.stderr).toContain("không có chênh lệch")
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("ttphcc-06685 2025-10-06: khớp 2, chênh lệch 0")
  })

  it("exits 1 and says why when something does not match", async () => {
    const file = statement("missing.csv", [
      `FT-1,2025-10-06 10:00:00,${account?.accountNumber},10000,CK`,
      `FT-9,2025-10-06 11:00:00,999999,50000,CK`,
    ])
    const result = await run("--statement", file, "--format", "json")
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {
      reports: Array<{ mismatches: Array<{ kind: string; transactionId?: string }> }>
      stray: Array<{ transactionId: string }>
    }
    expect(report.reports[0]?.mismatches).toMatchObject([{ kind: "confirmed-not-credited", transactionId: "FT-2" }])
    expect(report.stray).toMatchObject([{ transactionId: "FT-9" }])
  })

  it("refuses a broken statement with each problem's line and column, and a missing date", async () => {
    const file = statement("broken.csv", [`FT-1,2025-10-06 10:00:00,${account?.accountNumber},10000.5,CK`])
    const result = await run("--statement", file)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("broken.csv: dòng 2, cột amount")
    expect((await cli(["payments", "reconcile", "--data", dir.path])).code).toBe(2)
    expect((await cli(["payments", "nothing"])).code).toBe(2)
  })

  it("without a statement, checks requests against confirmations", async () => {
    const result = await run("--centre", "ttphcc-06685")
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("khớp 2")
  })
})
