// The counter's ID-card reader on a serial / USB-CDC port, through the `serialport` package: the port is opened with
// the configured line settings (and locked, so no other program reads it meanwhile), each scan framed (framing.ts),
// decoded and parsed (scan.ts), and every card or refusal handed to `onEvent` as it comes. The port's state is a
// status the agent shows the desk: open; missing, busy (another program has it) or denied (no permission: the
// `dialout` group on Linux), each with what the OS said; unplugged while open. A port that is not open is tried
// again with a backoff (the first wait doubled up to a ceiling), so a reader plugged in later, or back, is picked up.
// serialport notices a port gone away by the hangup on its next read, which it misses now and then when the hangup
// comes with the last bytes; so the device path is also looked at every second while open (POSIX paths): gone, or
// another device now (plugged back in elsewhere), the port is closed and reported unplugged.
import { stat } from "node:fs/promises"
import { SerialPort } from "serialport"
import type { SerialReaderConfig } from "./config.ts"
import { ScanFramer } from "./framing.ts"
import { CardScanRefused, ScanAssembler, type ScanOutcome } from "./scan.ts"

export type ReaderState =
  | "opening"
  | "open"
  /** No such port: nothing plugged in, or a wrong path. */
  | "missing"
  /** Another program has the port open. */
  | "busy"
  /** The OS refused access (Linux: the user is not in the `dialout` group). */
  | "denied"
  /** The reader went away while open (unplugged, its cable or hub). */
  | "unplugged"
  | "failed"
  /** Closed by the agent (it is stopping). */
  | "closed"

export interface ReaderStatus {
  readonly state: ReaderState
  readonly path: string
  /** What happened, Vietnamese then English, with the OS's own words when it said something. */
  readonly detail: string
  /** When the port is tried again (ms), when it will be. */
  readonly retryInMs?: number
  /** When this state began (ISO). */
  readonly since: string
}

export type ReaderEvent = ScanOutcome | { readonly kind: "status"; readonly status: ReaderStatus }

export interface SerialCardReader {
  readonly status: () => ReaderStatus
  /** Bytes of the scan under way (received, its end not yet). */
  readonly pending: () => number
  /** Closes the port and stops reopening it. */
  readonly close: () => Promise<void>
}

/** A serial port this computer has, as `SerialPort.list()` describes it. */
export interface SerialPortInfo {
  readonly path: string
  readonly manufacturer?: string
  readonly serialNumber?: string
  readonly vendorId?: string
  readonly productId?: string
}

/** The serial ports of this computer (USB-CDC readers show their USB vendor and product ids). */
export async function listSerialPorts(): Promise<ReadonlyArray<SerialPortInfo>> {
  const ports = await SerialPort.list()
  return ports.map((p) => ({
    path: p.path,
    ...(p.manufacturer === undefined ? {} : { manufacturer: p.manufacturer }),
    ...(p.serialNumber === undefined ? {} : { serialNumber: p.serialNumber }),
    ...(p.vendorId === undefined ? {} : { vendorId: p.vendorId }),
    ...(p.productId === undefined ? {} : { productId: p.productId }),
  }))
}

/** The state an open failure puts the port in, from what the OS said (serialport passes its message on). */
function openFailure(path: string, error: Error): { state: ReaderState; detail: string } {
  const said = error.message
  if (/no such file|ENOENT|ENXIO|ENODEV|cannot find|file not found/i.test(said))
    return { state: "missing", detail: `không thấy cổng ${path} — chưa cắm đầu đọc? (port not found: ${said})` }
  if (/cannot lock|resource temporarily unavailable|EBUSY|resource busy|access denied.*in use/i.test(said))
    return {
      state: "busy",
      detail: `cổng ${path} đang được chương trình khác dùng (port busy, opened by another program: ${said})`,
    }
  if (/permission denied|EACCES|EPERM/i.test(said))
    return {
      state: "denied",
      detail:
        `không có quyền mở cổng ${path}; trên Linux thêm người dùng vào nhóm dialout ` +
        `(permission denied — add the user to the dialout group: ${said})`,
    }
  return { state: "failed", detail: `không mở được cổng ${path} (cannot open the port: ${said})` }
}

