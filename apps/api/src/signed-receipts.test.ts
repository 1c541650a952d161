// E-receipts signed by the collecting centre (biên lai điện tử, issue 9): the receipt PDF served by
// `GET /api/v1/receipts/{id}?format=pdf` carries a PAdES signature made with the centre's own certificate through the
// Signer port (adapters/signature-x509, a development CA's PKCS#12 file named after the centre), checked by tools we
// did not write (poppler's pdfsig) and by the project's verifier against the CA's root; a replacement names the
// number it replaces, the cancelled receipt the number that replaced it; a centre without a certificate is refused.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { certificatesFromPem, createDevelopmentCa, verifyPdf } from "@motcua/signature-x509"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { citizen, residenceFiling, START, send } from "./dossier.test-support.ts"
import { CENTRE, notice, type PaymentsSystem, paymentsSystem } from "./payments.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

describe("e-receipts signed by the collecting centre (SQLite)", () => {
  let p: PaymentsSystem
  let dir = ""
  let p12Dir = ""
  let rootPem = ""
  const ca = createDevelopmentCa(
    [
      {
        signerId: CENTRE,
        name: "Trung tâm Phục vụ hành chính công phường Hồng Gai",
        organisation: "UBND phường Hồng Gai",
      },
      { signerId: "ld-hg-01", name: "Trần Văn Lãnh Đạo", organisation: "Công an phường Hồng Gai" },
    ],
    { now: new Date(START) },
  )
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    return path
  }
  const pdfsig = (pdf: Uint8Array) => {
    const run = spawnSync("pdfsig", [file("check.pdf", pdf)], { encoding: "utf8" })
    return `${run.stdout}${run.stderr}`
  }
  const pdftotext = (pdf: Uint8Array) =>
    execFileSync("pdftotext", ["-enc", "UTF-8", file("text.pdf", pdf), "-"], { encoding: "utf8" })
      .normalize("NFC")
      .replace(/\s+/g, " ")

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "motcua-receipts-"))
    p12Dir = join(dir, "signers")
    mkdirSync(p12Dir)
    // only the leader's certificate at first: the centre has none
    writeFileSync(join(p12Dir, "ld-hg-01.p12"), ca.signers.get("ld-hg-01")?.p12 ?? new Uint8Array())
    rootPem = ca.rootPem
    p = await paymentsSystem("sqlite", {
      signer: { p12Dir, p12Password: ca.password, trustedRootsPem: ca.rootPem, location: "Quảng Ninh" },
    })
  }, 60_000)
  afterAll(async () => {
    await p?.close()
    if (dir !== "") rmSync(dir, { recursive: true, force: true })
  })

  it("signs the receipt PDF with the centre's certificate; pdfsig and our verifier find it valid and whole", async () => {
    const app = p.system.app
    const filed = await send(app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": "sr-1",
    })
    const code = ((await filed.json()) as { code: string }).code
    const asked = await send(app, citizen(), "POST", `/api/v1/dossiers/${code}/payment-requests`, { channel: "vietqr" })
    const request = (await asked.json()) as { reference: string }
    const paid = await notice(p.base, { transactionId: "FT-SR-1", description: request.reference }).post()
    expect(paid.status).toBe(200)
    const listed = await send(app, citizen(), "GET", `/api/v1/dossiers/${code}/receipts`)
    const [receipt] = ((await listed.json()) as { items: Array<{ id: string; series: string }> }).items
    const path = `/api/v1/receipts/${receipt?.id}?format=pdf`

    // the centre has no certificate yet: refused, saying so, rather than served unsigned
    const refused = await send(app, citizen(), "GET", path)
    expect(refused.status).toBe(422)
    expect(JSON.stringify(await readProblem(refused))).toContain("no-certificate")

    writeFileSync(join(p12Dir, `${CENTRE}.p12`), ca.signers.get(CENTRE)?.p12 ?? new Uint8Array())
    const served = await send(app, citizen(), "GET", path)
    expect(served.status).toBe(200)
    expect(served.headers.get("x-motcua-signature")).toBe("signed")
    const pdf = new Uint8Array(await served.arrayBuffer())
    const sig = pdfsig(pdf)
    expect(sig).toContain("Signature is Valid")
    expect(sig).toContain("Total document signed")
    expect(sig).toContain("Trung tâm Phục vụ hành chính công phường Hồng Gai")
    const roots = certificatesFromPem(rootPem)
    const checked = await verifyPdf(pdf, roots)
    expect(checked).toMatchObject({ valid: true })
    expect(pdftotext(pdf)).toContain("BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ")
    // one byte changed after signing: both say so
    const altered = pdf.slice()
    const index = Math.floor(altered.length / 3)
    altered[index] = (altered[index] ?? 0) ^ 0x01
    expect(pdfsig(altered)).not.toContain("Signature is Valid")
    expect((await verifyPdf(altered, roots)).valid).toBe(false)

    // cancelled and replaced: the replacement names the number it replaces, the cancelled one its replacement's
    const head = await p.as("qt-hg-01")
    const replaced = await send(app, head, "POST", `/api/v1/receipts/${receipt?.id}/replacement`, {
      reason: "Sai tên người nộp",
      payer: { name: "Nguyễn Văn Ân", id: "022090001234" },
    })
    expect(replaced.status, await replaced.clone().text()).toBe(201)
    const { replacement } = (await replaced.json()) as { replacement: { id: string; number: number } }
    const second = await send(app, citizen(), "GET", `/api/v1/receipts/${replacement.id}?format=pdf`)
    const secondPdf = new Uint8Array(await second.arrayBuffer())
    expect(pdfsig(secondPdf)).toContain("Signature is Valid")
    expect(pdftotext(secondPdf)).toContain(`Thay thế biên lai đã hủy ký hiệu ${receipt?.series} số 0000001`)
    const first = await send(app, citizen(), "GET", path)
    const firstText = pdftotext(new Uint8Array(await first.arrayBuffer()))
    expect(firstText).toContain("BIÊN LAI ĐÃ HỦY")
    expect(firstText).toContain(
      `Được thay thế bởi biên lai ký hiệu ${receipt?.series} số ${String(replacement.number).padStart(7, "0")}`,
    )
  })
})
