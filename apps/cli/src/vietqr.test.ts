import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { parseVietQr } from "@motcua/domain"
import { Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { cli, tempDir } from "./test-support.ts"

describe("motcua vietqr", () => {
  const dir = tempDir("vietqr")
  afterAll(() => dir.remove())

  it("prints the payload and draws a PNG that zbarimg decodes to it", async () => {
    const run = await cli(
      [
        "vietqr",
        "--bin",
        "970415",
        "--account",
        "113366668888",
        "--amount",
        "10000",
        "--bill",
        "MC0001",
        "--png",
        "qr.png",
      ],
      { cwd: dir.path },
    )
    expect(run.code).toBe(0)
    const payload = run.lines[0] ?? ""
    const back = parseVietQr(payload)
    if (Result.isFailure(back)) throw back.failure
    expect(back.success).toEqual({
      bankBin: "970415",
      accountNumber: "113366668888",
      service: "account",
      amount: 10000,
      billNumber: "MC0001",
    })
    const decoded = execFileSync("zbarimg", ["--quiet", "--raw", join(dir.path, "qr.png")], { encoding: "utf8" })
    expect(decoded.trimEnd()).toBe(payload)
  })

  it("says which field is wrong (exit 1) and what is missing (exit 2)", async () => {
    const bad = await cli(["vietqr", "--bin", "97041", "--account", "1133"])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("bankBin")
    expect((await cli(["vietqr", "--account", "1133"])).code).toBe(2)
    expect((await cli(["vietqr", "--bin", "970415", "--account", "1133", "--amount", "-5"])).code).toBe(2)
  })
})
