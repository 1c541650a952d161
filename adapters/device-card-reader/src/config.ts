// How the counter's serial / USB-CDC card reader is reached: the port, its line settings (most QR and MRZ readers:
// 9600 or 115200 baud, 8 data bits, no parity, 1 stop bit — "8N1"), the terminator it ends each scan with (CR by
// default), and the waits and cap of the framing. Read from the agent's environment with a clear error for a bad value.
import { Data, Result } from "effect"
import type { Terminator } from "./framing.ts"

export type Parity = "none" | "even" | "odd" | "mark" | "space"

export interface SerialReaderConfig {
  /** `/dev/ttyACM0` (USB-CDC), `/dev/ttyUSB0` (USB-serial adapter), `/dev/serial/by-id/…`, `COM3`. */
  readonly path: string
  readonly baudRate: number
  readonly dataBits: 5 | 6 | 7 | 8
  readonly parity: Parity
  readonly stopBits: 1 | 1.5 | 2
  /** What the reader ends each scan with. */
  readonly terminator: Terminator
  /** A scan with no terminator ends after this pause in the bytes (ms). */
  readonly idleMs: number
  /** How long an MRZ line sent as a scan of its own waits for the next (ms); then the MRZ is truncated. */
  readonly lineWaitMs: number
  /** The longest scan kept (bytes; a CCCD's QR text is under 300). */
  readonly maxBytes: number
  /** Reopening a port that is missing, busy or was unplugged: the first wait, doubled up to `maxMs`. */
  readonly reconnect: { readonly firstMs: number; readonly maxMs: number }
}

export const SERIAL_READER_DEFAULTS: Omit<SerialReaderConfig, "path"> = {
  baudRate: 9600,
  dataBits: 8,
  parity: "none",
  stopBits: 1,
  terminator: "CR",
  idleMs: 200,
  lineWaitMs: 500,
  maxBytes: 2048,
  reconnect: { firstMs: 500, maxMs: 10_000 },
}

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const

export class InvalidReaderConfig extends Data.TaggedError("InvalidReaderConfig")<{
  /** The variable at fault, e.g. `MOTCUA_AGENT_CARD_BAUD`. */
  readonly setting: string
  readonly value: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.setting}="${this.value}" không hợp lệ (invalid): ${this.reason}`
  }
}

const PARITY: Readonly<Record<string, Parity>> = { N: "none", E: "even", O: "odd", M: "mark", S: "space" }

/**
 * The serial reader's settings from the agent's environment, or undefined when `MOTCUA_AGENT_CARD_PORT` is unset (no
 * serial reader at this counter):
 * `MOTCUA_AGENT_CARD_PORT`, `MOTCUA_AGENT_CARD_BAUD` (9600), `MOTCUA_AGENT_CARD_FRAMING` (`8N1`: data bits, parity
 * N/E/O/M/S, stop bits 1/1.5/2), `MOTCUA_AGENT_CARD_TERMINATOR` (`CR`, `LF` or `CRLF`), `MOTCUA_AGENT_CARD_IDLE_MS`
 * (200), `MOTCUA_AGENT_CARD_MAX_BYTES` (2048).
 */
export function serialReaderConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Result.Result<SerialReaderConfig | undefined, InvalidReaderConfig> {
  const path = env.MOTCUA_AGENT_CARD_PORT?.trim()
  if (path === undefined || path === "") return Result.succeed(undefined)
  const bad = (setting: string, reason: string) =>
    Result.fail(new InvalidReaderConfig({ setting, value: env[setting] ?? "", reason }))
  const d = SERIAL_READER_DEFAULTS

  const baudText = env.MOTCUA_AGENT_CARD_BAUD?.trim() || String(d.baudRate)
  const baudRate = Number(baudText)
  if (!(BAUD_RATES as ReadonlyArray<number>).includes(baudRate))
    return bad("MOTCUA_AGENT_CARD_BAUD", `tốc độ phải là một trong ${BAUD_RATES.join(", ")} (baud rate)`)

  const framing = /^([5-8])([NEOMS])(1|1\.5|2)$/i.exec(env.MOTCUA_AGENT_CARD_FRAMING?.trim() || "8N1")
  if (framing === null)
    return bad(
      "MOTCUA_AGENT_CARD_FRAMING",
      "cần dạng 8N1: số bit dữ liệu 5–8, chẵn lẻ N/E/O/M/S, bit dừng 1, 1.5 hoặc 2 (data bits, parity, stop bits)",
    )
  const terminator = (env.MOTCUA_AGENT_CARD_TERMINATOR?.trim() || d.terminator).toUpperCase()
  if (terminator !== "CR" && terminator !== "LF" && terminator !== "CRLF")
    return bad("MOTCUA_AGENT_CARD_TERMINATOR", "ký tự kết thúc phải là CR, LF hoặc CRLF (terminator)")

  const integer = (setting: string, fallback: number, min: number, max: number) => {
    const text = env[setting]?.trim() || String(fallback)
    const n = Number(text)
    return /^\d+$/.test(text) && n >= min && n <= max ? n : undefined
  }
  const idleMs = integer("MOTCUA_AGENT_CARD_IDLE_MS", d.idleMs, 10, 10_000)
  if (idleMs === undefined) return bad("MOTCUA_AGENT_CARD_IDLE_MS", "số mili giây từ 10 đến 10000 (idle gap, ms)")
  const maxBytes = integer("MOTCUA_AGENT_CARD_MAX_BYTES", d.maxBytes, 64, 65_536)
  if (maxBytes === undefined) return bad("MOTCUA_AGENT_CARD_MAX_BYTES", "số byte từ 64 đến 65536 (longest scan, bytes)")

  return Result.succeed({
    ...d,
    path,
    baudRate,
    dataBits: Number(framing[1]) as 5 | 6 | 7 | 8,
    parity: PARITY[(framing[2] ?? "N").toUpperCase()] ?? "none",
    stopBits: Number(framing[3]) as 1 | 1.5 | 2,
    terminator,
    idleMs,
    lineWaitMs: Math.max(d.lineWaitMs, idleMs * 2),
    maxBytes,
  })
}
