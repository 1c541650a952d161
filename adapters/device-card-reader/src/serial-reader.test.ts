// The serial reader against a real tty: a socat pseudo-terminal pair stands for a USB-CDC reader, opened with
// serialport. A CCCD's QR text with diacritics written in chunks with pauses and ended by CR arrives as one card; an
// MRZ line by line too; garbage and an over-long scan are refused naming where, and the next scan is still read; a
// missing port and a port another program holds are reported with what the OS said; the reader unplugged is reported
// and the port reopened when it is back.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, afterEach, describe, expect, it, vi } from "vitest"
import { SERIAL_READER_DEFAULTS, type SerialReaderConfig } from "./config.ts"
import {
  listSerialPorts,
  openSerialCardReader,
  type ReaderEvent,
  type ReaderState,
  type SerialCardReader,
} from "./serial-reader.ts"
import { type PtyPair, SAMPLE_CARD_MRZ, SAMPLE_CARD_QR, startPtyPair } from "./testing.ts"

const dir = mkdtempSync(join(tmpdir(), "motcua-serial-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const QR = SAMPLE_CARD_QR
const MRZ = SAMPLE_CARD_MRZ

const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

/** A reader on `port` whose events are collected; `next` waits for the first one (from now on) that matches. */
function reader(port: string, config: Partial<SerialReaderConfig> = {}) {
  const events: ReaderEvent[] = []
  const waiting: Array<{ test: (e: ReaderEvent) => boolean; resolve: (e: ReaderEvent) => void }> = []
  const opened: SerialCardReader = openSerialCardReader(
    { ...SERIAL_READER_DEFAULTS, reconnect: { firstMs: 100, maxMs: 400 }, ...config, path: port },
    (event) => {
      events.push(event)
      for (const w of waiting.splice(0))
        if (w.test(event)) w.resolve(event)
        else waiting.push(w)
    },
  )
  cleanup.push(() => opened.close())
  let seen = 0
  const next = <K extends ReaderEvent["kind"]>(kind: K, state?: ReaderState, timeoutMs = 5000) =>
    new Promise<Extract<ReaderEvent, { kind: K }>>((resolve, reject) => {
      const test = (e: ReaderEvent) =>
        e.kind === kind && (state === undefined || (e.kind === "status" && e.status.state === state))
      const already = events.slice(seen).findIndex(test)
      if (already >= 0) {
        seen += already + 1
        resolve(events[seen - 1] as Extract<ReaderEvent, { kind: K }>)
        return
      }
      const timer = setTimeout(
        () => reject(new Error(`no ${kind} ${state ?? ""} event; got ${JSON.stringify(events)}`)),
        timeoutMs,
      )
      waiting.push({
        test,
        resolve: (e) => {
          clearTimeout(timer)
          seen = events.length
          resolve(e as Extract<ReaderEvent, { kind: K }>)
        },
      })
    })
  return { opened, events, next }
}

async function pair(name = "reader"): Promise<PtyPair> {
  const started = await startPtyPair(dir, name)
  cleanup.push(() => started.stop())
  return started
}

describe("serial card reader (socat pty pair)", () => {
  it("reads a QR text sent in chunks with pauses and ended by CR as one card, and an MRZ line by line", async () => {
    const pty = await pair()
    // the CR ends each scan: the idle gap (a generous one here, for a loaded machine) never does
    const r = reader(pty.port, { idleMs: 2000 })
    await r.next("status", "open")
    // UTF-8 of the diacritics split across chunks: 7, 3, 1, 13 … bytes, 30 ms apart
    await pty.writeChunks(`${QR}\r`, [7, 3, 1, 13], 30)
    const card = await r.next("card")
    expect(card.card).toEqual({
      id: "022190001234",
      oldId: "100123456",
      fullName: "Nguyễn Thị Hồng Nhung",
      dateOfBirth: "1990-03-15",
      sex: "Nữ",
      permanentAddress: "Số 8, ngõ 12, phường Hồng Gai, Quảng Ninh",
      issuedOn: "2021-07-01",
      source: "qr",
    })
    await pty.write(MRZ.map((line) => `${line}\r`).join(""))
    expect((await r.next("card")).card).toMatchObject({ id: "022090001234", fullName: "NGUYEN VAN DUC", source: "mrz" })
    expect(r.events.filter((e) => e.kind === "refused")).toEqual([])
  })

  it("refuses garbage, an over-long scan and a cut MRZ naming where, and reads the next scan", async () => {
    const pty = await pair()
    const r = reader(pty.port, { maxBytes: 512, terminator: "CRLF" })
    await r.next("status", "open")
    await pty.write(new Uint8Array([0x51, 0x52, 0xff, 0xfe, 0x0d, 0x0a]))
    expect((await r.next("refused")).error).toMatchObject({ problem: "not-utf8", where: "byte 3" })
    await pty.write("Xin chào, không phải thẻ\r\n")
    expect((await r.next("refused")).error).toMatchObject({ problem: "invalid", where: "QR (layout)" })
    // a reader stuck sending: 5000 bytes and no terminator; the reader keeps at most 512 of them
    await pty.writeChunks("A".repeat(5000), [700], 5)
    await pty.write("\r\n")
    const long = (await r.next("refused")).error
    expect(long).toMatchObject({ problem: "too-long", where: "byte 513" })
    expect(long.detail).toContain("5000")
    // two MRZ lines, then nothing: the third is missing
    await pty.write(`${MRZ[0]}\r\n${MRZ[1]}\r\n`)
    expect((await r.next("refused")).error).toMatchObject({ problem: "truncated", where: "MRZ line 3" })
    await pty.write(`${QR.replace("|15031990|", "|15031991|")}\r\n`)
    expect((await r.next("refused")).error).toMatchObject({ problem: "invalid", where: "QR field 1 (id)" })
    await pty.write(`${QR}\r\n`)
    expect((await r.next("card")).card).toMatchObject({ fullName: "Nguyễn Thị Hồng Nhung" })
  })

  it("ends a scan after the idle gap when the reader sends no terminator", async () => {
    const pty = await pair()
    const r = reader(pty.port, { idleMs: 600 })
    await r.next("status", "open")
    await pty.writeChunks(QR, [40], 20)
    expect((await r.next("card")).card).toMatchObject({ id: "022190001234" })
  })

  it("says which port is missing and which another program holds, with what the OS said, and keeps trying", async () => {
    const missing = reader(join(dir, "no-such-reader"))
    const status = (await missing.next("status", "missing")).status
    expect(status.path).toBe(join(dir, "no-such-reader"))
    expect(status.detail).toMatch(/no-such-reader.*No such file/)
    expect(status.retryInMs).toBe(100)
    // tried again, with a longer wait
    expect((await missing.next("status", "missing")).status.retryInMs).toBe(200)

    const pty = await pair()
    const first = reader(pty.port)
    await first.next("status", "open")
    const second = reader(pty.port)
    const busy = (await second.next("status", "busy")).status
    expect(busy.detail).toMatch(/another program.*lock/i)
    // the first one still reads
    await pty.write(`${QR}\r`)
    expect((await first.next("card")).card.id).toBe("022190001234")
    expect(second.events.some((e) => e.kind === "card")).toBe(false)
  })

  it("reports the reader unplugged while open and reopens it when it is back", async () => {
    const pty = await startPtyPair(dir, "replug")
    // a long idle gap: the half scan is still pending when the port goes away
    const r = reader(pty.port, { idleMs: 8000 })
    await r.next("status", "open")
    // unplugged halfway through a scan (once the reader has its first 40 bytes)
    await pty.write(new TextEncoder().encode(QR).subarray(0, 40))
    await vi.waitFor(() => expect(r.opened.pending()).toBe(40))
    await pty.stop()
    const unplugged = (await r.next("status", "unplugged")).status
    expect(unplugged.path).toBe(pty.port)
    expect(unplugged.retryInMs).toBeGreaterThan(0)
    expect(r.events.find((e) => e.kind === "refused")).toMatchObject({
      error: { problem: "truncated", where: "byte 41" },
    })
    // while it is away: missing, tried again
    await r.next("status", "missing")
    const back = await pair("replug")
    await r.next("status", "open")
    await back.write(`${QR}\r`)
    expect((await r.next("card")).card.fullName).toBe("Nguyễn Thị Hồng Nhung")
  })

  it("lists this computer's serial ports as serialport sees them", async () => {
    const ports = await listSerialPorts()
    for (const p of ports) {
      expect(p.path).toMatch(/^\/dev\//)
      expect(Object.values(p).every((v) => typeof v === "string")).toBe(true)
    }
  })
})
