// The images are decoded back with zbarimg (zbar-tools; the SVG rendered by chromium first; both listed in
// scripts/system-packages.txt): what a phone's
// scanner reads must be exactly the payload, and that payload must parse as the VietQR we asked for.
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { buildVietQr, parseVietQr } from "@motcua/domain"
import { Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { drawVietQrPng, drawVietQrSvg } from "./draw.ts"

const dir = mkdtempSync(join(tmpdir(), "motcua-vietqr-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const zbarimg = (file: string): string =>
  execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file], { encoding: "utf8" }).trimEnd()

const payloadOf = (amount: number, billNumber: string) => {
  const r = buildVietQr({
    bankBin: "970415",
    accountNumber: "113366668888",
    amount,
    billNumber,
    purpose: "Le phi ho so",
  })
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

describe("drawVietQr", () => {
  it("draws a PNG that zbarimg decodes to the payload, which parses back to the request", async () => {
    const payload = payloadOf(10000, "MC2612040001")
    const png = await drawVietQrPng(payload)
    expect(Buffer.from(png.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a")
    const file = join(dir, "qr.png")
    writeFileSync(file, png)
    const decoded = zbarimg(file)
    expect(decoded).toBe(payload)
    const back = parseVietQr(decoded)
    if (Result.isFailure(back)) throw back.failure
    expect(back.success).toMatchObject({ amount: 10000, billNumber: "MC2612040001", bankBin: "970415" })
  })

  it("draws an SVG that, rendered by Chromium, zbarimg decodes to the payload", async () => {
    const payload = payloadOf(1_250_000, "MC2612040002")
    const svg = await drawVietQrSvg(payload)
    expect(svg).toContain("<svg")
    const svgFile = join(dir, "qr.svg")
    const pngFile = join(dir, "qr-from-svg.png")
    writeFileSync(svgFile, svg)
    // ImageMagick here has no SVG delegate; Debian's Chromium (already used by the browser tests) renders it.
    execFileSync(
      "chromium",
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=500,500",
        `--screenshot=${pngFile}`,
        `file://${svgFile}`,
      ],
      { stdio: "ignore", timeout: 60_000 },
    )
    expect(zbarimg(pngFile)).toBe(payload)
  })

  it("two requests give two different images, each decoding to its own reference", async () => {
    const a = payloadOf(10000, "MC2612040003")
    const b = payloadOf(10000, "MC2612040004")
    const fa = join(dir, "a.png")
    const fb = join(dir, "b.png")
    writeFileSync(fa, await drawVietQrPng(a))
    writeFileSync(fb, await drawVietQrPng(b))
    expect(zbarimg(fa)).toBe(a)
    expect(zbarimg(fb)).toBe(b)
  })
})