/** Opens the reader's port (and keeps reopening it), handing each card, refusal and status change to `onEvent`. */
export function openSerialCardReader(
  config: SerialReaderConfig,
  onEvent: (event: ReaderEvent) => void,
): SerialCardReader {
  const path = config.path
  let current: ReaderStatus = {
    state: "opening",
    path,
    detail: `đang mở cổng ${path} (opening)`,
    since: new Date().toISOString(),
  }
  let port: SerialPort | undefined
  let framer = new ScanFramer(config.terminator, config.maxBytes)
  const assembler = new ScanAssembler(config.maxBytes)
  let failures = 0
  let stopped = false
  let retry: ReturnType<typeof setTimeout> | undefined
  let idle: ReturnType<typeof setTimeout> | undefined
  let lineWait: ReturnType<typeof setTimeout> | undefined
  let watch: ReturnType<typeof setInterval> | undefined

  const setStatus = (state: ReaderState, detail: string, retryInMs?: number) => {
    current = {
      state,
      path,
      detail,
      ...(retryInMs === undefined ? {} : { retryInMs }),
      since: new Date().toISOString(),
    }
    onEvent({ kind: "status", status: current })
  }
  const deliver = (outcomes: ReadonlyArray<ScanOutcome>) => {
    for (const outcome of outcomes) onEvent(outcome)
  }
  const watchLines = () => {
    if (lineWait !== undefined) clearTimeout(lineWait)
    lineWait = assembler.holding ? setTimeout(() => deliver(assembler.expire()), config.lineWaitMs) : undefined
  }

  const onData = (chunk: Buffer) => {
    if (idle !== undefined) clearTimeout(idle)
    idle = undefined
    for (const frame of framer.push(chunk)) deliver(assembler.frame(frame))
    if (framer.pending > 0)
      idle = setTimeout(() => {
        idle = undefined
        for (const frame of framer.flush()) deliver(assembler.frame(frame))
        watchLines()
      }, config.idleMs)
    watchLines()
  }

  const scheduleOpen = (state: ReaderState, detail: string) => {
    if (stopped) return
    const wait = Math.min(config.reconnect.maxMs, config.reconnect.firstMs * 2 ** Math.min(failures, 20))
    failures++
    setStatus(state, detail, wait)
    retry = setTimeout(open, wait)
  }

  // a scan cut off by the port going away: what came of it is refused as truncated
  const dropPartial = () => {
    if (idle !== undefined) clearTimeout(idle)
    idle = undefined
    const pending = framer.pending
    framer = new ScanFramer(config.terminator, config.maxBytes)
    if (pending > 0)
      onEvent({
        kind: "refused",
        error: new CardScanRefused({
          problem: "truncated",
          where: `byte ${pending + 1}`,
          detail: `lần quét bị cắt sau ${pending} byte vì mất kết nối (scan cut off after ${pending} bytes: the port closed)`,
        }),
      })
    if (lineWait !== undefined) clearTimeout(lineWait)
    lineWait = undefined
    deliver(assembler.expire())
  }

  /** Closes `opened` when its device path goes away or becomes another device (the close reports it unplugged). */
  async function watchDevice(opened: SerialPort) {
    const device = await stat(path).catch(() => undefined)
    if (device === undefined || port !== opened) return
    if (watch !== undefined) clearInterval(watch)
    watch = setInterval(() => {
      void stat(path).then(
        (now) => {
          if (now.rdev !== device.rdev && opened.isOpen) opened.close()
        },
        () => {
          if (opened.isOpen) opened.close()
        },
      )
    }, 1000)
  }

  function open() {
    retry = undefined
    if (stopped) return
    const candidate = new SerialPort({
      path,
      baudRate: config.baudRate,
      dataBits: config.dataBits,
      parity: config.parity,
      stopBits: config.stopBits,
      autoOpen: false,
    })
    candidate.open((error) => {
      if (stopped) {
        if (error === null) candidate.close()
        return
      }
      if (error !== null) {
        const { state, detail } = openFailure(path, error)
        scheduleOpen(state, detail)
        return
      }
      port = candidate
      failures = 0
      setStatus("open", `đã mở cổng ${path}, ${config.baudRate} baud (port open)`)
      if (path.startsWith("/")) void watchDevice(candidate)
      candidate.on("data", onData)
      candidate.on("error", () => {
        // the close that follows says what it means for the reader
      })
      candidate.on("close", (closeError: (Error & { disconnected?: boolean }) | null) => {
        if (port === candidate) port = undefined
        if (watch !== undefined) clearInterval(watch)
        watch = undefined
        dropPartial()
        if (stopped) return
        scheduleOpen(
          "unplugged",
          `đầu đọc ở cổng ${path} đã bị rút hoặc mất kết nối, đang thử mở lại ` +
            `(reader unplugged or disconnected, reopening${closeError === null ? "" : `: ${closeError.message}`})`,
        )
      })
    })
  }
  open()

  return {
    status: () => current,
    pending: () => framer.pending,
    close: async () => {
      stopped = true
      if (retry !== undefined) clearTimeout(retry)
      if (idle !== undefined) clearTimeout(idle)
      if (lineWait !== undefined) clearTimeout(lineWait)
      if (watch !== undefined) clearInterval(watch)
      const open = port
      port = undefined
      if (open?.isOpen) await new Promise<void>((resolve) => open.close(() => resolve()))
      current = { state: "closed", path, detail: `đã đóng cổng ${path} (closed)`, since: new Date().toISOString() }
    },
  }
}
