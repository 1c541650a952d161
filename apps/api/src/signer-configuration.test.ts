// The X.509 signer's variables (MOTCUA_SIGNER_*, MOTCUA_TSA_URL, MOTCUA_SIGNER_CRL_DIR): what a province sets, read into the adapter's
// settings; a missing trusted-roots file, a folder that does not exist or a URL that is not http(s) stops the start
// with each bad variable named.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createDevelopmentCa } from "@motcua/signature-x509"
import { afterAll, describe, expect, it } from "vitest"
import { ConfigurationError, settingsFromEnvironment } from "./environment.ts"

const dir = mkdtempSync(join(tmpdir(), "motcua-signer-env-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const roots = join(dir, "root.pem")
writeFileSync(roots, createDevelopmentCa([]).rootPem)
const notPem = join(dir, "not.pem")
writeFileSync(notPem, "not a certificate")

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    settingsFromEnvironment(env)
    return []
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    return error.problems.map((p) => `${p.variable}: ${p.message}`)
  }
}

describe("the signer's configuration", () => {
  it("none of the variables: no X.509 signer (the development one)", () => {
    expect(settingsFromEnvironment({}).signer).toBeUndefined()
  })

  it("a PKCS#12 folder, its password, the trusted roots, the place and a TSA", () => {
    const settings = settingsFromEnvironment({
      MOTCUA_SIGNER_P12_DIR: dir,
      MOTCUA_SIGNER_P12_PASSWORD: "secret",
      MOTCUA_SIGNER_TRUST_ROOTS: roots,
      MOTCUA_SIGNER_LOCATION: "Quảng Ninh",
      MOTCUA_TSA_URL: "http://tsa.example.test/tsr",
    }).signer
    expect(settings).toMatchObject({
      p12Dir: dir,
      p12Password: "secret",
      location: "Quảng Ninh",
      tsaUrl: "http://tsa.example.test/tsr",
    })
    expect(settings?.trustedRootsPem).toContain("BEGIN CERTIFICATE")
  })

  it("a remote signing service with its token; the place defaults to Việt Nam", () => {
    const settings = settingsFromEnvironment({
      MOTCUA_SIGNER_REMOTE_URL: "https://hsm.example.test/sign",
      MOTCUA_SIGNER_REMOTE_TOKEN: "token",
      MOTCUA_SIGNER_TRUST_ROOTS: roots,
    }).signer
    expect(settings).toMatchObject({
      remote: { url: "https://hsm.example.test/sign", token: "token" },
      location: "Việt Nam",
    })
  })

  it("a folder of CRLs: kept in the settings; a missing folder or a file in it that is not a CRL stops the start", () => {
    const crls = join(dir, "crls")
    mkdirSync(crls)
    const base = { MOTCUA_SIGNER_P12_DIR: dir, MOTCUA_SIGNER_TRUST_ROOTS: roots }
    expect(settingsFromEnvironment({ ...base, MOTCUA_SIGNER_CRL_DIR: crls }).signer).toMatchObject({ crlDir: crls })
    expect(problemsOf({ ...base, MOTCUA_SIGNER_CRL_DIR: join(dir, "no-crls") })).toEqual([
      `MOTCUA_SIGNER_CRL_DIR: thư mục không tồn tại (no such folder): ${join(dir, "no-crls")}`,
    ])
    writeFileSync(join(crls, "ca.crl"), "not a CRL")
    expect(problemsOf({ ...base, MOTCUA_SIGNER_CRL_DIR: crls })).toEqual([
      expect.stringMatching(/^MOTCUA_SIGNER_CRL_DIR: .*ca\.crl: không phải danh sách thu hồi chứng thư \(not a CRL\)/),
    ])
  })

  it("refuses to start without trusted roots, with a roots file without a certificate, a missing folder, a bad URL", () => {
    expect(problemsOf({ MOTCUA_SIGNER_P12_DIR: dir })).toEqual([
      expect.stringMatching(/^MOTCUA_SIGNER_TRUST_ROOTS: bắt buộc/),
    ])
    expect(problemsOf({ MOTCUA_SIGNER_P12_DIR: dir, MOTCUA_SIGNER_TRUST_ROOTS: notPem })).toEqual([
      expect.stringMatching(/^MOTCUA_SIGNER_TRUST_ROOTS: .*no certificate/),
    ])
    const missing = join(dir, "missing")
    expect(problemsOf({ MOTCUA_SIGNER_P12_DIR: missing, MOTCUA_SIGNER_TRUST_ROOTS: roots })).toEqual([
      `MOTCUA_SIGNER_P12_DIR: thư mục không tồn tại (no such folder): ${missing}`,
    ])
    expect(
      problemsOf({
        MOTCUA_SIGNER_REMOTE_URL: "ftp://hsm.example.test",
        MOTCUA_SIGNER_TRUST_ROOTS: roots,
        MOTCUA_TSA_URL: "tsa.example.test",
      }).map((p) => p.split(":")[0]),
    ).toEqual(["MOTCUA_SIGNER_REMOTE_URL", "MOTCUA_TSA_URL"])
  })
})
