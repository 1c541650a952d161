// The e-invoice provider's variables (MOTCUA_EINVOICE_*): read into the adapter's settings; a URL that is not
// http(s), missing credentials or a malformed tax code stop the start with each bad variable named.
import { describe, expect, it } from "vitest"
import { ConfigurationError, settingsFromEnvironment } from "./environment.ts"

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    settingsFromEnvironment(env)
    return []
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    return error.problems.map((p) => p.variable)
  }
}

describe("the e-invoice provider's configuration", () => {
  it("none: receipts are not sent", () => {
    expect(settingsFromEnvironment({}).einvoice).toBeUndefined()
  })
  it("all four: the adapter's settings", () => {
    expect(
      settingsFromEnvironment({
        MOTCUA_EINVOICE_URL: "https://einvoice.example.vn/api",
        MOTCUA_EINVOICE_USERNAME: "qn-ttphcc",
        MOTCUA_EINVOICE_PASSWORD: "secret",
        MOTCUA_EINVOICE_TAX_CODE: "5700100256-001",
      }).einvoice,
    ).toEqual({
      baseUrl: "https://einvoice.example.vn/api",
      username: "qn-ttphcc",
      password: "secret",
      supplierTaxCode: "5700100256-001",
    })
  })
  it("the bank statement API: the URL and its token, or each bad one named", () => {
    expect(
      settingsFromEnvironment({
        MOTCUA_BANK_STATEMENT_URL: "https://bank.example.vn/api",
        MOTCUA_BANK_STATEMENT_TOKEN: "t",
      }).bankStatements,
    ).toEqual({ baseUrl: "https://bank.example.vn/api", token: "t" })
    expect(settingsFromEnvironment({}).bankStatementIntervalMs).toBe(300_000)
    expect(problemsOf({ MOTCUA_BANK_STATEMENT_URL: "bank" })).toEqual([
      "MOTCUA_BANK_STATEMENT_URL",
      "MOTCUA_BANK_STATEMENT_TOKEN",
    ])
  })
  it("names each bad variable", () => {
    expect(problemsOf({ MOTCUA_EINVOICE_URL: "ftp://x", MOTCUA_EINVOICE_TAX_CODE: "57001" })).toEqual([
      "MOTCUA_EINVOICE_URL",
      "MOTCUA_EINVOICE_USERNAME",
      "MOTCUA_EINVOICE_PASSWORD",
      "MOTCUA_EINVOICE_TAX_CODE",
    ])
  })
})
