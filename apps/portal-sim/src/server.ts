// A stand-in national public service portal (DVCQG) speaking the contract motcua's adapter speaks
// (../../shared/docs/dvcqg-contract.md): sign-in, DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo and the inbound
// filings queue, in the envelope style (POST /api) and the bare style (POST /api/<service>). It stores what it
// accepts, as received, and checks every field (validate.ts), the status sequence of records and of progress, and
// that a dossier's progress comes after its record. Faults on demand (faults): a share of calls answered with a 5xx,
// held past the client's timeout, applied and then left unanswered (the connection dropped), answered with
// something that is not an answer, or told the session expired; latency on every call; each inbound filing
// delivered several times. Inspection: GET /sim/dossiers/{MaHoSo} → { record, progress }, GET /sim/stats.
import { randomBytes } from "node:crypto"
import type { AddressInfo } from "node:net"
import { type HttpBindings, type ServerType, serve } from "@hono/node-server"
import { acceptedStatusTransitions, type NationalStatusCode } from "@motcua/domain"
import { type Context, Hono } from "hono"
import { isPortalInstant, progressProblems, recordProblems, statusMayFollow } from "./validate.ts"

export type FaultKind = "5xx" | "timeout" | "lost" | "malformed" | "session"
export const FAULT_KINDS: ReadonlyArray<FaultKind> = ["5xx", "timeout", "lost", "malformed", "session"]

export interface Faults {
  /** Share of service calls (0–1) that meet a fault, drawn from `kinds`. */
  readonly failRate: number
  readonly kinds: ReadonlyArray<FaultKind>
  /** Milliseconds added to every call. */
  readonly latencyMs: number
  /** How long a "timeout" fault holds the call before answering 504 (past any sensible client timeout). */
  readonly hangMs: number
  /** How many times each waiting inbound filing is listed per fetch (duplicate deliveries). */
  readonly duplicateDeliveries: number
}

export const NO_FAULTS: Faults = {
  failRate: 0,
  kinds: FAULT_KINDS,
  latencyMs: 0,
  hangMs: 5_000,
  duplicateDeliveries: 1,
}

export interface SimOptions {
  /** Credentials the sign-in accepts (motcua / motcua by default). */
  readonly username?: string
  readonly password?: string
  /** The dstcode header every call must carry, when set. */
  readonly dstcode?: string
  /** The madonvi every call must carry, when set. */
  readonly unitCode?: string
  /** Lifetime of a session token (1 hour by default). */
  readonly sessionTtlMs?: number
  readonly faults?: Partial<Faults>
  /** Random source for the faults (tests fix it); Math.random by default. */
  readonly random?: () => number
}

type Item = Record<string, unknown>

export interface SimDossier {
  /** The record as last received. */
  record: Item
  /** Every record version accepted, in order. */
  readonly versions: Item[]
  readonly progress: Item[]
}

export interface InboundEntry {
  readonly filing: Item
  ack: { readonly accepted: boolean; readonly dossierCode: string; readonly reason: string } | undefined
  deliveries: number
}

export interface SimStats {
  requests: number
  signIns: number
  byService: Record<string, number>
  faults: Record<FaultKind, number>
  /** Objects applied (records created or updated, progress items added). */
  applied: { records: number; progress: number }
  /** Progress items received again (same dossier, instant, status and content) and kept once. */
  duplicatesIgnored: number
  /** Calls refused (non-zero error_code) by reason. */
  refused: Record<string, number>
  /** Refusals of "đã tồn tại" (a create for a dossier held). */
  alreadyExists: number
}

export interface SimState {
  readonly dossiers: Map<string, SimDossier>
  readonly inbound: Map<string, InboundEntry>
  readonly files: Map<string, { readonly bytes: Uint8Array; readonly mediaType: string; readonly name: string }>
  readonly sessions: Map<string, number>
  readonly stats: SimStats
  faults: Faults
}

