// The keyboard-wedge burst detector: a reader's burst is told from a person's typing by its timing alone.
import { describe, expect, it } from "vitest"
import { BurstDetector } from "./card-wedge.ts"

const QR = "022090001234|100123456|Nguyễn Văn An|15031990|Nam|Tổ 5, khu 3, phường Hồng Gai|01072021"

/** Feeds each character `gap` ms apart from `start`, then Enter `gap` ms later; the steps seen. */
function feed(detector: BurstDetector, text: string, gap: number | ((i: number) => number), start = 1000) {
  let at = start
  const steps = [...text].map((ch, i) => {
    if (i > 0) at += typeof gap === "number" ? gap : gap(i)
    return detector.key(ch, at)
  })
  return { steps, end: detector.key("Enter", at + (typeof gap === "number" ? gap : 5)) }
}

// The back of An's card (formatMrz in the domain: 022090001234, born 15/03/1990, male, valid to 15/03/2030)
const MRZ = ["IDVNM0900012345022090001234<<3", "9003152M3003150VNM<<<<<<<<<<<6", "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"]

/** A reader typing the MRZ: each line `gap` ms a key, Enter, and the next line `between` ms after that Enter. */
function feedLines(detector: BurstDetector, lines: ReadonlyArray<string>, gap: number, between: number, start = 1000) {
  let at = start
  const steps = []
  for (const line of lines) {
    for (const ch of line) {
      steps.push(detector.key(ch, at))
      at += gap
    }
    steps.push(detector.key("Enter", at))
    at += between
  }
  return steps
}

describe("BurstDetector", () => {
  it("takes a reader's three MRZ lines as one burst, read as MRZ; the first two Enters are lines, not bursts", () => {
    const steps = feedLines(new BurstDetector(), MRZ, 4, 6)
    expect(steps.filter((s) => s.kind === "started")).toHaveLength(1)
    expect(steps.filter((s) => s.kind === "line")).toHaveLength(2)
    expect(steps.at(-1)).toEqual({ kind: "burst", text: MRZ.join("\n"), format: "mrz" })
  })

  it("an MRZ line left alone (the next one not following at a reader's pace) is dropped, and what follows is new", () => {
    const detector = new BurstDetector()
    expect(feedLines(detector, MRZ.slice(0, 1), 4, 0).at(-1)).toEqual({ kind: "line" })
    // half a second later: a new run, and a lone line again, never a burst
    const later = feedLines(detector, MRZ.slice(1, 2), 4, 0, 2000)
    expect(later[0]).toEqual({ kind: "started" })
    expect(later.at(-1)).toEqual({ kind: "line" })
    // then the QR of a card: a burst of its own, as QR
    expect(feed(detector, QR, 4, 5000).end).toEqual({ kind: "burst", text: QR, format: "qr" })
  })

  it("takes a reader's fast burst ending with Enter, Vietnamese letters included", () => {
    const { steps, end } = feed(new BurstDetector(), QR, 4)
    expect(steps[0]).toEqual({ kind: "started" })
    expect(steps.slice(1).every((s) => s.kind === "none")).toBe(true)
    expect(end).toEqual({ kind: "burst", text: QR, format: "qr" })
  })

  it("leaves a person's typing alone, however long", () => {
    expect(feed(new BurstDetector(), QR, 120).end).toEqual({ kind: "none" })
    // a fast typist: 60 ms between keys is never a reader's average
    expect(feed(new BurstDetector(), QR, 60).end).toEqual({ kind: "none" })
  })

  it("a short fast run is not a card (a person's double key, a short barcode)", () => {
    expect(feed(new BurstDetector(), "0220900", 3).end).toEqual({ kind: "none" })
  })

  it("a pause inside the run starts a new one, and only the part after it counts", () => {
    const detector = new BurstDetector()
    feed(detector, "typed by hand", 150)
    // typing, a long pause, then the reader: the burst is the reader's text alone
    const steps = [...QR].map((ch, i) => detector.key(ch, 10_000 + i * 5))
    expect(steps[0]).toEqual({ kind: "started" })
    expect(detector.key("Enter", 10_000 + QR.length * 5)).toEqual({ kind: "burst", text: QR, format: "qr" })
  })

  it("modifier keys between characters neither add to nor break a burst", () => {
    const detector = new BurstDetector()
    let at = 0
    for (const ch of QR) {
      detector.key("Shift", at)
      at += 3
      detector.key(ch, at)
    }
    expect(detector.key("Enter", at + 3)).toEqual({ kind: "burst", text: QR, format: "qr" })
  })

  it("a slow Enter after a fast run is a person pressing Enter, not the reader's", () => {
    const detector = new BurstDetector()
    ;[...QR].forEach((ch, i) => {
      detector.key(ch, i * 4)
    })
    expect(detector.key("Enter", QR.length * 4 + 500)).toEqual({ kind: "none" })
  })
})
