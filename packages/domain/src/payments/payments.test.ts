import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import type { DossierContext } from "../dossier/context.ts"
import type { IntakePoint } from "../jurisdiction/schema.ts"
import { collectingCentre, type PaymentAccounts, paymentAccountProblems, receiptSeriesFor } from "./accounts.ts"
import { onlinePaymentIndicator } from "./indicator.ts"
import { checkAgainstRequest, type RequestToMatch, referenceInDescription } from "./matching.ts"
import { amountInWords, formatReceiptNumber } from "./receipt.ts"
import {
  findPaymentReferences,
  findRefundReferences,
  isPaymentReference,
  paymentReferenceFrom,
  refundReferenceFrom,
} from "./reference.ts"
import { refundRefusal } from "./refunds.ts"
import { parseStatementCsv, statementAmount, statementInstant } from "./statement.ts"

const bytes = fc.uint8Array({ minLength: 7, maxLength: 7 })

describe("payment references", () => {
  it("are MC + 11 characters of Crockford base 32, the last a check character", () => {
    const ref = paymentReferenceFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7]))
    expect(ref).toMatch(/^MC[0-9A-HJKMNP-TV-Z]{11}$/)
    expect(isPaymentReference(ref)).toBe(true)
    expect(refundReferenceFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7]))).toMatch(/^HT/)
  })

  test.prop([bytes, fc.nat({ max: 10 }), fc.nat({ max: 31 })])(
    "any single changed character of the body or check is caught",
    (b, position, shift) => {
      const ref = paymentReferenceFrom(b)
      const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
      const at = 2 + position
      const old = alphabet.indexOf(ref[at] as string)
      const changed = alphabet[(old + 1 + shift) % 32] as string
      if (changed === ref[at]) return
      expect(isPaymentReference(ref.slice(0, at) + changed + ref.slice(at + 1))).toBe(false)
    },
  )

  test.prop([bytes, fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 })])(
    "are found in any description around them, upper- or lower-cased",
    (b, before, after) => {
      const ref = paymentReferenceFrom(b)
      const found = findPaymentReferences(`${before} ${ref.toLowerCase()} ${after}`)
      expect(found).toContain(ref)
    },
  )

  it("finds each reference once, ignores look-alikes with a wrong check character", () => {
    const a = paymentReferenceFrom(new Uint8Array([9, 9, 9, 9, 9, 9, 9]))
    const b = paymentReferenceFrom(new Uint8Array([1, 1, 1, 1, 1, 1, 1]))
    const forged = `${a.slice(0, 12)}${a[12] === "0" ? "1" : "0"}`
    expect(findPaymentReferences(`CK ${a} NOP PHI ${a}`)).toEqual([a])
    expect(findPaymentReferences(`${a}/${b}`)).toEqual([a, b])
    expect(findPaymentReferences(`CHUYEN TIEN ${forged}`)).toEqual([])
    expect(findRefundReferences(`HOAN TRA ${refundReferenceFrom(new Uint8Array(7))} ${a}`)).toHaveLength(1)
  })
})

describe("matching a transfer to its request", () => {
  const request: RequestToMatch = {
    id: "r1",
    reference: "MC0000000000X",
    dossierCode: "D1",
    centreId: "ttphcc-06685",
    amount: 10_000,
    status: "pending",
  }
  it("credits only the exact amount to the request's own centre while it is pending", () => {
    expect(checkAgainstRequest(request, { amount: 10_000, centreId: "ttphcc-06685" })).toBeUndefined()
    expect(checkAgainstRequest(request, { amount: 9_999, centreId: "ttphcc-06685" })?.reason).toBe("underpayment")
    expect(checkAgainstRequest(request, { amount: 10_001, centreId: "ttphcc-06685" })?.reason).toBe("overpayment")
    expect(checkAgainstRequest(request, { amount: 10_000, centreId: "ttphcc-06688" })?.reason).toBe("wrong-account")
    expect(checkAgainstRequest(request, { amount: 10_000, centreId: undefined })?.reason).toBe("wrong-account")
    const paid = checkAgainstRequest({ ...request, status: "paid" }, { amount: 10_000, centreId: "ttphcc-06685" })
    expect(paid?.reason).toBe("request-closed")
    expect(paid?.detail).toContain("đã được thanh toán")
    // closed because its dossier was paid another way: held with that reason, the payment named
    const superseded = { ...request, status: "cancelled" as const, supersededBy: "gateway:GW-1" }
    const late = checkAgainstRequest(superseded, { amount: 10_000, centreId: "ttphcc-06685" })
    expect(late?.reason).toBe("paid-by-another-request")
    expect(late?.detail).toContain("paid by another payment (gateway:GW-1)")
    expect(
      checkAgainstRequest({ ...request, status: "cancelled" }, { amount: 10_000, centreId: "ttphcc-06685" })?.reason,
    ).toBe("request-closed")
    expect(checkAgainstRequest(superseded, { amount: 10_000, centreId: "ttphcc-06688" })?.reason).toBe("wrong-account")
  })
  it("holds a transfer with no reference or several", () => {
    const a = paymentReferenceFrom(new Uint8Array([5, 5, 5, 5, 5, 5, 5]))
    const b = paymentReferenceFrom(new Uint8Array([6, 6, 6, 6, 6, 6, 6]))
    expect(referenceInDescription(`NGUYEN VAN AN CK ${a}`)).toEqual({ reference: a })
    expect(referenceInDescription("NGUYEN VAN AN CHUYEN TIEN")).toMatchObject({ hold: { reason: "no-reference" } })
    expect(referenceInDescription(`${a} ${b}`)).toMatchObject({ hold: { reason: "several-references" } })
  })
})