const emptyStats = (): SimStats => ({
  requests: 0,
  signIns: 0,
  byService: {},
  faults: { "5xx": 0, timeout: 0, lost: 0, malformed: 0, session: 0 },
  applied: { records: 0, progress: 0 },
  duplicatesIgnored: 0,
  refused: {},
  alreadyExists: 0,
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const answer = (code: string, message: string, data?: unknown) => ({
  error_code: code,
  message,
  ...(data === undefined ? {} : { data }),
})

// a proxy's error page with a 200
const malformedHtml = (c: Context) =>
  c.html("<!DOCTYPE html><html><head><title>Lỗi</title></head><body><h1>Hệ thống đang bảo trì</h1></body></html>")
const MALFORMED: ReadonlyArray<(c: Context) => Response> = [
  malformedHtml,
  // truncated JSON
  (c) => c.body('{"error_code":"0","message":"Đồng bộ thà', 200, { "content-type": "application/json" }),
  // wrong types
  (c) => c.json({ error_code: null, message: 42, data: "ok" }),
  // an empty body
  (c) => c.body("", 200, { "content-type": "application/json" }),
]

export function createSimState(options: SimOptions = {}): SimState {
  return {
    dossiers: new Map(),
    inbound: new Map(),
    files: new Map(),
    sessions: new Map(),
    stats: emptyStats(),
    faults: { ...NO_FAULTS, ...options.faults },
  }
}

/** The hono app of the simulator over `state`. */
export function createSimApp(state: SimState, options: SimOptions = {}) {
  const app = new Hono<{ Bindings: HttpBindings }>()
  const random = options.random ?? Math.random
  const username = options.username ?? "motcua"
  const password = options.password ?? "motcua"
  const ttl = options.sessionTtlMs ?? 3_600_000

  const refuse = (c: Context, code: string, reason: string, message: string) => {
    state.stats.refused[reason] = (state.stats.refused[reason] ?? 0) + 1
    return c.json(answer(code, message))
  }

  /** Latency, then maybe a fault: the response to send instead, "lost" (apply, then drop), or undefined. */
  const fault = async (c: Context): Promise<Response | "lost" | "session" | undefined> => {
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs)
    if (state.faults.failRate <= 0 || state.faults.kinds.length === 0 || random() >= state.faults.failRate)
      return undefined
    const kind = state.faults.kinds[Math.floor(random() * state.faults.kinds.length)] ?? "5xx"
    state.stats.faults[kind]++
    switch (kind) {
      case "5xx":
        return random() < 0.5
          ? c.json(answer("-500", "Lỗi hệ thống (internal error)"), 500)
          : c.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 502)
      case "timeout":
        await sleep(state.faults.hangMs)
        return c.json(answer("-504", "Hết thời gian chờ (gateway timeout)"), 504)
      case "malformed":
        return (MALFORMED[Math.floor(random() * MALFORMED.length)] ?? malformedHtml)(c)
      case "lost":
        return "lost"
      case "session":
        return "session"
    }
  }

  /** Drops the connection without an answer (the change, if any, was applied). */
  const drop = (c: Context<{ Bindings: HttpBindings }>) => {
    c.env.incoming.socket.destroy()
    return c.body(null, 500)
  }

  const sessionValid = (token: string | undefined) => {
    if (token === undefined) return false
    const until = state.sessions.get(token)
    if (until === undefined) return false
    if (until <= Date.now()) {
      state.sessions.delete(token)
      return false
    }
    return true
  }

  app.post("/auth", async (c) => {
    state.stats.requests++
    const injected = await fault(c)
    if (injected instanceof Response) return injected
    if (injected === "lost") return drop(c)
    let body: { username?: unknown; password?: unknown }
    try {
      body = (await c.req.json()) as typeof body
    } catch {
      return c.json(answer("-1", "Yêu cầu không phải JSON (request is not JSON)"), 400)
    }
    if (body.username !== username || body.password !== password)
      return c.json(answer("-401", "Sai tên đăng nhập hoặc mật khẩu (wrong credentials)"), 401)
    const session = randomBytes(18).toString("base64url")
    state.sessions.set(session, Date.now() + ttl)
    state.stats.signIns++
    return c.json({ error_code: "0", message: "Đăng nhập thành công", session, expires_in: Math.ceil(ttl / 1000) })
  })

  /** One service call, whichever the style. */
  const serveCall = async (
    c: Context<{ Bindings: HttpBindings }>,
    call: { session: string | undefined; unit: unknown; service: unknown; isUpdating: unknown; data: unknown },
  ) => {
    state.stats.requests++
    if (options.dstcode !== undefined && c.req.header("dstcode") !== options.dstcode)
      return refuse(c, "-403", "dstcode", "dstcode không hợp lệ (wrong or missing dstcode header)")
    const injected = await fault(c)
    if (injected instanceof Response) return injected
    if (injected === "session" && call.session !== undefined) state.sessions.delete(call.session)
    if (!sessionValid(call.session))
      return refuse(c, "-2", "session", "Phiên làm việc không hợp lệ hoặc đã hết hạn (session invalid or expired)")
    if (options.unitCode !== undefined && call.unit !== options.unitCode)
      return refuse(c, "-1", "madonvi", `madonvi không hợp lệ (wrong unit code): ${JSON.stringify(call.unit)}`)
    if (typeof call.service !== "string") return refuse(c, "-1", "service", "thiếu service (no service)")
    state.stats.byService[call.service] = (state.stats.byService[call.service] ?? 0) + 1
    if (!Array.isArray(call.data)) return refuse(c, "-1", "data", "data phải là danh sách (data must be a list)")
    const result = handle(c, call.service, call.data, call.isUpdating)
    return injected === "lost" ? drop(c) : result
  }

  const handle = (c: Context, service: string, data: unknown[], isUpdating: unknown): Response => {
    switch (service) {
      case "DongBoHoSoMC":
        return syncRecords(c, data, isUpdating)
      case "CapNhatTienDoHoSoMC":
        return syncProgress(c, data)
      case "TraCuuHoSo":
        return lookup(c, data)
      case "LayDanhSachHoSoNopTrucTuyen":
        return listInbound(c, data)
      case "XacNhanHoSoNopTrucTuyen":
        return acknowledge(c, data)
      default:
        return refuse(c, "-9", "service", `Dịch vụ ${service} không tồn tại (unknown service)`)
    }
  }

  const syncRecords = (c: Context, data: unknown[], isUpdating: unknown) => {
    if (isUpdating !== "True" && isUpdating !== "False")
      return refuse(c, "-1", "isUpdating", `isUpdating phải là "True" hoặc "False", nhận ${JSON.stringify(isUpdating)}`)
    const problems = data.flatMap((item, i) => recordProblems(item).map((p) => `[${i}] ${p}`))
    if (problems.length > 0) return refuse(c, "-1", "invalid-record", `Dữ liệu không hợp lệ: ${problems.join("; ")}`)
    // check every record before applying any
    for (const item of data as Item[]) {
      const code = item.MaHoSo as string
      const held = state.dossiers.get(code)
      if (held !== undefined && isUpdating === "False") {
        state.stats.alreadyExists++
        return c.json(answer("3", `Hồ sơ ${code} đã tồn tại`))
      }
      if (held !== undefined && !statusMayFollow(Number(held.record.TrangThaiHoSo), Number(item.TrangThaiHoSo)))
        return refuse(
          c,
          "-5",
          "status-sequence",
          `Trạng thái ${item.TrangThaiHoSo} không thể theo sau ${held.record.TrangThaiHoSo} (status cannot follow) cho hồ sơ ${code}`,
        )
    }
    for (const item of data as Item[]) {
      const code = item.MaHoSo as string
      const held = state.dossiers.get(code)
      if (held === undefined) state.dossiers.set(code, { record: item, versions: [item], progress: [] })
      else {
        held.record = item
        held.versions.push(item)
      }
      state.stats.applied.records++
    }
    return c.json(answer("0", "Đồng bộ hồ sơ thành công"))
  }

  const sameItem = (a: Item, b: Item) =>
    a.MaHoSo === b.MaHoSo &&
    a.ThoiDiemXuLy === b.ThoiDiemXuLy &&
    a.TrangThai === b.TrangThai &&
    a.NoiDungXuLy === b.NoiDungXuLy

  const syncProgress = (c: Context, data: unknown[]) => {
    const problems = data.flatMap((item, i) => progressProblems(item).map((p) => `[${i}] ${p}`))
    if (problems.length > 0) return refuse(c, "-1", "invalid-progress", `Dữ liệu không hợp lệ: ${problems.join("; ")}`)
    // the sequence each dossier would have, checked before anything is applied
    const planned = new Map<string, Item[]>()
    const fresh: Item[] = []
    for (const item of data as Item[]) {
      const code = item.MaHoSo as string
      const held = state.dossiers.get(code)
      if (held === undefined)
        return refuse(
          c,
          "-4",
          "progress-before-record",
          `Hồ sơ ${code} chưa được đồng bộ (no record yet: progress refused)`,
        )
      const list = planned.get(code) ?? [...held.progress]
      if (list.some((p) => sameItem(p, item))) {
        state.stats.duplicatesIgnored++
        continue
      }
      const last = list.filter((p) => p.TrangThai !== "0").at(-1)
      const status = Number(item.TrangThai) as NationalStatusCode | 0
      if (status !== 0 && last !== undefined) {
        const before = Number(last.TrangThai) as NationalStatusCode
        if (status !== before && !acceptedStatusTransitions[before].includes(status))
          return refuse(
            c,
            "-5",
            "status-sequence",
            `Tiến độ trạng thái ${status} không thể theo sau ${before} (status cannot follow) cho hồ sơ ${code}`,
          )
      }
      list.push(item)
      planned.set(code, list)
      fresh.push(item)
    }
    for (const item of fresh) {
      state.dossiers.get(item.MaHoSo as string)?.progress.push(item)
      state.stats.applied.progress++
    }
    return c.json(answer("0", "Cập nhật tiến độ thành công"))
  }

  const lookup = (c: Context, data: unknown[]) => {
    const code = (data[0] as { mahoso?: unknown } | undefined)?.mahoso
    if (typeof code !== "string" || code === "") return refuse(c, "-1", "lookup", "thiếu mahoso (no mahoso)")
    const held = state.dossiers.get(code)
    return c.json(
      answer(
        "0",
        held === undefined ? "Không tìm thấy hồ sơ" : "Tra cứu thành công",
        held === undefined
          ? []
          : [{ MaHoSo: code, TrangThaiHoSo: held.record.TrangThaiHoSo, NgayCapNhat: held.record.NgayHenTra ?? "" }],
      ),
    )
  }

  const listInbound = (c: Context, data: unknown[]) => {
    const limit = Number((data[0] as { SoLuong?: unknown } | undefined)?.SoLuong ?? 50)
    const waiting = [...state.inbound.values()]
      .filter((e) => e.ack === undefined)
      .slice(0, Number.isFinite(limit) ? limit : 50)
    const out: Item[] = []
    for (const entry of waiting)
      for (let i = 0; i < Math.max(1, state.faults.duplicateDeliveries); i++) {
        entry.deliveries++
        out.push(entry.filing)
      }
    return c.json(answer("0", `${out.length} hồ sơ`, out))
  }

  const acknowledge = (c: Context, data: unknown[]) => {
    for (const item of data as Item[]) {
      const entry = state.inbound.get(String(item.MaHoSoQG))
      if (entry === undefined) return refuse(c, "-4", "unknown-filing", `Không có hồ sơ ${String(item.MaHoSoQG)}`)
      // the first acknowledgement counts; a repeated one (an answer that was lost) changes nothing
      entry.ack ??= {
        accepted: item.TrangThai === "1",
        dossierCode: String(item.MaHoSo ?? ""),
        reason: String(item.LyDo ?? ""),
      }
    }
    return c.json(answer("0", "Đã xác nhận"))
  }

  const readJson = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json()
    } catch {
      return undefined
    }
  }

  app.post("/api", async (c) => {
    const body = (await readJson(c)) as Item | undefined
    if (body === undefined || typeof body !== "object")
      return refuse(c, "-1", "json", "Yêu cầu không phải JSON (not JSON)")
    return serveCall(c, {
      session: typeof body.session === "string" ? body.session : undefined,
      unit: body.madonvi,
      service: body.service,
      isUpdating: body.isUpdating,
      data: body.data,
    })
  })

  app.post("/api/:service", async (c) => {
    const body = await readJson(c)
    const auth = c.req.header("authorization")
    return serveCall(c, {
      session: auth?.startsWith("Bearer ") ? auth.slice(7) : undefined,
      unit: c.req.query("madonvi"),
      service: c.req.param("service"),
      isUpdating: c.req.query("isUpdating"),
      data: body,
    })
  })

  app.get("/files/:id", (c) => {
    const auth = c.req.header("authorization")
    if (!sessionValid(auth?.startsWith("Bearer ") ? auth.slice(7) : undefined))
      return c.json(answer("-2", "Phiên không hợp lệ"), 401)
    const file = state.files.get(c.req.param("id"))
    if (file === undefined) return c.json(answer("-4", "Không có tệp"), 404)
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": file.mediaType })
  })

  // Inspection and control (not part of the portal's contract)
  app.get("/sim/dossiers/:code", (c) => {
    const held = state.dossiers.get(c.req.param("code"))
    if (held === undefined) return c.json({ error: "not held" }, 404)
    return c.json({ record: held.record, versions: held.versions.length, progress: held.progress })
  })
  // every dossier held, with its record and progress as received (?full=1), or only their codes
  app.get("/sim/dossiers", (c) =>
    c.req.query("full") === "1"
      ? c.json(
          Object.fromEntries(
            [...state.dossiers].map(([code, d]) => [
              code,
              { record: d.record, versions: d.versions.length, progress: d.progress },
            ]),
          ),
        )
      : c.json({ codes: [...state.dossiers.keys()] }),
  )
  app.get("/sim/stats", (c) =>
    c.json({
      ...state.stats,
      dossiers: state.dossiers.size,
      progressItems: [...state.dossiers.values()].reduce((n, d) => n + d.progress.length, 0),
      inbound: {
        waiting: [...state.inbound.values()].filter((e) => e.ack === undefined).length,
        total: state.inbound.size,
      },
      faultSettings: state.faults,
    }),
  )
  app.post("/sim/faults", async (c) => {
    const body = (await readJson(c)) as Partial<Faults> | undefined
    state.faults = { ...state.faults, ...(body ?? {}) }
    return c.json(state.faults)
  })
  /**
   * Queues a filing made "on the portal": the portal's fields (TaiLieuNop entries may carry `NoiDung`, the file in
   * base64, and `KieuTep`, its media type: the simulator keeps the file and links it as DuongDanTaiTepTin).
   */
  app.post("/sim/inbound", async (c) => {
    const body = (await readJson(c)) as Item | undefined
    if (body === undefined || typeof body.MaHoSoQG !== "string") return c.json({ error: "MaHoSoQG required" }, 400)
    if (typeof body.NgayNopHoSo === "string" && !isPortalInstant(body.NgayNopHoSo))
      return c.json({ error: "NgayNopHoSo" }, 400)
    const documents = Array.isArray(body.TaiLieuNop) ? (body.TaiLieuNop as Item[]) : []
    const TaiLieuNop = documents.map((doc, i) => {
      const { NoiDung, KieuTep, ...rest } = doc
      if (typeof NoiDung !== "string") return rest
      const id = `${body.MaHoSoQG}-${i + 1}`
      state.files.set(id, {
        bytes: new Uint8Array(Buffer.from(NoiDung, "base64")),
        mediaType: typeof KieuTep === "string" ? KieuTep : "application/octet-stream",
        name: String(rest.TenTepDinhKem ?? id),
      })
      return { ...rest, TepDinhKemId: id, DuongDanTaiTepTin: `/files/${id}` }
    })
    state.inbound.set(body.MaHoSoQG, { filing: { ...body, TaiLieuNop }, ack: undefined, deliveries: 0 })
    return c.json({ queued: body.MaHoSoQG }, 201)
  })
  app.get("/sim/inbound", (c) =>
    c.json(
      [...state.inbound.entries()].map(([id, e]) => ({ MaHoSoQG: id, deliveries: e.deliveries, ack: e.ack ?? null })),
    ),
  )
  app.post("/sim/reset", (c) => {
    state.dossiers.clear()
    state.inbound.clear()
    state.files.clear()
    Object.assign(state.stats, emptyStats())
    return c.json({ reset: true })
  })
  return app
}

export interface RunningSim {
  readonly port: number
  readonly url: string
  readonly state: SimState
  readonly close: () => Promise<void>
}

/** Starts the simulator on `port` (0: a free one) of `hostname` (127.0.0.1 by default). */
export async function startPortalSim(
  options: SimOptions & { readonly port?: number; readonly hostname?: string } = {},
): Promise<RunningSim> {
  const state = createSimState(options)
  const app = createSimApp(state, options)
  const hostname = options.hostname ?? "127.0.0.1"
  let server: ServerType | undefined
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => resolve(info.port))
    server.once("error", reject)
  })
  return {
    port,
    url: `http://${hostname}:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        const s = server as (ServerType & { closeAllConnections?: () => void }) | undefined
        if (s === undefined) return resolve()
        s.close(() => resolve())
        s.closeAllConnections?.()
      }),
  }
}
