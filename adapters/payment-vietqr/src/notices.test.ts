// Transfer notices as a bank or an intermediary sends them: signed ones read back exactly; forged, altered, stale,
// unsigned and malformed ones refused with what was wrong; the scheme's options (SHA-512, base64, body-only
// signatures, the sender's own field names) work as configured.
import { createHmac } from "node:crypto"
import type { CallbackRejected, TransferNotice } from "@motcua/application"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { signTransferNotice, type TransferNoticeSettings, transferNotices } from "./notices.ts"

const SECRET = "bank-webhook-secret-0123456789abcdef"
const NOW = 1_760_000_000
const settings: TransferNoticeSettings = { secret: SECRET, now: () => NOW * 1000 }
const body = JSON.stringify({
  transactionId: "FT25279123456",
  accountNumber: "11330668568",
  amount: 10000,
  description: "NGUYEN VAN AN MC7K2P9Q4XHZA NOP PHI",
  creditedAt: "2025-10-06 10:15:00",
  direction: "in",
})
const headers = (b: string, at = NOW, s: TransferNoticeSettings = settings) => ({
  "x-timestamp": String(at),
  "x-signature": signTransferNotice(s, b, at),
})
const read = (b: string, h: Record<string, string | undefined>, s: TransferNoticeSettings = settings) =>
  Effect.runPromise(Effect.result(transferNotices(s).read(b, h)))
const refusal = async (b: string, h: Record<string, string | undefined>, s: TransferNoticeSettings = settings) => {
  const r = await read(b, h, s)
  if (Result.isSuccess(r)) throw new Error("accepted")
  return r.failure as CallbackRejected
}

describe("transfer notices", () => {
  it("read a signed notice: HMAC-SHA256 of timestamp.body, hex (checked against node:crypto directly)", async () => {
    const h = headers(body)
    expect(h["x-signature"]).toBe(createHmac("sha256", SECRET).update(`${NOW}.${body}`).digest("hex"))
    expect(await read(body, h)).toEqual(
      Result.succeed({
        transactionId: "FT25279123456",
        accountNumber: "11330668568",
        amount: 10000,
        description: "NGUYEN VAN AN MC7K2P9Q4XHZA NOP PHI",
        creditedAt: "2025-10-06T10:15:00+07:00",
      } satisfies TransferNotice),
    )
  })

  it("refuse forged, altered, unsigned, stale and future notices", async () => {
    const altered = body.replace("10000", "1000000")
    expect((await refusal(altered, headers(body))).code).toBe("bad-signature")
    expect((await refusal(body, { ...headers(body), "x-signature": "00".repeat(32) })).code).toBe("bad-signature")
    expect((await refusal(body, {})).code).toBe("bad-signature")
    expect((await refusal(body, { "x-signature": headers(body)["x-signature"] })).code).toBe("bad-signature")
    const other = { ...settings, secret: "someone-else-0123456789abcdefghij" }
    expect((await refusal(body, headers(body, NOW, other))).code).toBe("bad-signature")
    expect((await refusal(body, headers(body, NOW - 601))).code).toBe("stale")
    expect((await refusal(body, headers(body, NOW + 601))).code).toBe("stale")
    // a valid signature moved to another timestamp does not verify
    expect((await refusal(body, { ...headers(body), "x-timestamp": String(NOW - 1) })).code).toBe("bad-signature")
  })

  it("refuse what is signed but not a credit notice, naming the fields", async () => {
    const signedRead = (value: unknown) => {
      const b = typeof value === "string" ? value : JSON.stringify(value)
      return refusal(b, headers(b))
    }
    const good = JSON.parse(body) as Record<string, unknown>
    expect((await signedRead("not json")).code).toBe("malformed")
    expect((await signedRead([good])).reason).toContain("đối tượng")
    const bad = await signedRead({ ...good, amount: 10000.5, accountNumber: "11-33", creditedAt: "31/02/2025 10:00" })
    expect(bad.reason).toContain("accountNumber, amount, creditedAt")
    expect((await signedRead({ ...good, amount: -5 })).reason).toContain("amount")
    expect((await signedRead({ ...good, direction: "out" })).reason).toContain("ghi nợ")
    const { transactionId: _, ...missing } = good
    expect((await signedRead(missing)).reason).toContain("transactionId")
  })

  it("follow the configured scheme: SHA-512, base64, body-only signatures, the sender's field names", async () => {
    const s: TransferNoticeSettings = {
      secret: SECRET,
      algorithm: "sha512",
      encoding: "base64",
      signed: "body",
      signatureHeader: "X-Bank-Signature",
      fields: { transactionId: "tid", amount: "transferAmount", description: "content", creditedAt: "when" },
    }
    const b = JSON.stringify({
      tid: "T1",
      accountNumber: "113",
      transferAmount: "25000",
      content: "MC1",
      when: "2025-10-06T03:15:00Z",
    })
    const signature = createHmac("sha512", SECRET).update(b).digest("base64")
    expect(await read(b, { "X-Bank-Signature": signature }, s)).toEqual(
      Result.succeed({
        transactionId: "T1",
        accountNumber: "113",
        amount: 25000,
        description: "MC1",
        creditedAt: "2025-10-06T10:15:00+07:00",
      }),
    )
    expect((await refusal(b, { "x-bank-signature": `${signature.slice(0, -4)}AAA=` }, s)).code).toBe("bad-signature")
  })
})