describe("amountInWords", () => {
  it.each([
    [0, "Không đồng"],
    [5, "Năm đồng"],
    [15, "Mười lăm đồng"],
    [21, "Hai mươi mốt đồng"],
    [25, "Hai mươi lăm đồng"],
    [105, "Một trăm linh năm đồng"],
    [1_050, "Một nghìn không trăm năm mươi đồng"],
    [5_000, "Năm nghìn đồng"],
    [10_000, "Mười nghìn đồng"],
    [10_500, "Mười nghìn năm trăm đồng"],
    [1_005_000, "Một triệu không trăm linh năm nghìn đồng"],
    [1_000_000, "Một triệu đồng"],
    [2_000_000_001, "Hai tỷ không trăm linh một đồng"],
    [1_000_000_000_000, "Một nghìn tỷ đồng"],
  ])("%d → %s", (amount, words) => {
    expect(amountInWords(amount)).toBe(words)
  })
  it("refuses what is not whole đồng", () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError)
    expect(() => amountInWords(-1)).toThrow(RangeError)
  })
  it("numbers receipts with seven digits", () => {
    expect(formatReceiptNumber(12)).toBe("0000012")
  })
})

describe("bank statements (CSV)", () => {
  const header = "transaction_id,booked_at,account,amount,description"
  it("reads lines in the accepted forms: quotes, CRLF, BOM, Vietnamese headers, grouped amounts, local times", () => {
    const text = `\uFEFFma_giao_dich,thoi_gian,so_tai_khoan,so_tien,noi_dung\r\nFT1,08/10/2025 10:15:00,1133,"10.000","NGUYEN VAN AN, CK MC1"\r\nFT2,2025-10-08T03:00:00Z,1133,-5000,HOAN TRA\r\n`
    const r = parseStatementCsv(text)
    expect(r).toEqual({
      ok: true,
      lines: [
        {
          line: 2,
          transactionId: "FT1",
          bookedAt: "2025-10-08T10:15:00+07:00",
          accountNumber: "1133",
          amount: 10_000,
          description: "NGUYEN VAN AN, CK MC1",
        },
        {
          line: 3,
          transactionId: "FT2",
          bookedAt: "2025-10-08T10:00:00+07:00",
          accountNumber: "1133",
          amount: -5_000,
          description: "HOAN TRA",
        },
      ],
    })
  })
  it("reports every problem with its line and column, and uses nothing of a statement with problems", () => {
    const text = [
      header,
      "FT1,2025-10-08 10:00:00,1133,10000,ok",
      "FT1,2025-10-08 10:00:00,1133,10000,again",
      "FT3,31/02/2025 10:00:00,1133,10000.5,x",
      "FT4,2025-10-08 10:00:00,11-33,0,x",
      "FT5,2025-10-08 10:00:00,1133",
    ].join("\n")
    const r = parseStatementCsv(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems.map((p) => p.path)).toEqual([
      "dòng 3, cột transaction_id",
      "dòng 4, cột booked_at",
      "dòng 4, cột amount",
      "dòng 5, cột account",
      "dòng 5, cột amount",
      "dòng 6",
    ])
    expect(r.problems[0]?.message).toContain("trùng với dòng 2")
  })
  it("names a missing column and an unterminated quote", () => {
    expect(parseStatementCsv("transaction_id,booked_at,amount,description\n")).toEqual({
      ok: false,
      problems: [{ path: "dòng 1", message: "thiếu cột account / so_tai_khoan (missing column)" }],
    })
    const r = parseStatementCsv(`${header}\nFT1,2025-10-08 10:00,1133,10000,"open`)
    expect(r.ok === false && r.problems[0]?.message).toContain("unterminated quote")
  })
  it("amounts and instants", () => {
    expect(statementAmount("1,234,567")).toBe(1_234_567)
    expect(statementAmount("1.23")).toBeUndefined()
    expect(statementAmount("12,34")).toBeUndefined()
    expect(statementInstant("2025-10-07T20:00:00-05:00")).toBe("2025-10-08T08:00:00+07:00")
    expect(statementInstant("2025-13-01 00:00")).toBeUndefined()
  })
})

