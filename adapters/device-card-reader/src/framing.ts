// A serial reader sends each scan as bytes ending with its terminator (CR by default, LF or CRLF on some), and the
// port hands them over in chunks of any size: a scan may come in several reads, or several scans in one. The framer
// cuts the byte stream into messages at the terminator whatever the chunking, and the reader flushes what is pending
// after an idle gap (a reader set to send no terminator). A message is capped: past `maxBytes` without a terminator
// the bytes are dropped up to the next terminator (or the gap) and the scan is reported too long, so a stream that
// never ends cannot grow the buffer.

export type Terminator = "CR" | "LF" | "CRLF"

export const TERMINATOR_BYTES: Readonly<Record<Terminator, readonly number[]>> = {
  CR: [0x0d],
  LF: [0x0a],
  CRLF: [0x0d, 0x0a],
}

export type Frame =
  /** One scan's bytes, without the terminator. */
  | { readonly kind: "message"; readonly bytes: Uint8Array }
  /** A scan longer than the cap: `bytes` of it were dropped (at least `maxBytes + 1`). */
  | { readonly kind: "too-long"; readonly bytes: number }

export class ScanFramer {
  private readonly buffer: Uint8Array
  private length = 0
  /** Bytes of an over-long scan dropped so far (0: not dropping). */
  private dropped = 0
  /** CRLF: a CR came last, and the next byte says whether it ends the scan. */
  private heldCr = false
  private readonly terminator: readonly number[]
  private readonly maxBytes: number

  constructor(terminator: Terminator, maxBytes: number) {
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new RangeError("maxBytes must be a positive integer")
    this.terminator = TERMINATOR_BYTES[terminator]
    this.maxBytes = maxBytes
    this.buffer = new Uint8Array(maxBytes)
  }

  /** Bytes of the scan under way (held: at most `maxBytes`, and a CR of a CRLF terminator). */
  get pending(): number {
    return this.length + this.dropped + (this.heldCr ? 1 : 0)
  }

  /** Feeds one chunk from the port; answers the scans it completed, in order. */
  push(chunk: Uint8Array): Frame[] {
    const frames: Frame[] = []
    const [first = 0x0d, second] = this.terminator
    for (const byte of chunk) {
      if (second === undefined) {
        if (byte === first) frames.push(this.end())
        else this.add(byte)
        continue
      }
      if (this.heldCr) {
        this.heldCr = false
        if (byte === second) {
          frames.push(this.end())
          continue
        }
        // a CR of the scan itself
        this.add(first)
      }
      if (byte === first) this.heldCr = true
      else this.add(byte)
    }
    return frames
  }

  /** The idle gap passed: what is pending is a whole scan (none when nothing is). */
  flush(): Frame[] {
    if (this.heldCr) {
      this.heldCr = false
      this.add(this.terminator[0] ?? 0x0d)
    }
    return this.length === 0 && this.dropped === 0 ? [] : [this.end()]
  }

  private add(byte: number) {
    if (this.dropped > 0) this.dropped++
    else if (this.length === this.maxBytes) {
      // past the cap: what was held is dropped with this byte, and so is the rest of the scan
      this.dropped = this.length + 1
      this.length = 0
    } else this.buffer[this.length++] = byte
  }

  private end(): Frame {
    if (this.dropped > 0) {
      const bytes = this.dropped
      this.dropped = 0
      return { kind: "too-long", bytes }
    }
    const bytes = this.buffer.slice(0, this.length)
    this.length = 0
    return { kind: "message", bytes }
  }
}
