// ID-card readers in keyboard-wedge mode type the card's QR text into whatever has focus, far faster than a person
// types, and end with Enter. The burst detector tells such a burst from typing by its timing alone: at least
// `minLength` characters, no gap longer than `maxGapMs`, and on average no more than `maxAverageGapMs` between keys
// (a person typing 340 words a minute would still be slower). The officer desk restores what the burst typed into
// the focused field and sends the text to the API's id-card route.
// A reader of the card's back types its machine-readable zone instead: three lines of 30 characters (A–Z, 0–9, <),
// each ending with Enter. A line is held until the next one follows as fast as a reader types; the third ends the
// burst, read as MRZ.

export interface WedgeTiming {
  /** The longest pause between two keys of one burst. */
  readonly maxGapMs: number
  /** The longest average pause between the keys of a burst. */
  readonly maxAverageGapMs: number
  /** The fewest characters a reader's burst has (a CCCD's QR text is over 50). */
  readonly minLength: number
}

export const WEDGE_TIMING: WedgeTiming = { maxGapMs: 80, maxAverageGapMs: 35, minLength: 20 }

export type WedgeStep =
  /** The key began a new run of keys (what is in the form now is what to restore if it turns out a burst). */
  | { readonly kind: "started" }
  /** Enter ended a burst: the reader's text, the QR's or the MRZ's three lines (joined by a line feed). */
  | { readonly kind: "burst"; readonly text: string; readonly format: "qr" | "mrz" }
  /** Enter ended one MRZ line of a burst: more lines are coming (the Enter must not send the form either). */
  | { readonly kind: "line" }
  | { readonly kind: "none" }

/** One line of a TD1 machine-readable zone as a reader types it. */
const MRZ_LINE = /^[A-Z0-9<]{30}$/

/** Feeds keydown events (`key` as the browser names it, `at` the event's time in ms); see WedgeStep. */
export class BurstDetector {
  private text = ""
  private first = 0
  private last: number | undefined
  /** The MRZ lines of the burst so far, and when the last one's Enter came. */
  private lines: string[] = []
  private lineEndedAt = 0

  private readonly timing: WedgeTiming

  constructor(timing: WedgeTiming = WEDGE_TIMING) {
    this.timing = timing
  }

  key(key: string, at: number): WedgeStep {
    if (key === "Enter") {
      const burst =
        this.last !== undefined &&
        this.text.length >= this.timing.minLength &&
        at - this.last <= this.timing.maxGapMs &&
        (at - this.first) / this.text.length <= this.timing.maxAverageGapMs
      const text = this.text
      this.reset()
      if (!burst) {
        this.lines = []
        return { kind: "none" }
      }
      if (!MRZ_LINE.test(text)) {
        this.lines = []
        return { kind: "burst", text, format: "qr" }
      }
      this.lines.push(text)
      this.lineEndedAt = at
      if (this.lines.length < 3) return { kind: "line" }
      const lines = this.lines.join("\n")
      this.lines = []
      return { kind: "burst", text: lines, format: "mrz" }
    }
    // modifier keys (a reader sends Shift for capitals) neither add to nor break a run
    if ([...key].length !== 1) return { kind: "none" }
    if (this.last === undefined && this.lines.length > 0) {
      if (at - this.lineEndedAt <= this.timing.maxGapMs) {
        // the next MRZ line of the same burst: not a new run (what to restore stays what it was before the first)
        this.text = key
        this.first = at
        this.last = at
        return { kind: "none" }
      }
      this.lines = []
    }
    if (this.last === undefined || at - this.last > this.timing.maxGapMs) {
      this.reset()
      this.text = key
      this.first = at
      this.last = at
      return { kind: "started" }
    }
    this.text += key
    this.last = at
    return { kind: "none" }
  }

  private reset() {
    this.text = ""
    this.last = undefined
  }
}
