// A dossier over HTTP from filing to return with X.509 signing configured (the development CA's files, as
// `motcua keys dev-ca` makes them), on SQLite and on PostgreSQL: the result PDF is signed so that pdfsig reports it
// valid and openssl cms -verify accepts it against the root; its text has the dossier code and the citizen-facing
// title; its QR code decodes (zbarimg) to the verification URL, whose page and JSON say valid, then revoked once
// revoked; a changed copy is reported modified; bad uploads and an expired or not yet valid certificate are
// refused with a clear 422.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { signDevelopmentPaymentCallback } from "@motcua/application"
import { paidCallback } from "@motcua/application/testing"
import { createDevelopmentCa, signaturesIn } from "@motcua/signature-x509"
import { afterAll, beforeAll, expect, it } from "vitest"
import {
  type Credentials,
  citizen,
  DAY,
  gateway,
  HOUR,
  officers,
  onEachDatabase,
  residenceFiling,
  START,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { readProblem } from "./testing.test-support.ts"

const PUBLIC_URL = "https://dichvucong.quangninh.test"
const TITLE = "Thông báo kết quả giải quyết thủ tục đăng ký cư trú"

onEachDatabase("signed results over HTTP (X.509 with the development CA)", (kind) => {
  let dir = ""
  const inDir = (name: string, bytes: Uint8Array | string) => {
    const file = join(dir, name)
    writeFileSync(file, bytes)
    return file
  }
  const pdfsig = (pdf: Uint8Array) =>
    spawnSync("pdfsig", ["-nocert", inDir("check.pdf", pdf)], { encoding: "utf8" }).stdout
  const pdftotext = (pdf: Uint8Array) =>
    execFileSync("pdftotext", ["-enc", "UTF-8", inDir("text.pdf", pdf), "-"], { encoding: "utf8" }).replace(/\s+/g, " ")
  const qrCodes = (pdf: Uint8Array) => {
    const file = inDir("qr.pdf", pdf)
    execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", file, join(dir, "qr")])
    return spawnSync("zbarimg", ["-q", "--raw", "-Sbinary", join(dir, "qr.png")])
      .stdout.toString("utf8")
      .trim()
  }

  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  let rootFile: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "motcua-signed-"))
    // certificates valid from the test clock's start (6 October 2025) for three years
    const ca = createDevelopmentCa(
      [{ signerId: "ld-hg-01", name: "Trần Văn Lãnh Đạo", organisation: "Công an phường Hồng Gai" }],
      { now: new Date(START) },
    )
    const p12Dir = join(dir, "signers")
    execFileSync("mkdir", ["-p", p12Dir])
    for (const [id, file] of ca.signers) writeFileSync(join(p12Dir, `${id}.p12`), file.p12)
    rootFile = inDir("root.pem", ca.rootPem)
    system = await testSystem(kind, {
      publicUrl: PUBLIC_URL,
      signer: { p12Dir, p12Password: ca.password, trustedRootsPem: ca.rootPem, location: "Quảng Ninh" },
    })
    as = officers(system)
  }, 60_000)
  afterAll(async () => {
    await system?.close()
    if (dir !== "") rmSync(dir, { recursive: true, force: true })
  })

  const post = (c: Credentials, path: string, body: unknown, headers?: Record<string, string>) =>
    send(system.app, c, "POST", path, body, headers)

  /** Files a dossier and takes it to the leader's approval (on `on`, the test's system by default). */
  async function approved(key: string, on: TestSystem = system): Promise<{ code: string; version: number }> {
    const officer = on === system ? as : officers(on)
    const filed = await send(on.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": key,
    })
    expect(filed.status).toBe(201)
    let { code, version } = (await filed.json()) as { code: string; version: number }
    const step = async (who: string, segment: string, body: object = {}) => {
      const answer = await send(on.app, await officer(who), "POST", `/api/v1/dossiers/${code}/${segment}`, {
        expectedVersion: version,
        ...body,
      })
      const text = await answer.text()
      expect(answer.status, text).toBe(200)
      version = (JSON.parse(text) as { version: number }).version
    }
    on.advance(HOUR)
    await step("cb-hg-01", "accept")
    await step("cb-hg-01", "complete-step", { assigneeId: "cv-hg-01" })
    on.advance(DAY)
    await step("cv-hg-01", "complete-step")
    await step("ld-hg-01", "approve", { note: "Đồng ý đăng ký thường trú" })
    return { code, version }
  }

  let signedPdf: Uint8Array
  let verificationId: string
  let signedCode: string

  it("the whole lifecycle ends with a signed result PDF: pdfsig valid, openssl accepts, text and QR as issued", async () => {
    let { code, version } = await approved("signed-1")
    signedCode = code
    const step = async (who: Credentials, segment: string, body: object = {}) => {
      const answer = await post(who, `/api/v1/dossiers/${code}/${segment}`, { expectedVersion: version, ...body })
      const text = await answer.text()
      expect(answer.status, text).toBe(200)
      version = (JSON.parse(text) as { version: number }).version
    }
    system.advance(10 * 60_000)
    await step(await as("ld-hg-01"), "sign")
    const listed = await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}/results`)
    expect(listed.status).toBe(200)
    const { items } = (await listed.json()) as {
      items: Array<{ verificationId: string; documentId: string; url: string }>
    }
    expect(items).toHaveLength(1)
    verificationId = items[0]?.verificationId ?? ""
    expect(items[0]?.url).toBe(`${PUBLIC_URL}/verify/${verificationId}`)
    await step(await as("ld-hg-01"), "complete-step")
    const notice = paidCallback(code)
    const callback = {
      ...notice,
      signature: signDevelopmentPaymentCallback(system.runtime.developmentKeys.paymentSecret, notice),
    }
    const paid = await post(gateway(), "/api/v1/payments/callback", callback, { "idempotency-key": "signed-cb-1" })
    expect(paid.status).toBe(200)
    version = ((await paid.json()) as { version: number }).version
    await step(await as("vt-hg-01"), "complete-step")
    await step(await as("cb-hg-01"), "mark-result-ready", { resultDocumentIds: [items[0]?.documentId] })
    await step(await as("cb-hg-01"), "return-result", { method: "e-wallet" })

    // the citizen downloads the signed result
    const download = await send(system.app, citizen(), "GET", `/api/v1/results/${verificationId}/pdf`)
    expect(download.status).toBe(200)
    expect(download.headers.get("content-type")).toBe("application/pdf")
    signedPdf = new Uint8Array(await download.arrayBuffer())

    const report = pdfsig(signedPdf)
    expect(report).toContain("Signature Validation: Signature is Valid.")
    expect(report).toContain("Total document signed")
    expect(report).toContain("Signer Certificate Common Name: Trần Văn Lãnh Đạo")
    const [signature] = signaturesIn(signedPdf)
    if (signature === undefined) throw new Error("no signature in the result")
    const cms = spawnSync(
      "openssl",
      ["cms", "-verify", "-binary", "-inform", "DER", "-in", inDir("sig.der", signature.cms)]
        .concat(["-content", inDir("content.bin", signature.signedBytes), "-CAfile", rootFile, "-purpose", "any"])
        .concat(["-out", "/dev/null"]),
      { encoding: "utf8" },
    )
    expect(`${cms.stdout}${cms.stderr}`).toContain("Verification successful")

    const text = pdftotext(signedPdf)
    expect(text).toContain(code)
    expect(text.normalize("NFC")).toContain(TITLE.toLocaleUpperCase("vi"))
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    // under the signature: the leader's name as their account has it, not the account id
    expect(text.normalize("NFC")).toContain("Lãnh đạo Công an phường Hồng Gai")
    expect(text).not.toContain("ld-hg-01")
    expect(qrCodes(signedPdf)).toBe(`${PUBLIC_URL}/verify/${verificationId}`)

    // the audit entry of the signature records the file's SHA-256 and the certificate's serial
    const audit = (await (
      await send(system.app, await as("tt-01"), "GET", `/api/v1/dossiers/${code}/audit`)
    ).json()) as { items: Array<{ action: string }> }
    const signed = JSON.stringify(audit.items.find((e) => e.action === "dossier.sign"))
    const sha256 = execFileSync("sha256sum", [inDir("sha.pdf", signedPdf)], { encoding: "utf8" }).split(" ")[0] ?? ""
    expect(signed).toContain(sha256)
    const serial = execFileSync("openssl", ["x509", "-noout", "-serial"], {
      input: execFileSync("openssl", ["pkcs7", "-inform", "DER", "-print_certs"], { input: signature.cms }),
      encoding: "utf8",
    })
    expect(signed).toContain(serial.trim().replace("serial=", ""))
  }, 120_000)

  it("anyone verifies the result by its code: JSON, the HTML page, and an uploaded copy (the same, or changed)", async () => {
    const answer = await system.app.request(`/api/v1/verify/${verificationId}`)
    expect(answer.status).toBe(200)
    const result = (await answer.json()) as Record<string, unknown>
    expect(result).toMatchObject({
      status: "valid",
      title: expect.stringContaining(TITLE),
      procedureCode: "1.004222",
      signer: { commonName: "Trần Văn Lãnh Đạo" },
    })
    expect(JSON.stringify(result)).not.toContain("022090001234")
    expect(JSON.stringify(result)).not.toContain("Nguyễn Văn An")

    const page = await system.app.request(`/verify/${verificationId}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain("Kết quả hợp lệ, đang có hiệu lực")
    expect(html).toContain("Trần Văn Lãnh Đạo")

    const upload = (bytes: Uint8Array) =>
      system.app.request(`/api/v1/verify/${verificationId}`, {
        method: "POST",
        headers: { "content-type": "application/pdf" },
        body: bytes as Uint8Array<ArrayBuffer>,
      })
    const same = (await (await upload(signedPdf)).json()) as Record<string, unknown>
    expect(same).toMatchObject({ matchesIssued: true, authentic: true, signature: { checked: true, valid: true } })
    const changed = new Uint8Array(signedPdf)
    const at = Buffer.from(changed).toString("latin1").indexOf("/MediaBox")
    changed[at + 12] = changed[at + 12] === 0x31 ? 0x32 : 0x31
    const other = (await (await upload(changed)).json()) as {
      authentic: boolean
      verdict: string
      signature: { problems: string[] }
    }
    expect(other.authentic).toBe(false)
    expect(other.signature.problems).toContain("modified")
    expect(other.verdict).toContain("đã bị sửa sau khi ký")
    // the form on the page posts a file the same way
    const form = new FormData()
    form.append("file", new Blob([changed as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), "kq.pdf")
    const posted = await system.app.request(`/verify/${verificationId}`, { method: "POST", body: form })
    expect(await posted.text()).toContain("đã bị sửa sau khi ký")

    const unknown = await system.app.request("/api/v1/verify/ABCDEFGHJKLMNPQR")
    expect(unknown.status).toBe(404)
    expect((await readProblem(unknown)).detail).toContain("không có kết quả nào")
    expect((await system.app.request("/verify/ABCDEFGHJKLMNPQR")).status).toBe(404)
  })

  it("a revoked result says so on its page, in its JSON and in the check of an uploaded copy", async () => {
    const revoked = await post(await as("ld-hg-01"), `/api/v1/results/${verificationId}/revoke`, {
      reason: "Cấp nhầm đối tượng",
    })
    expect(revoked.status).toBe(200)
    const page = await (await system.app.request(`/verify/${verificationId}`)).text()
    expect(page).toContain("đã bị thu hồi")
    expect(page).toContain("Cấp nhầm đối tượng")
    expect(page).not.toContain("Kết quả hợp lệ, đang có hiệu lực")
    const json = await system.app.request(`/api/v1/verify/${verificationId}`)
    expect(json.status).toBe(200)
    expect(await json.json()).toMatchObject({ status: "revoked", revocationReason: "Cấp nhầm đối tượng" })
    const check = (await (
      await system.app.request(`/api/v1/verify/${verificationId}`, {
        method: "POST",
        headers: { "content-type": "application/pdf" },
        body: signedPdf as Uint8Array<ArrayBuffer>,
      })
    ).json()) as { authentic: boolean; result: { status: string; revocationReason: string } }
    expect(check).toMatchObject({
      authentic: false,
      result: { status: "revoked", revocationReason: "Cấp nhầm đối tượng" },
    })
  })

  it("a corrected result replaces the revoked one: each names the other, the wallet marks the old, tools verify the new", async () => {
    const code = signedCode
    const leader = await as("ld-hg-01")
    const version = async () =>
      ((await (await send(system.app, leader, "GET", `/api/v1/dossiers/${code}`)).json()) as { version: number })
        .version
    // only a leader of the authority may: the specialist is refused, and nothing changes
    const before = await version()
    const specialist = await post(await as("cv-hg-01"), `/api/v1/dossiers/${code}/replace-result`, {
      expectedVersion: before,
      reason: "Sai địa chỉ",
    })
    expect(specialist.status).toBe(403)
    system.advance(HOUR)
    const replaced = await post(leader, `/api/v1/dossiers/${code}/replace-result`, {
      expectedVersion: before,
      reason: "Sai địa chỉ thường trú trên kết quả",
    })
    expect(replaced.status, await replaced.clone().text()).toBe(200)
    expect(((await replaced.json()) as { version: number }).version).toBe(before + 1)

    // the dossier lists both: the corrected one in force first, then the one it replaced
    const listed = (await (await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}/results`)).json()) as {
      items: Array<{ verificationId: string; status: string; replaces?: { verificationId: string } }>
    }
    expect(listed.items.map((i) => i.status)).toEqual(["valid", "replaced"])
    const newId = listed.items[0]?.verificationId ?? ""
    expect(newId).not.toBe(verificationId)
    expect(listed.items[0]?.replaces?.verificationId).toBe(verificationId)

    // the old one: JSON, page and upload check say replaced, by which, with a link
    const old = (await (await system.app.request(`/api/v1/verify/${verificationId}`)).json()) as Record<string, unknown>
    expect(old).toMatchObject({
      status: "replaced",
      revocationReason: "Cấp nhầm đối tượng",
      replacedBy: {
        verificationId: newId,
        url: `${PUBLIC_URL}/verify/${newId}`,
        reason: "Sai địa chỉ thường trú trên kết quả",
      },
    })
    const oldPage = await (await system.app.request(`/verify/${verificationId}`)).text()
    expect(oldPage).toContain(`Đã được thay thế bởi kết quả <a href="${PUBLIC_URL}/verify/${newId}">${newId}</a>`)
    expect(oldPage).toContain("Replaced by")
    const check = (await (
      await system.app.request(`/api/v1/verify/${verificationId}`, {
        method: "POST",
        headers: { "content-type": "application/pdf" },
        body: signedPdf as Uint8Array<ArrayBuffer>,
      })
    ).json()) as { authentic: boolean; verdict: string }
    expect(check.authentic).toBe(false)
    expect(check.verdict).toContain(`đã được thay thế bởi kết quả ${newId}`)

    // the new one: valid, says what it replaced, and is a signed PDF the tools accept, its QR to its own page
    const fresh = (await (await system.app.request(`/api/v1/verify/${newId}`)).json()) as Record<string, unknown>
    expect(fresh).toMatchObject({ status: "valid", replaces: { verificationId } })
    expect(fresh.replacedBy).toBeUndefined()
    const newPage = await (await system.app.request(`/verify/${newId}`)).text()
    expect(newPage).toContain("Kết quả hợp lệ, đang có hiệu lực")
    expect(newPage).toContain(`Kết quả này thay thế kết quả <a href="${PUBLIC_URL}/verify/${verificationId}">`)
    const download = await send(system.app, citizen(), "GET", `/api/v1/results/${newId}/pdf`)
    expect(download.status).toBe(200)
    const newPdf = new Uint8Array(await download.arrayBuffer())
    expect(pdfsig(newPdf)).toContain("Signature Validation: Signature is Valid.")
    expect(qrCodes(newPdf)).toBe(`${PUBLIC_URL}/verify/${newId}`)
    const newSha = execFileSync("sha256sum", [inDir("new.pdf", newPdf)], { encoding: "utf8" }).split(" ")[0] ?? ""
    const upload = (await (
      await system.app.request(`/api/v1/verify/${newId}`, {
        method: "POST",
        headers: { "content-type": "application/pdf" },
        body: newPdf as Uint8Array<ArrayBuffer>,
      })
    ).json()) as { authentic: boolean }
    expect(upload.authentic).toBe(true)

    // the audit entry names the new file and its verification id
    const audit = (await (
      await send(system.app, await as("tt-01"), "GET", `/api/v1/dossiers/${code}/audit`)
    ).json()) as { items: Array<{ action: string }> }
    const entry = JSON.stringify(audit.items.find((e) => e.action === "dossier.replaceResult"))
    expect(entry).toContain(newSha)
    expect(entry).toContain(newId)
    expect(entry).toContain("Sai địa chỉ thường trú trên kết quả")

    // returned by e-wallet: the citizen's wallet marks the old result replaced and holds the new one
    const wallet = (await (await send(system.app, citizen(), "GET", "/api/v1/wallets/022090001234")).json()) as {
      items: Array<{ id: string; kind: string; dossierCode?: string; sha256: string; replacedBy?: string }>
    }
    const results = wallet.items.filter((e) => e.kind === "result" && e.dossierCode === code)
    const added = results.find((e) => e.sha256 === newSha)
    expect(added?.replacedBy).toBeUndefined()
    const oldSha = execFileSync("sha256sum", [inDir("old.pdf", signedPdf)], { encoding: "utf8" }).split(" ")[0]
    expect(results.find((e) => e.sha256 === oldSha)?.replacedBy).toBe(added?.id)
  }, 120_000)

  it("a result cannot be replaced before one is signed", async () => {
    const { code, version } = await approved("signed-replace-early-1")
    const answer = await post(await as("ld-hg-01"), `/api/v1/dossiers/${code}/replace-result`, {
      expectedVersion: version,
      reason: "Thử thay thế",
    })
    expect(answer.status).toBe(422)
    expect((await readProblem(answer)).detail).toContain("Kết quả phải được ký trước")
    const results = await send(system.app, await as("ld-hg-01"), "GET", `/api/v1/dossiers/${code}/results`)
    expect(((await results.json()) as { items: unknown[] }).items).toEqual([])
  }, 60_000)

  it("the forms that apply to a dossier download as PDF: header, title, code, applicant, QR to the lookup page", async () => {
    const { code } = await approved("forms-pdf-1")
    const download = (who: Credentials, form: string) =>
      send(system.app, who, "GET", `/api/v1/dossiers/${code}/forms/${form}/pdf`)
    const receipt = await download(citizen(), "receipt")
    expect(receipt.status).toBe(200)
    expect(receipt.headers.get("content-type")).toBe("application/pdf")
    expect(receipt.headers.get("content-disposition")).toContain(`${code}-receipt.pdf`)
    const pdf = new Uint8Array(await receipt.arrayBuffer())
    const text = pdftotext(pdf).normalize("NFC")
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "CÔNG AN PHƯỜNG HỒNG GAI",
      `Số: ${code}/TN`,
      "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
      `Mã hồ sơ: ${code}`,
      "Nguyễn Văn An",
    ])
      expect(text).toContain(expected)
    expect(text).toMatch(/Quảng Ninh, ngày \d{2} tháng \d{2} năm 2025/)
    expect(qrCodes(pdf)).toBe(`${PUBLIC_URL}/tra-cuu/${code}`)
    // the officers' slip and the tracking log's row too
    const control = await download(await as("cv-hg-01"), "process-control")
    expect(control.status).toBe(200)
    expect(pdftotext(new Uint8Array(await control.arrayBuffer())).normalize("NFC")).toContain(
      "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    )
    const log = await download(await as("cb-hg-01"), "tracking-log")
    expect(log.status).toBe(200)
    expect(pdftotext(new Uint8Array(await log.arrayBuffer())).normalize("NFC")).toContain("SỔ THEO DÕI HỒ SƠ")
    // a form that does not apply now is 404 naming those that do; another citizen may not read it
    const refusal = await download(citizen(), "refusal")
    expect(refusal.status).toBe(404)
    expect((await readProblem(refusal)).detail).toContain("receipt")
    expect((await download(citizen("022090009999"), "receipt")).status).toBe(403)
  }, 60_000)

  it("a non-PDF, a PDF with JavaScript and an encrypted PDF as the result to sign are 422 with the reason", async () => {
    const { code, version } = await approved("signed-bad-1")
    const leader = await as("ld-hg-01")
    const attempt = async (bytes: Uint8Array, type: string) => {
      const upload = await system.app.request("/api/v1/documents", {
        method: "POST",
        headers: { ...leader.headers, "content-type": type },
        body: bytes as Uint8Array<ArrayBuffer>,
      })
      expect(upload.status).toBe(201)
      const { id } = (await upload.json()) as { id: string }
      const answer = await post(leader, `/api/v1/dossiers/${code}/sign`, { expectedVersion: version, documentId: id })
      expect(answer.status).toBe(422)
      const problem = (await answer.json()) as { detail: string; reason: { _tag: string; reason: string } }
      expect(problem.reason._tag).toBe("SigningRefused")
      return problem
    }
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    expect((await attempt(png, "image/png")).reason.reason).toBe("not-pdf")
    const script = new TextEncoder().encode(
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj\n" +
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n" +
        "4 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    const withScript = await attempt(script, "application/pdf")
    expect(withScript.reason.reason).toBe("javascript")
    expect(withScript.detail).toContain("JavaScript")
    execFileSync("qpdf", ["--encrypt", "", "owner", "256", "--", inDir("plain.pdf", signedPdf), join(dir, "enc.pdf")])
    expect((await attempt(new Uint8Array(readFileSync(join(dir, "enc.pdf"))), "application/pdf")).reason.reason).toBe(
      "encrypted",
    )
    // nothing was signed: the dossier has no result yet
    const results = await send(system.app, leader, "GET", `/api/v1/dossiers/${code}/results`)
    expect(((await results.json()) as { items: unknown[] }).items).toEqual([])
  }, 60_000)

  it("an expired certificate refuses to sign, with its end date", async () => {
    const { code } = await approved("signed-expired-1")
    system.advance(4 * 365 * DAY) // the development certificates last three years
    const leader = await as("ld-hg-01")
    const dossier = (await (await send(system.app, leader, "GET", `/api/v1/dossiers/${code}`)).json()) as {
      version: number
    }
    const answer = await post(leader, `/api/v1/dossiers/${code}/sign`, { expectedVersion: dossier.version })
    expect(answer.status).toBe(422)
    const problem = (await answer.json()) as { detail: string; reason: { reason: string } }
    expect(problem.reason.reason).toBe("certificate-expired")
    expect(problem.detail).toContain("đã hết hạn")
  }, 60_000)

  it("a certificate not valid yet refuses to sign, with its start date, and nothing is signed", async () => {
    // another system whose leader's certificate starts 30 days after the test clock's start
    const later = createDevelopmentCa(
      [{ signerId: "ld-hg-01", name: "Trần Văn Lãnh Đạo", organisation: "Công an phường Hồng Gai" }],
      { now: new Date(Date.parse(START) + 30 * DAY) },
    )
    const p12Dir = join(dir, "later-signers")
    execFileSync("mkdir", ["-p", p12Dir])
    for (const [id, file] of later.signers) writeFileSync(join(p12Dir, `${id}.p12`), file.p12)
    const early = await testSystem(kind, {
      publicUrl: PUBLIC_URL,
      signer: { p12Dir, p12Password: later.password, trustedRootsPem: later.rootPem, location: "Quảng Ninh" },
    })
    try {
      const { code, version } = await approved("signed-early-1", early)
      const leader = await officers(early)("ld-hg-01")
      const answer = await send(early.app, leader, "POST", `/api/v1/dossiers/${code}/sign`, {
        expectedVersion: version,
      })
      expect(answer.status).toBe(422)
      const problem = (await answer.json()) as { detail: string; reason: { _tag: string; reason: string } }
      expect(problem.reason).toMatchObject({ _tag: "SigningRefused", reason: "certificate-not-yet-valid" })
      expect(problem.detail).toContain("chưa có hiệu lực")
      expect(problem.detail).toContain("Trần Văn Lãnh Đạo")
      const results = await send(early.app, leader, "GET", `/api/v1/dossiers/${code}/results`)
      expect(((await results.json()) as { items: unknown[] }).items).toEqual([])
      // the dossier still waits for the signature: same version
      const dossier = await send(early.app, leader, "GET", `/api/v1/dossiers/${code}`)
      expect(((await dossier.json()) as { version: number }).version).toBe(version)
    } finally {
      await early.close()
    }
  }, 60_000)
})
