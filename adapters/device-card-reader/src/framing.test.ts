// The framing of a reader's byte stream, whatever the port's chunking: any chunking of a stream gives the same
// frames, messages joined by the terminator come back as those messages, and past the cap a scan is reported too long
// with the buffer never holding more than the cap.
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { type Frame, ScanFramer, TERMINATOR_BYTES, type Terminator } from "./framing.ts"

const terminators: ReadonlyArray<Terminator> = ["CR", "LF", "CRLF"]

/** `stream` cut at `cuts` (positions, any order, duplicates allowed). */
const chunked = (stream: Uint8Array, cuts: ReadonlyArray<number>) => {
  const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let from = 0
  for (const to of [...at, stream.length]) {
    chunks.push(stream.subarray(from, to))
    from = to
  }
  return chunks
}

const frame = (framer: ScanFramer, chunks: ReadonlyArray<Uint8Array>) => {
  const frames: Frame[] = []
  for (const chunk of chunks) frames.push(...framer.push(chunk))
  return frames
}

const join = (messages: ReadonlyArray<Uint8Array>, terminator: Terminator) =>
  new Uint8Array(messages.flatMap((m) => [...m, ...TERMINATOR_BYTES[terminator]]))

/** Bytes of a message: any byte but its terminator (a CR or an LF alone inside a CRLF-terminated scan is its own). */
const messageOf = (terminator: Terminator, maxLength: number) =>
  fc.uint8Array({ maxLength }).map((m) => {
    const out: number[] = []
    for (const b of m) {
      const ends =
        terminator === "CR" ? b === 0x0d : terminator === "LF" ? b === 0x0a : b === 0x0a && out.at(-1) === 0x0d
      out.push(ends ? 0x0b : b)
    }
    return new Uint8Array(out)
  })

describe("ScanFramer", () => {
  test.prop([
    fc
      .constantFrom(...terminators)
      .chain((t) => fc.tuple(fc.constant(t), fc.array(messageOf(t, 120), { maxLength: 6 }))),
    fc.array(fc.nat(), { maxLength: 40 }),
  ])("any chunking of messages joined by the terminator gives those messages", ([terminator, messages], cuts) => {
    const stream = join(messages, terminator)
    const frames = frame(new ScanFramer(terminator, 120), chunked(stream, cuts))
    expect(frames).toEqual(messages.map((bytes) => ({ kind: "message", bytes })))
  })

  test.prop([
    fc.constantFrom(...terminators),
    fc.integer({ min: 1, max: 40 }),
    fc.uint8Array({ maxLength: 300 }).map((s) => s.map((b) => [0x0d, 0x0a, 0x41, b][b % 4] ?? b)),
    fc.array(fc.nat(), { maxLength: 30 }),
    fc.array(fc.nat(), { maxLength: 30 }),
  ])(
    "any two chunkings of any stream give the same frames, none longer than the cap",
    (terminator, maxBytes, stream, cutsA, cutsB) => {
      const a = new ScanFramer(terminator, maxBytes)
      const b = new ScanFramer(terminator, maxBytes)
      const framesA = [...frame(a, chunked(stream, cutsA)), ...a.flush()]
      const framesB = [...frame(b, chunked(stream, cutsB)), ...b.flush()]
      expect(framesA).toEqual(framesB)
      for (const f of framesA)
        if (f.kind === "message") expect(f.bytes.length).toBeLessThanOrEqual(maxBytes)
        else expect(f.bytes).toBeGreaterThan(maxBytes)
    },
  )

  it("ends a scan at the cap as too long, drops the rest up to the terminator, and reads the next", () => {
    const framer = new ScanFramer("CR", 8)
    const text = new TextEncoder()
    expect(framer.push(text.encode("0123456789AB"))).toEqual([])
    // held: nothing of the dropped scan, only its count
    expect(framer.pending).toBe(12)
    expect(framer.push(text.encode("CD\rok\r"))).toEqual([
      { kind: "too-long", bytes: 14 },
      { kind: "message", bytes: text.encode("ok") },
    ])
    // exactly the cap is a whole scan
    expect(framer.push(text.encode("12345678\r"))).toEqual([{ kind: "message", bytes: text.encode("12345678") }])
  })

  it("holds a CR of CRLF across chunks, keeps a lone CR as the scan's, and flushes at the idle gap", () => {
    const framer = new ScanFramer("CRLF", 64)
    const text = new TextEncoder()
    expect(framer.push(text.encode("line 1\r"))).toEqual([])
    expect(framer.push(text.encode("\nline 2\rstill 2"))).toEqual([{ kind: "message", bytes: text.encode("line 1") }])
    expect(framer.flush()).toEqual([{ kind: "message", bytes: text.encode("line 2\rstill 2") }])
    expect(framer.flush()).toEqual([])
    expect(framer.pending).toBe(0)
  })
})
