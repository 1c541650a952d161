// The scanner driver against SANE's own `test` backend through the real scanimage: devices listed, a flatbed page and
// a feeder batch assembled into one PDF of the right physical size, and each failure SANE reports (jam, busy, empty
// feeder, missing device, a scan that does not finish) answered as a DeviceNotReady naming the problem.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DeviceNotReady } from "@motcua/application"
import { Effect, Exit } from "effect"
import { PDFDocument } from "pdf-lib"
import { afterAll, describe, expect, it } from "vitest"
import { makeSaneScanner, type SaneScannerConfig } from "./sane-scanner.ts"

// SANE reads its backends from dll.conf in SANE_CONFIG_DIR: name the test backend only.
const configDir = mkdtempSync(join(tmpdir(), "motcua-sane-"))
writeFileSync(join(configDir, "dll.conf"), "test\n")
afterAll(() => rmSync(configDir, { recursive: true, force: true }))

const scanner = (config: Partial<SaneScannerConfig> = {}) =>
  makeSaneScanner({ env: { SANE_CONFIG_DIR: configDir }, device: "test:0", ...config })

const problemOf = async (effect: Effect.Effect<unknown, DeviceNotReady>) => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) throw new Error("expected the scan to fail")
  const error = exit.cause.reasons.find((r) => r._tag === "Fail")?.error
  expect(error).toBeInstanceOf(DeviceNotReady)
  return (error as DeviceNotReady).problem
}

describe("SANE scanner (test backend)", () => {
  it("lists the devices", async () => {
    const devices = await Effect.runPromise(makeSaneScanner({ env: { SANE_CONFIG_DIR: configDir } }).devices())
    expect(devices.map((d) => d.id)).toEqual(["test:0", "test:1"])
  })

  it("scans a flatbed page into a one-page PDF of the page's physical size", async () => {
    const scanned = await Effect.runPromise(scanner().scan({ label: "CT01", resolution: 100, mode: "Gray" }))
    expect(scanned.mediaType).toBe("application/pdf")
    expect(scanned.pages).toBe(1)
    const pdf = await PDFDocument.load(scanned.bytes)
    expect(pdf.getPageCount()).toBe(1)
    // the test backend's default scan area is 80 mm × 100 mm
    const { width, height } = pdf.getPage(0).getSize()
    expect(Math.round((width / 72) * 25.4)).toBeGreaterThanOrEqual(79)
    expect(Math.round((height / 72) * 25.4)).toBeGreaterThanOrEqual(99)
  })

  it("takes every page from the feeder, up to the limit asked", async () => {
    const scanned = await Effect.runPromise(
      scanner().scan({ label: "hồ sơ", resolution: 50, source: "adf", maxPages: 3, mode: "Color" }),
    )
    expect(scanned.pages).toBe(3)
    expect((await PDFDocument.load(scanned.bytes)).getPageCount()).toBe(3)
  })

  it("answers each failure with its problem", async () => {
    // SANE's test backend itself hangs now and then after the read error it was told to return (scanimage alone,
    // outside node: 6 hangs in 360 runs), which the adapter rightly answers as a timeout. So each status is asked with
    // a short timeout and asked again when the backend hung: the test is about the status's mapping, not the backend.
    const failing = async (status: string) => {
      for (let attempt = 1; ; attempt++) {
        const problem = await problemOf(
          scanner({ timeoutMs: 5_000, extraArguments: ["--read-return-value", status] }).scan({
            label: "x",
            resolution: 50,
          }),
        )
        if (problem !== "timeout" || attempt === 4) return problem
      }
    }
    expect(await failing("SANE_STATUS_JAMMED")).toBe("jammed")
    expect(await failing("SANE_STATUS_DEVICE_BUSY")).toBe("busy")
    expect(await failing("SANE_STATUS_NO_DOCS")).toBe("no-paper")
    expect(await failing("SANE_STATUS_COVER_OPEN")).toBe("cover-open")
    expect(await problemOf(scanner({ device: "nosuch:0" }).scan({ label: "x" }))).toBe("no-device")
    expect(await problemOf(scanner({ command: "/nonexistent/scanimage" }).scan({ label: "x" }))).toBe("no-device")
    const slow = scanner({
      timeoutMs: 300,
      extraArguments: [
        "--read-delay=yes",
        "--read-delay-duration",
        "200000",
        "--read-limit=yes",
        "--read-limit-size",
        "1",
      ],
    })
    expect(await problemOf(slow.scan({ label: "x", resolution: 300 }))).toBe("timeout")
  })

  it("refuses a resolution outside what a counter scanner takes", async () => {
    expect(await problemOf(scanner().scan({ label: "x", resolution: 5 }))).toBe("failed")
  })
})
