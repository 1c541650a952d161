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

describe("BurstDetector", () => {
  it("takes a reader's fast burst ending with Enter, Vietnamese letters included", () => {
    const { steps, end } = feed(new BurstDetector(), QR, 4)
    expect(steps[0]).toEqual({ kind: "started" })
    expect(steps.slice(1).every((s) => s.kind === "none")).toBe(true)
    expect(end).toEqual({ kind: "burst", text: QR })
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
    expect(detector.key("Enter", 10_000 + QR.length * 5)).toEqual({ kind: "burst", text: QR })
  })

  it("modifier keys between characters neither add to nor break a burst", () => {
    const detector = new BurstDetector()
    let at = 0
    for (const ch of QR) {
      detector.key("Shift", at)
      at += 3
      detector.key(ch, at)
    }
    expect(detector.key("Enter", at + 3)).toEqual({ kind: "burst", text: QR })
  })

  it("a slow Enter after a fast run is a person pressing Enter, not the reader's", () => {
    const detector = new BurstDetector()
    ;[...QR].forEach((ch, i) => {
      detector.key(ch, i * 4)
    })
    expect(detector.key("Enter", QR.length * 4 + 500)).toEqual({ kind: "none" })
  })
})
