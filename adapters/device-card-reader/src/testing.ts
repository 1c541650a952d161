// A stand-in for a serial card reader in tests: a pseudo-terminal pair made by socat (Debian `socat`, in
// scripts/system-packages.txt). The reader's side is a real tty at `port` (a link socat makes, as udev makes
// /dev/serial/by-id links), opened with serialport like a USB-CDC reader; the test writes a scan's bytes into the
// other side. Stopping the pair is the reader unplugged; starting another at the same `port` is the reader back.
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { type FileHandle, open } from "node:fs/promises"
import { join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { formatMrz } from "@motcua/domain"

/** A CCCD's QR text as a reader sends it (Vietnamese names and address in UTF-8). */
export const SAMPLE_CARD_QR =
  "022190001234|100123456|Nguyễn Thị Hồng Nhung|15031990|Nữ|Số 8, ngõ 12, phường Hồng Gai, Quảng Ninh|01072021"
/** The three MRZ lines on the back of a CCCD (check digits computed by the domain's formatMrz). */
export const SAMPLE_CARD_MRZ = formatMrz({
  id: "022090001234",
  dateOfBirth: "1990-03-15",
  sex: "Nam",
  expiresOn: "2030-03-15",
  surname: "NGUYEN",
  givenNames: "VAN<DUC",
})

export interface PtyPair {
  /** The reader's end: the path the agent opens. */
  readonly port: string
  /** Writes bytes as the reader sends them (a string as UTF-8). */
  readonly write: (data: string | Uint8Array) => Promise<void>
  /** Writes `data` in chunks of the sizes given (cycled), pausing `pauseMs` between them. */
  readonly writeChunks: (data: string | Uint8Array, sizes: ReadonlyArray<number>, pauseMs: number) => Promise<void>
  /** Stops socat: both ends go away (the reader unplugged). */
  readonly stop: () => Promise<void>
}

/** Starts `socat -d -d pty,raw,echo=0 pty,raw,echo=0` with its ends linked at `dir`/reader and `dir`/writer. */
export async function startPtyPair(dir: string, name = "reader"): Promise<PtyPair> {
  const port = join(dir, name)
  const writerPath = join(dir, `${name}-writer`)
  const socat = spawn("socat", ["-d", "-d", `pty,raw,echo=0,link=${writerPath}`, `pty,raw,echo=0,link=${port}`], {
    stdio: ["ignore", "ignore", "pipe"],
  })
  let said = ""
  socat.stderr.on("data", (chunk: Buffer) => {
    said += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => socat.once("exit", () => resolve()))
  const failed = new Promise<never>((_, reject) =>
    socat.once("error", (e) => reject(new Error(`socat could not start (install Debian's socat): ${e.message}`))),
  )
  const ready = (async () => {
    for (let i = 0; i < 200 && !/starting data transfer loop/.test(said); i++) await sleep(10)
    if (!existsSync(port) || !existsSync(writerPath)) throw new Error(`socat made no pty pair: ${said}`)
  })()
  await Promise.race([ready, failed])
  const writer: FileHandle = await open(writerPath, "r+")
  const bytes = (data: string | Uint8Array) => (typeof data === "string" ? new TextEncoder().encode(data) : data)
  const write = async (data: string | Uint8Array) => {
    await writer.write(bytes(data))
  }
  return {
    port,
    write,
    writeChunks: async (data, sizes, pauseMs) => {
      const all = bytes(data)
      for (let at = 0, i = 0; at < all.length; i++) {
        const size = Math.max(1, sizes[i % sizes.length] ?? 1)
        await write(all.subarray(at, at + size))
        at += size
        if (at < all.length) await sleep(pauseMs)
      }
    },
    stop: async () => {
      await writer.close().catch(() => undefined)
      if (socat.exitCode === null && socat.signalCode === null) socat.kill("SIGTERM")
      await exited
    },
  }
}