describe("centre accounts", () => {
  const point = (id: string, kind: IntakePoint["kind"], unitCode: string): IntakePoint => ({
    id,
    name: id,
    kind,
    unitCode,
    address: "x",
    returnsResultsAtHome: false,
  })
  const intakePoints = [
    point("ttphcc-tinh", "provincial-centre", "06685"),
    point("ttphcc-06685", "commune-centre", "06685"),
    point("ttphcc-06688", "commune-centre", "06688"),
    point("bd-1", "post-office", "06685"),
  ]
  const account = (centreId: string, accountNumber: string, receiptSeries: string) => ({
    centreId,
    bankBin: "970415",
    bankName: "VietinBank",
    accountNumber,
    accountName: "TT PVHCC",
    receiptSeries,
  })
  it("collects a commune-level dossier's fees at its unit's centre, a province-level one's at the provincial centre", () => {
    expect(collectingCentre({ intakePoints }, { unitCode: "06688" })?.id).toBe("ttphcc-06688")
    expect(collectingCentre({ intakePoints }, {})?.id).toBe("ttphcc-tinh")
    expect(collectingCentre({ intakePoints }, { unitCode: "07192" })?.id).toBe("ttphcc-tinh")
  })
  it("wants one account per centre, none shared, none for a post office", () => {
    const data: PaymentAccounts = {
      receiptForm: "01BLP0-001",
      collector: "x",
      accounts: [account("ttphcc-tinh", "1", "QN"), account("ttphcc-06685", "1", "QN"), account("bd-1", "3", "BD")],
    }
    expect(paymentAccountProblems({ intakePoints }, data).map((p) => p.path)).toEqual([
      "accounts[1].accountNumber",
      "accounts[1].receiptSeries",
      "accounts[2].centreId",
      "accounts",
    ])
    expect(receiptSeriesFor(account("a", "1", "HG"), 2025)).toBe("HG-25E")
  })
})

describe("the refund limit", () => {
  it("never lets refunds exceed what was paid", () => {
    expect(refundRefusal(10_000, { paid: 10_000, refunded: 0 })).toBeUndefined()
    expect(refundRefusal(1, { paid: 10_000, refunded: 10_000 })).toContain("vượt")
    expect(refundRefusal(0, { paid: 10_000, refunded: 0 })).toContain("dương")
    expect(refundRefusal(0.5, { paid: 10_000, refunded: 0 })).toContain("nguyên")
  })
})

describe("Decision 766's online-payment indicator", () => {
  const ctx = (payments: Array<{ id: string; role: "system" | "counter-officer" }>, fee = 10_000) =>
    ({
      fees: fee === 0 ? [] : [{ feeId: "f", name: "f", kind: "charge", amount: fee, due: "at-intake" }],
      obligations: [],
      payments: payments.map((p) => ({
        paymentId: p.id,
        amount: fee,
        at: "x",
        confirmedBy: { id: "a", role: p.role },
      })),
    }) as unknown as DossierContext
  it("counts dossiers that paid, and of them those paid by VietQR or a gateway", () => {
    expect(
      onlinePaymentIndicator([
        ctx([{ id: "vietqr:FT1", role: "system" }]),
        ctx([{ id: "gateway:9", role: "system" }]),
        ctx([{ id: "vietqr:FT2", role: "counter-officer" }]), // held money an officer applied: still a transfer
        ctx([{ id: "cash-1", role: "counter-officer" }]),
        ctx([]), // not paid yet
        ctx([], 0), // nothing owed
      ]),
    ).toEqual({ paid: 4, paidOnline: 3, share: 0.75 })
    expect(onlinePaymentIndicator([]).share).toBeNull()
  })
})
