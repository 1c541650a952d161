// Payments end to end over HTTP, on SQLite and PostgreSQL: the bank's signed transfer notices (the real
// payment-vietqr adapter), the gateway's IPN and return (the real payment-gateway adapter against the local
// implementation of its protocol, which calls this server over HTTP), held money, refunds, receipts and daily
// reconciliation. Forged, replayed, altered-amount and wrong-dossier messages are refused with 4xx and change nothing.

import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseVietQr } from "@motcua/domain"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { citizen, onEachDatabase, residenceFiling, send, testSystem } from "./dossier.test-support.ts"
import { account, CENTRE, notice, type PaymentsSystem, paymentsSystem } from "./payments.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

/** The text of a PDF as poppler's pdftotext reads it (diacritics included), whitespace folded. */
const pdftotext = (pdf: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), "motcua-receipt-"))
  try {
    writeFileSync(join(dir, "receipt.pdf"), pdf)
    return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "receipt.pdf"), "-"], { encoding: "utf8" })
      .normalize("NFC")
      .replace(/\s+/g, " ")
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

onEachDatabase("payments over HTTP", (kind) => {
  let p: PaymentsSystem
  const app = () => p.system.app
  const file = async (key: string) => {
    const filed = await send(app(), citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": key,
    })
    expect(filed.status).toBe(201)
    return ((await filed.json()) as { code: string }).code
  }
  const ask = async (code: string, channel: "vietqr" | "gateway") => {
    const r = await send(app(), citizen(), "POST", `/api/v1/dossiers/${code}/payment-requests`, { channel })
    expect(r.status).toBe(201)
    return (await r.json()) as {
      id: string
      reference: string
      qrPayload?: string
      payUrl?: string
      amount: number
      account?: { bankBin: string; accountNumber: string; accountName: string }
    }
  }
  const dossier = async (code: string) =>
    (await (await send(app(), citizen(), "GET", `/api/v1/dossiers/${code}`)).json()) as {
      version: number
      summary: { statusCode: number }
    }
  const receipts = async (code: string) =>
    (
      (await (await send(app(), citizen(), "GET", `/api/v1/dossiers/${code}/receipts`)).json()) as {
        items: Array<{ id: string; number: number; total: number; status: string }>
      }
    ).items

  beforeAll(async () => {
    p = await paymentsSystem(kind)
  }, 60_000)
  afterAll(async () => {
    await p?.close()
  })

  it("VietQR: the request's QR (payload, PNG, SVG); a signed notice credits it once with a receipt", async () => {
    const code = await file("vietqr-1")
    const request = await ask(code, "vietqr")
    expect(request.amount).toBe(10_000)
    expect(request.qrPayload).toContain(request.reference)
    // the account shown for a transfer typed by hand is the one the QR carries
    const scanned = parseVietQr(request.qrPayload ?? "")
    expect(Result.isSuccess(scanned)).toBe(true)
    if (Result.isSuccess(scanned))
      expect(request.account).toMatchObject({
        bankBin: scanned.success.bankBin,
        accountNumber: scanned.success.accountNumber,
      })
    expect(request.account?.accountName.length).toBeGreaterThan(0)
    const png = await send(app(), citizen(), "GET", `/api/v1/dossiers/${code}/payment-requests/${request.id}/qr`)
    expect(png.headers.get("content-type")).toBe("image/png")
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    const svg = await send(
      app(),
      citizen(),
      "GET",
      `/api/v1/dossiers/${code}/payment-requests/${request.id}/qr?format=svg`,
    )
    expect(await svg.text()).toContain("<svg")
    const other = await send(app(), citizen("022090009999"), "GET", `/api/v1/dossiers/${code}/payment-requests`)
    expect(other.status).toBe(403)

    const before = await dossier(code)
    const n = notice(p.base, { transactionId: "FT-V1", description: `NGUYEN VAN AN ${request.reference} NOP PHI` })
    // forged (another secret), altered amount (the signature of the original), replayed: refused, nothing changes
    const forged = await notice(
      p.base,
      { transactionId: "FT-V1", description: request.reference },
      {
        secret: "somebody-else-s-secret-0123456789abcdef",
      },
    ).post()
    expect(forged.status).toBe(401)
    expect((await n.post(n.body.replace('"amount":10000', '"amount":1000000'))).status).toBe(401)
    expect(await dossier(code)).toEqual(before)
    const paid = await n.post()
    expect(paid.status).toBe(200)
    expect(await paid.json()).toMatchObject({ outcome: "confirmed", dossierCode: code })
    const replay = await n.post()
    expect(replay.status).toBe(409)
    expect((await readProblem(replay)).reason).toMatchObject({ outcome: "duplicate" })
    const stale = await notice(
      p.base,
      { transactionId: "FT-V2", description: request.reference },
      {
        at: Math.floor(Date.now() / 1000) - 3600,
      },
    ).post()
    expect(stale.status).toBe(401)
    expect((await dossier(code)).version).toBe(before.version + 1)
    expect(await receipts(code)).toMatchObject([{ number: 1, total: 10_000, status: "issued" }])

    // the receipt as PDF, Vietnamese text read back by pdftotext; not for another citizen
    const [issued] = await receipts(code)
    const pdf = await send(app(), citizen(), "GET", `/api/v1/receipts/${issued?.id}?format=pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get("content-type")).toBe("application/pdf")
    expect(pdf.headers.get("content-disposition")).toMatch(/^inline; filename="bien-lai-X06685-\d{2}E-0000001\.pdf"$/)
    const text = pdftotext(new Uint8Array(await pdf.arrayBuffer()))
    for (const expected of [
      "BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ",
      "Số: 0000001",
      "Họ và tên người nộp tiền: Nguyễn Văn An",
      `Mã hồ sơ: ${code}`,
      "Số tiền bằng chữ: Mười nghìn đồng",
      "Hình thức thanh toán: Chuyển khoản (VietQR)",
    ])
      expect(text).toContain(expected)
    const json = await send(app(), citizen(), "GET", `/api/v1/receipts/${issued?.id}?format=json`)
    expect(await json.json()).toMatchObject({ id: issued?.id, number: 1 })
    const foreign = await send(app(), citizen("022090009999"), "GET", `/api/v1/receipts/${issued?.id}?format=pdf`)
    expect(foreign.status).toBe(403)
    const unknown = await send(app(), citizen(), "GET", "/api/v1/receipts/no-such-receipt?format=pdf")
    expect(unknown.status).toBe(404)
  })

  it("the same notice five times at once is credited once", async () => {
    const code = await file("vietqr-burst")
    const request = await ask(code, "vietqr")
    const n = notice(p.base, { transactionId: "FT-BURST", description: request.reference })
    const answers = await Promise.all(Array.from({ length: 5 }, () => n.post()))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409])
    expect(await receipts(code)).toHaveLength(1)
  })

  it("gateway: the citizen pays on the gateway's page; its IPN credits once; the return page says so", async () => {
    const code = await file("gateway-1")
    const request = await ask(code, "gateway")
    expect(request.payUrl?.startsWith(p.simulator.payUrl)).toBe(true)
    const outcome = await p.simulator.pay(request.payUrl ?? "")
    expect(outcome.ipnAnswer?.status).toBe(200)
    expect(JSON.parse(outcome.ipnAnswer?.body ?? "{}")).toMatchObject({ RspCode: "00", outcome: "confirmed" })
    const page = await fetch(outcome.returnUrl ?? "")
    expect(await page.text()).toContain("Thanh toán thành công")
    // the web pages' own return page asks for JSON: the IPN came first, so this return is its duplicate
    const asJson = await fetch(outcome.returnUrl ?? "", { headers: { accept: "application/json" } })
    expect(asJson.headers.get("content-type")).toBe("application/json")
    expect(await asJson.json()).toEqual({ outcome: "duplicate" })
    expect(request.account).toBeUndefined()
    const ipn = p.simulator.ipnsSent.at(-1) ?? {}
    const replay = await fetch(`${p.base}/api/v1/payments/gateway/notice?${new URLSearchParams(ipn)}`)
    expect(replay.status).toBe(409)
    const altered = { ...ipn, vnp_Amount: "100" }
    expect((await fetch(`${p.base}/api/v1/payments/gateway/notice?${new URLSearchParams(altered)}`)).status).toBe(401)
    // signed, but naming another dossier than its request's: refused
    const code2 = await file("gateway-2")
    const wrong: Record<string, string> = {
      ...ipn,
      vnp_TransactionNo: "99999999",
      vnp_OrderInfo: `Thanh toan ho so ${code2}`,
    }
    delete wrong.vnp_SecureHash
    wrong.vnp_SecureHash = p.simulator.sign(wrong)
    const refused = await fetch(`${p.base}/api/v1/payments/gateway/notice?${new URLSearchParams(wrong)}`)
    expect(refused.status).toBe(422)
    expect((await readProblem(refused)).reason).toMatchObject({ reason: "wrong-dossier" })
    expect(await receipts(code)).toHaveLength(1)
    expect(await receipts(code2)).toHaveLength(0)
  })

  it("money that is not exactly asked is held; an officer sends it back through a refund the centre's head approves", async () => {
    const code = await file("held-1")
    const request = await ask(code, "vietqr")
    const over = await notice(p.base, {
      transactionId: "FT-OVER",
      amount: 20_000,
      description: request.reference,
    }).post()
    expect(await over.json()).toMatchObject({ outcome: "held", reason: "overpayment" })
    const counter = await p.as("cb-hg-01")
    const held = (await (await send(app(), counter, "GET", `/api/v1/centres/${CENTRE}/payments/held`)).json()) as {
      items: Array<{ id: string; reason: string }>
    }
    const message = held.items.find((m) => m.reason === "overpayment")
    expect(message).toBeDefined()
    const foreign = await send(app(), await p.as("cb-hh-01"), "GET", `/api/v1/centres/${CENTRE}/payments/held`)
    expect(foreign.status).toBe(403)
    const resolved = await send(app(), counter, "POST", `/api/v1/payments/held/${message?.id}/resolution`, {
      action: "return",
      note: "Nộp thừa 10.000 đồng",
    })
    expect(resolved.status).toBe(200)
    const refund = ((await resolved.json()) as { refund: { id: string; amount: number } }).refund
    expect(refund.amount).toBe(20_000)
    const again = await send(app(), counter, "POST", `/api/v1/payments/held/${message?.id}/resolution`, {
      action: "return",
      note: "x",
    })
    expect(again.status).toBe(409)
    const head = await p.as("qt-hg-01")
    // the centre's head finds it among the centre's refunds waiting for a decision; another centre's officer may not
    const waiting = async () =>
      (
        (await (await send(app(), head, "GET", `/api/v1/centres/${CENTRE}/refunds?status=requested`)).json()) as {
          items: Array<{ id: string }>
        }
      ).items.map((r) => r.id)
    expect(await waiting()).toContain(refund.id)
    expect((await send(app(), await p.as("cb-hh-01"), "GET", `/api/v1/centres/${CENTRE}/refunds`)).status).toBe(403)
    const approved = await send(app(), head, "POST", `/api/v1/refunds/${refund.id}/decision`, {
      approve: true,
      note: "",
    })
    expect(approved.status).toBe(200)
    expect(
      (await send(app(), head, "POST", `/api/v1/refunds/${refund.id}/decision`, { approve: true, note: "" })).status,
    ).toBe(409)
    expect(await waiting()).not.toContain(refund.id)
  })

  it("a refused dossier's fee is refunded once: asked by the counter, approved by a leader, paid out once", async () => {
    const code = await file("refund-1")
    const request = await ask(code, "vietqr")
    await notice(p.base, { transactionId: "FT-R1", description: request.reference }).post()
    const counter = await p.as("cb-hg-01")
    const refused = await send(app(), counter, "POST", `/api/v1/dossiers/${code}/refuse`, {
      reasons: ["Không đủ điều kiện"],
      expectedVersion: (await dossier(code)).version,
    })
    expect(refused.status).toBe(200)
    const asked = await send(app(), counter, "POST", `/api/v1/dossiers/${code}/refunds`, { note: "hoàn lệ phí" })
    expect(asked.status).toBe(201)
    const refund = (await asked.json()) as { id: string; amount: number }
    expect(refund.amount).toBe(10_000)
    const twice = await send(app(), await p.as("cb-hg-02"), "POST", `/api/v1/dossiers/${code}/refunds`, { note: "x" })
    expect(twice.status).toBe(422)
    expect(
      (await send(app(), counter, "POST", `/api/v1/refunds/${refund.id}/decision`, { approve: true, note: "" })).status,
    ).toBe(403)
    const leader = await p.as("ld-hg-01")
    expect(
      (await send(app(), leader, "POST", `/api/v1/refunds/${refund.id}/decision`, { approve: true, note: "" })).status,
    ).toBe(200)

    // the accountant's transfer back, recorded by the centre's head: approved → paid, once
    const payout = { bankReference: "FT-OUT-R1", paidOn: "2025-10-06", amount: 10_000 }
    const head = await p.as("qt-hg-01")
    const path = `/api/v1/refunds/${refund.id}/payout`
    expect((await send(app(), counter, "POST", path, payout)).status).toBe(403)
    const wrong = await send(app(), head, "POST", path, { ...payout, amount: 1_000 })
    expect(wrong.status).toBe(422)
    expect((await readProblem(wrong)).errors.map((e) => e.path)).toEqual(["body.amount"])
    const paidOut = await send(app(), head, "POST", path, { ...payout, note: "UNC số 12" })
    expect(paidOut.status, await paidOut.clone().text()).toBe(200)
    expect(await paidOut.json()).toMatchObject({
      status: "paid",
      payout: { ...payout, recordedBy: "qt-hg-01", note: "UNC số 12" },
    })
    expect((await send(app(), head, "POST", path, payout)).status).toBe(409)
    const listed = await send(app(), counter, "GET", `/api/v1/dossiers/${code}/refunds`)
    expect(((await listed.json()) as { items: Array<{ status: string }> }).items.map((r) => r.status)).toEqual(["paid"])
  })

  it("reconciles the day against the bank's statement; a broken statement is refused line by line", async () => {
    const counter = await p.as("cb-hg-01")
    const day = "2025-10-06"
    const lines = [
      "transaction_id,booked_at,account,amount,description",
      `FT-V1,${day} 10:15:00,${account.accountNumber},10000,MC`,
      `FT-BURST,${day} 10:15:00,${account.accountNumber},10000,MC`,
      `FT-R1,${day} 10:15:00,${account.accountNumber},10000,MC`,
      // the refused dossier's refund, paid out: found by the bank reference its payout recorded
      `FT-OUT-R1,${day} 16:00:00,${account.accountNumber},-10000,CHUYEN TRA LE PHI`,
    ]
    const report = await send(app(), counter, "POST", `/api/v1/centres/${CENTRE}/payments/reconciliation`, {
      date: day,
      statementCsv: lines.join("\n"),
    })
    expect(report.status).toBe(200)
    const body = (await report.json()) as {
      matched: number
      mismatches: Array<{ kind: string; transactionId?: string }>
      pendingRefunds: Array<{ amount: number }>
    }
    expect(body.matched).toBe(4)
    // the held overpayment's refund is approved, its transfer back not recorded yet
    expect(body.pendingRefunds.map((r) => r.amount)).toEqual([20_000])
    // the overpayment credited FT-OVER: on the account, returned by an approved refund; the refund's transfer back
    // and the gateway's settlement are not on this statement
    expect(body.mismatches.map((m) => m.kind)).toEqual(["confirmed-not-credited"])
    const broken = await send(app(), counter, "POST", `/api/v1/centres/${CENTRE}/payments/reconciliation`, {
      date: day,
      statementCsv: `${lines[0]}\nFT-X,${day} 10:15:00,${account.accountNumber},10.5,MC`,
    })
    expect(broken.status).toBe(422)
    expect((await readProblem(broken)).errors.map((e) => e.path)).toEqual(["body.statementCsv: dòng 2, cột amount"])
  })

  it("paid by the gateway, the dossier's VietQR request is closed at once; a transfer still sent to it is held and reconciled", async () => {
    const code = await file("superseded-1")
    const qr = await ask(code, "vietqr")
    const card = await ask(code, "gateway")
    const outcome = await p.simulator.pay(card.payUrl ?? "")
    expect(JSON.parse(outcome.ipnAnswer?.body ?? "{}")).toMatchObject({ outcome: "confirmed" })
    const view = (await (await send(app(), citizen(), "GET", `/api/v1/dossiers/${code}`)).json()) as {
      payment: { requests: Array<{ requestId: string; status: string; open: boolean; closedReason?: string }> }
    }
    const closed = view.payment.requests.find((r) => r.requestId === qr.id)
    expect(closed).toMatchObject({
      status: "cancelled",
      open: false,
      closedReason: `Hồ sơ đã được thanh toán bằng yêu cầu khác (${card.reference}) / paid by another request (${card.reference})`,
    })
    const listed = await send(app(), citizen(), "GET", `/api/v1/dossiers/${code}/payment-requests`)
    const items = ((await listed.json()) as { items: Array<{ id: string; status: string; supersededBy?: string }> })
      .items
    expect(items.find((r) => r.id === qr.id)?.supersededBy).toMatch(/^gateway:/)
    // the citizen's banking app still had the QR: held for an officer, never credited
    const late = await notice(p.base, { transactionId: "FT-LATE-1", description: `NOP PHI ${qr.reference}` }).post()
    expect(late.status).toBe(200)
    expect(await late.json()).toMatchObject({ outcome: "held", reason: "paid-by-another-request" })
    expect(await receipts(code)).toHaveLength(1)
    const counter = await p.as("cb-hg-01")
    const held = (await (await send(app(), counter, "GET", `/api/v1/centres/${CENTRE}/payments/held`)).json()) as {
      items: Array<{ reason: string; key?: string; requestId?: string }>
    }
    expect(held.items.filter((m) => m.key === "FT-LATE-1")).toMatchObject([
      { reason: "paid-by-another-request", requestId: qr.id },
    ])
    // reconciliation explains the transfer on the statement by what became of it
    const report = await send(app(), counter, "POST", `/api/v1/centres/${CENTRE}/payments/reconciliation`, {
      date: "2025-10-06",
      statementCsv: [
        "transaction_id,booked_at,account,amount,description",
        `FT-LATE-1,2025-10-06 11:00:00,${account.accountNumber},10000,NOP PHI ${qr.reference}`,
      ].join("\n"),
    })
    const mismatches = (
      (await report.json()) as { mismatches: Array<{ kind: string; transactionId?: string; reason: string }> }
    ).mismatches
    const line = mismatches.find((m) => m.transactionId === "FT-LATE-1")
    expect(line?.kind).toBe("credit-not-confirmed")
    expect(line?.reason).toContain("paid by another payment (gateway:")
  })
})

describe("the gateway's IPN answered in VNPay's form (MOTCUA_GATEWAY_IPN_ANSWER=rspcode, SQLite)", () => {
  let p: PaymentsSystem
  beforeAll(async () => {
    p = await paymentsSystem("sqlite", { gatewayIpnAnswer: "rspcode" })
  }, 60_000)
  afterAll(async () => p?.close())

  it("answers 200 with RspCode: 00 credited, 02 a repeat or a paid request, 97 forged, 01 another dossier; nothing changes", async () => {
    const app = p.system.app
    const file = async (key: string) => {
      const filed = await send(app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
        "idempotency-key": key,
      })
      return ((await filed.json()) as { code: string }).code
    }
    const receipts = async (code: string) =>
      ((await (await send(app, citizen(), "GET", `/api/v1/dossiers/${code}/receipts`)).json()) as { items: unknown[] })
        .items
    const code = await file("rsp-1")
    const asked = await send(app, citizen(), "POST", `/api/v1/dossiers/${code}/payment-requests`, {
      channel: "gateway",
    })
    const request = (await asked.json()) as { payUrl: string }
    const outcome = await p.simulator.pay(request.payUrl)
    expect(outcome.ipnAnswer?.status).toBe(200)
    expect(JSON.parse(outcome.ipnAnswer?.body ?? "{}")).toMatchObject({ RspCode: "00", outcome: "confirmed" })
    const ipn = p.simulator.ipnsSent.at(-1) ?? {}
    const answer = async (params: Record<string, string>) => {
      const response = await fetch(`${p.base}/api/v1/payments/gateway/notice?${new URLSearchParams(params)}`)
      expect(response.status).toBe(200)
      return (await response.json()) as { RspCode: string; Message: string }
    }
    expect(await answer(ipn)).toEqual({ RspCode: "02", Message: "Order already confirmed" })
    expect(await answer({ ...ipn, vnp_Amount: "100" })).toEqual({ RspCode: "97", Message: "Invalid Checksum" })
    const { vnp_TxnRef: _dropped, ...withoutRef } = ipn
    expect((await answer(withoutRef)).RspCode).toMatch(/^(97|99)$/)
    const code2 = await file("rsp-2")
    // another transaction for the request already paid: kept for an officer, "already confirmed" to the gateway
    const again: Record<string, string> = { ...ipn, vnp_TransactionNo: "77777777" }
    delete again.vnp_SecureHash
    again.vnp_SecureHash = p.simulator.sign(again)
    expect(await answer(again)).toMatchObject({ RspCode: "02", outcome: "held", reason: "request-closed" })
    const wrong: Record<string, string> = {
      ...ipn,
      vnp_TransactionNo: "88888888",
      vnp_OrderInfo: `Thanh toan ho so ${code2}`,
    }
    delete wrong.vnp_SecureHash
    wrong.vnp_SecureHash = p.simulator.sign(wrong)
    expect(await answer(wrong)).toEqual({ RspCode: "01", Message: "Order not found" })
    expect(await receipts(code)).toHaveLength(1)
    expect(await receipts(code2)).toHaveLength(0)
    // the bank's notices keep their 4xx: only the gateway speaks its own protocol
    const forged = await notice(
      p.base,
      { transactionId: "FT-RSP" },
      { secret: "another-secret-0123456789abcdefghij" },
    ).post()
    expect(forged.status).toBe(401)
  })
})

describe("payment routes without configuration", () => {
  it("answer 503 for the notices of channels not configured", async () => {
    const system = await testSystem("memory")
    try {
      const n = await system.app.request("/api/v1/payments/vietqr/notice", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
      expect(n.status).toBe(503)
      expect((await system.app.request("/api/v1/payments/gateway/notice?vnp_TxnRef=x")).status).toBe(503)
    } finally {
      await system.close()
    }
  })
})
