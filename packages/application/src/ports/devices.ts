// Counter devices: the citizen ID card reader (chip or MRZ/QR of the CCCD) and the document scanner. Adapters
// (device-*) talk to the hardware; the in-memory layers hand out what the test put on the "reader" or "glass".
import { Context, Effect, Layer } from "effect"
import { CallLog } from "./call-log.ts"
import { DeviceNotReady } from "./external-errors.ts"

/** What the card reader reads from a citizen ID card (CCCD). */
export interface CitizenCard {
  /** 12-digit personal identification number. */
  readonly id: string
  readonly fullName: string
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string
  readonly sex: "Nam" | "Nữ"
  readonly permanentAddress: string
  /** `YYYY-MM-DD`. */
  readonly issuedOn: string
}

export interface IdCardReaderShape {
  readonly read: () => Effect.Effect<CitizenCard, DeviceNotReady>
}

export class IdCardReader extends Context.Service<IdCardReader, IdCardReaderShape>()(
  "@motcua/application/IdCardReader",
) {
  /** Hands out `cards` in order, one per read; then DeviceNotReady. */
  static readonly layerTest = (cards: ReadonlyArray<CitizenCard>) =>
    Layer.effect(
      IdCardReader,
      Effect.gen(function* () {
        const log = yield* CallLog
        const queue = [...cards]
        return IdCardReader.of({
          read: () =>
            Effect.gen(function* () {
              yield* log.record("IdCardReader", "read", null).pipe(Effect.ignore)
              const card = queue.shift()
              if (card === undefined) {
                return yield* Effect.fail(
                  new DeviceNotReady({ device: "IdCardReader", detail: "no card on the reader" }),
                )
              }
              return card
            }),
        })
      }),
    )
}

export interface ScannedDocument {
  readonly bytes: Uint8Array
  readonly mediaType: "application/pdf" | "image/jpeg" | "image/png"
  readonly pages: number
  /** Text read from the pages by OCR (the PDF then carries it as a searchable text layer), when OCR ran. */
  readonly text?: string
}

export interface ScanOptions {
  /** What is being scanned (the required document's name), for the log. */
  readonly label: string
  /** Dots per inch (200–300 for papers; the device's default when absent). */
  readonly resolution?: number
  readonly mode?: "Color" | "Gray" | "Lineart"
  /** The flatbed (one page) or the automatic document feeder (every page in it, up to `maxPages`). */
  readonly source?: "flatbed" | "adf"
  readonly maxPages?: number
}

/** A scanner the counter's computer can reach. */
export interface ScannerDevice {
  readonly id: string
  readonly description: string
}

export interface ScannerShape {
  readonly scan: (options: ScanOptions) => Effect.Effect<ScannedDocument, DeviceNotReady>
  /** The scanners attached (an empty list when none). */
  readonly devices?: () => Effect.Effect<ReadonlyArray<ScannerDevice>, DeviceNotReady>
}

export class Scanner extends Context.Service<Scanner, ScannerShape>()("@motcua/application/Scanner") {
  /** Hands out `documents` in order, one per scan; then DeviceNotReady. */
  static readonly layerTest = (documents: ReadonlyArray<ScannedDocument>) =>
    Layer.effect(
      Scanner,
      Effect.gen(function* () {
        const log = yield* CallLog
        const queue = [...documents]
        return Scanner.of({
          scan: (options) =>
            Effect.gen(function* () {
              yield* log.record("Scanner", "scan", options).pipe(Effect.ignore)
              const document = queue.shift()
              if (document === undefined) {
                return yield* Effect.fail(new DeviceNotReady({ device: "Scanner", detail: "nothing on the glass" }))
              }
              return document
            }),
        })
      }),
    )
}
