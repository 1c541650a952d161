// motcua keys dev-ca makes files OpenSSL reads and the X.509 signer uses; motcua verify accepts what they sign and
// refuses a changed copy or another root (exit 1, with the reason).
import { execFileSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { renderResultPdf } from "@motcua/render-pdf"
import { localKey, readPkcs12, signPdf } from "@motcua/signature-x509"
import { afterAll, describe, expect, it } from "vitest"
import { cli, tempDir } from "./test-support.ts"

describe("motcua keys dev-ca and motcua verify", () => {
  const dir = tempDir("keys")
  afterAll(() => dir.remove())

  it("creates the CA and a signer per demo leader; a PDF signed with it verifies; a changed copy does not", async () => {
    const made = await cli(["keys", "dev-ca", "--out", "ca"], { cwd: dir.path })
    expect(made.code).toBe(0)
    const p12 = join(dir.path, "ca", "signers", "ld-hg-01.p12")
    const info = execFileSync("openssl", ["pkcs12", "-in", p12, "-passin", "pass:motcua-dev", "-nokeys", "-clcerts"], {
      encoding: "utf8",
    })
    expect(info).toContain("BEGIN CERTIFICATE")
    // the demo centre's certificate, which signs its e-receipts, is filed under the centre's id
    const centre = execFileSync(
      "openssl",
      [
        "pkcs12",
        "-in",
        join(dir.path, "ca", "signers", "ttphcc-06685.p12"),
        "-passin",
        "pass:motcua-dev",
        "-nokeys",
        "-clcerts",
      ],
      { encoding: "utf8" },
    )
    expect(centre).toMatch(/CN = .*ttphcc-06685/)
    // a second run keeps the CA
    expect((await cli(["keys", "dev-ca", "--out", "ca"], { cwd: dir.path })).code).toBe(0)

    const { key, chain } = readPkcs12(new Uint8Array(readFileSync(p12)), "motcua-dev")
    const pdf = await renderResultPdf({
      frame: {
        issuer: "Công an phường Hồng Gai",
        number: "1/KQ",
        place: "Quảng Ninh",
        date: "2025-10-10",
        qrUrl: "https://x.test/verify/A",
      },
      title: "Thông báo kết quả",
      dossierCode: "000.11.50.H49-251006-0001",
      procedureCode: "1.004222",
      procedureName: "Đăng ký thường trú",
      applicantName: "Nguyễn Văn An",
      decision: "approved",
      signerTitle: "Trưởng Công an phường",
      signerName: "ld-hg-01",
    })
    const signed = await signPdf(pdf, {
      key: localKey(key, chain),
      at: new Date(),
      reason: "Ký",
      location: "Quảng Ninh",
    })
    writeFileSync(join(dir.path, "kq.pdf"), signed.bytes)
    const ok = await cli(["verify", "kq.pdf", "--roots", "ca/root.pem"], { cwd: dir.path })
    expect(ok.code).toBe(0)
    expect(ok.lines.join("\n")).toContain("Chữ ký số hợp lệ")
    expect(ok.lines.join("\n")).toContain("Lãnh đạo Công an phường Hồng Gai")

    const changed = new Uint8Array(signed.bytes)
    const at = Buffer.from(changed).toString("latin1").indexOf("/MediaBox")
    changed[at + 12] = changed[at + 12] === 0x31 ? 0x32 : 0x31
    writeFileSync(join(dir.path, "changed.pdf"), changed)
    const bad = await cli(["verify", "changed.pdf", "--roots", "ca/root.pem"], { cwd: dir.path })
    expect(bad.code).toBe(1)
    expect(bad.lines.join("\n")).toContain("đã bị sửa sau khi ký")

    await cli(["keys", "dev-ca", "--out", "other"], { cwd: dir.path })
    const stranger = await cli(["verify", "kq.pdf", "--roots", "other/root.pem", "--json"], { cwd: dir.path })
    expect(stranger.code).toBe(1)
    expect(JSON.parse(stranger.lines.join("\n")).signature.problems).toEqual(["untrusted"])
    expect((await cli(["verify", "kq.pdf"], { cwd: dir.path })).code).toBe(2)
  }, 60_000)
})
