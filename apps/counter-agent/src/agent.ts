// The counter agent: browsers cannot open a scanner or a serial port, so this small service on the officer's PC does
// it for the officer desk. It listens on the loopback interface only, answers only the desk's origin (CORS), and
// does nothing until paired: the desk gets a one-time code from the API for the signed-in officer and hands it to the
// agent (POST /pair), which redeems it at the API for a session of its own for that officer's account, and answers
// the desk a local token for the calls that follow. A scan (POST /scan) is uploaded to the API as the officer's
// document (to attach at intake) and answered with its id and SHA-256; a card reader's text (POST /card) is parsed
// and checked by the API. Device failures come back as 409/503 problems naming the problem; nothing is uploaded
// unless the whole scan succeeded.
// A card reader in serial mode (adapters/device-card-reader) reads on its own: each card it reads, each scan it
// refuses and each change of its port's state is kept for the paired desk, which asks for what is new
// (GET /card-reads, answered at once or when something new comes) and fills the intake form from the card as it does from a keyboard-wedge read (the
// card has the shape the API's id-card route answers).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto"
import type { DeviceNotReady, ScannerShape, ScanOptions } from "@motcua/application"
import {
  listSerialPorts,
  type ReaderEvent,
  type ReaderStatus,
  type SerialCardReader,
  type SerialPortInfo,
} from "@motcua/device-card-reader"
import type { IdCardText } from "@motcua/domain"
import { Effect, Exit } from "effect"
import { Hono } from "hono"

export interface AgentOptions {
  /** The API's base URL, e.g. `https://motcua.quangninh.gov.vn`. */
  readonly apiBase: string
  /** Origins whose pages may call the agent (the desk's: the API's own origin by default). */
  readonly allowedOrigins?: ReadonlyArray<string>
  readonly scanner: ScannerShape
  /** The fetch to reach the API with (tests, a proxy); the global one by default. */
  readonly fetch?: typeof fetch
  /** Opens the serial card reader, handing its events to the agent (`openSerialCardReader` with the settings). */
  readonly cardReader?: (onEvent: (event: ReaderEvent) => void) => SerialCardReader
  /** The serial ports to list at GET /devices (`SerialPort.list()` by default). */
  readonly serialPorts?: () => Promise<ReadonlyArray<SerialPortInfo>>
  /** How long a card read is kept for the desk to take (2 minutes by default; personal data is not kept longer). */
  readonly cardReadTtlMs?: number
}

/** What the serial card reader gave, as the desk receives it from GET /card-reads, numbered in order. */
export type CardReadEvent = { readonly seq: number; readonly at: string } & (
  | { readonly kind: "card"; readonly card: IdCardText }
  | { readonly kind: "refused"; readonly problem: string; readonly where: string; readonly detail: string }
  | { readonly kind: "status"; readonly status: ReaderStatus }
)

/** The most reads kept for the desk (older ones are dropped first). */
const MAX_CARD_READS = 50
/** The longest a desk's GET /card-reads waits for something new (seconds). */
const MAX_WAIT_S = 30

interface Pairing {
  readonly localToken: string
  readonly sessionToken: string
  readonly csrfToken: string
  readonly principalId: string
  readonly expiresAt: string
}

const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), {
    status,
    headers: { "content-type": "application/problem+json" },
  })

const sameSecret = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)]
  return x.length === y.length && timingSafeEqual(x, y)
}

const DEVICE_STATUS: Record<string, number> = {
  busy: 409,
  jammed: 409,
  "no-paper": 409,
  "cover-open": 409,
  timeout: 504,
  "invalid-output": 502,
}

export function createAgent(options: AgentOptions) {
  const api = options.apiBase.replace(/\/+$/, "")
  const origins = new Set(options.allowedOrigins ?? [new URL(api).origin])
  const request = options.fetch ?? fetch
  let pairing: Pairing | undefined

  // the serial card reader's events for the paired desk: cards only while paired (nobody else to hand them to)
  const cardReadTtlMs = options.cardReadTtlMs ?? 120_000
  let reads: CardReadEvent[] = []
  let lastSeq = 0
  let waiters: Array<() => void> = []
  let lastStatus: ReaderStatus | undefined
  const keep = (event: ReaderEvent) => {
    if (event.kind !== "status" && pairing === undefined) return
    if (event.kind === "status") {
      // a port tried again and again is one change for the desk, not one per try
      const same = lastStatus?.state === event.status.state && lastStatus.detail === event.status.detail
      lastStatus = event.status
      if (same) return
    }
    const base = { seq: ++lastSeq, at: new Date().toISOString() }
    const kept: CardReadEvent =
      event.kind === "card"
        ? { ...base, kind: "card", card: event.card }
        : event.kind === "refused"
          ? {
              ...base,
              kind: "refused",
              problem: event.error.problem,
              where: event.error.where,
              detail: event.error.detail,
            }
          : { ...base, kind: "status", status: event.status }
    reads = [...reads, kept].slice(-MAX_CARD_READS)
    const woken = waiters
    waiters = []
    for (const wake of woken) wake()
  }
  const reader = options.cardReader?.(keep)
  const freshReads = (after: number) => {
    const oldest = Date.now() - cardReadTtlMs
    reads = reads.filter((r) => r.kind === "status" || Date.parse(r.at) >= oldest)
    return reads.filter((r) => r.seq > after)
  }

  const app = new Hono()

  // Only the desk's pages, and only requests that come to the loopback address by that name (no DNS rebinding).
  app.use("*", async (c, next) => {
    const origin = c.req.header("origin")
    // the Host the request came to (the node server builds the URL from it)
    const host = new URL(c.req.url).host
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host))
      return problem(403, "Forbidden", "Chỉ nhận yêu cầu tới localhost (loopback only).")
    if (origin !== undefined && !origins.has(origin))
      return problem(403, "Forbidden", `Trang ${origin} không được phép gọi phần mềm thiết bị (origin not allowed).`)
    const cors: Record<string, string> =
      origin === undefined
        ? {}
        : {
            "access-control-allow-origin": origin,
            vary: "origin",
            "access-control-allow-headers": "authorization, content-type",
            "access-control-allow-methods": "GET, POST",
            // a desk served from a public address may call the agent on loopback (Chromium's private network
            // access preflight)
            ...(c.req.header("access-control-request-private-network") === "true"
              ? { "access-control-allow-private-network": "true" }
              : {}),
          }
    if (c.req.method === "OPTIONS") return new Response(null, { status: 204, headers: cors })
    await next()
    // every answer carries them, problems included, so that the desk can read why a call failed
    for (const [name, value] of Object.entries(cors)) c.res.headers.set(name, value)
  })

  const paired = (authorization: string | undefined): Pairing | undefined => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1]
    return pairing !== undefined && token !== undefined && sameSecret(token, pairing.localToken) ? pairing : undefined
  }

  const callApi = (p: Pairing, path: string, init: { body: NonNullable<RequestInit["body"]>; contentType: string }) =>
    request(`${api}${path}`, {
      method: "POST",
      headers: {
        cookie: `motcua_session=${p.sessionToken}`,
        "x-csrf-token": p.csrfToken,
        "content-type": init.contentType,
      },
      body: init.body,
    })

  app.get("/status", (c) =>
    c.json({
      paired: pairing !== undefined,
      ...(pairing === undefined ? {} : { principalId: pairing.principalId, expiresAt: pairing.expiresAt }),
    }),
  )

  app.get("/devices", async (c) => {
    if (paired(c.req.header("authorization")) === undefined) return problem(401, "Unauthorized", "Chưa ghép nối.")
    const listed = options.scanner.devices === undefined ? [] : await Effect.runPromiseExit(options.scanner.devices())
    const serialPorts = await (options.serialPorts ?? listSerialPorts)().catch(() => [])
    return c.json({
      scanners: Array.isArray(listed) ? listed : Exit.isSuccess(listed) ? listed.value : [],
      serialPorts,
      cardReader: reader?.status() ?? null,
    })
  })

  // The serial card reader's reads since `after` (the `last` of the previous answer), waiting up to `wait` seconds
  // (25 by default) for one when there is none yet. Without `after`: where the reads are now, to ask from.
  app.get("/card-reads", async (c) => {
    if (paired(c.req.header("authorization")) === undefined) return problem(401, "Unauthorized", "Chưa ghép nối.")
    const afterText = c.req.query("after")
    const waitText = c.req.query("wait") ?? "25"
    if (afterText !== undefined && !/^\d{1,15}$/.test(afterText))
      return problem(400, "Bad Request", "after phải là số thứ tự của lần đọc trước (after: a read's seq).")
    if (!/^\d{1,2}$/.test(waitText) || Number(waitText) > MAX_WAIT_S)
      return problem(400, "Bad Request", `wait phải là số giây từ 0 đến ${MAX_WAIT_S} (wait: seconds).`)
    const answer = (list: ReadonlyArray<CardReadEvent>) =>
      c.json({ reads: list, last: lastSeq, reader: reader?.status() ?? null })
    if (afterText === undefined) return answer([])
    const after = Number(afterText)
    if (freshReads(after).length === 0 && Number(waitText) > 0) {
      const signal = c.req.raw.signal
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer)
          waiters = waiters.filter((w) => w !== done)
          signal.removeEventListener("abort", done)
          resolve()
        }
        const timer = setTimeout(done, Number(waitText) * 1000)
        waiters.push(done)
        signal.addEventListener("abort", done)
      })
    }
    return answer(freshReads(after))
  })

  app.post("/pair", async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { code?: unknown } | undefined
    const code = typeof body?.code === "string" ? body.code : ""
    if (!/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(code)) return problem(400, "Bad Request", "Mã ghép nối không hợp lệ.")
    const answer = await request(`${api}/api/v1/counter-agent/pairings/redeem`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
    })
    if (answer.status !== 200)
      return problem(401, "Unauthorized", "Máy chủ không nhận mã ghép nối (unknown, used or expired code).")
    const session = (await answer.json()) as {
      sessionToken: string
      csrfToken: string
      principalId: string
      expiresAt: string
    }
    pairing = { ...session, localToken: randomBytes(32).toString("base64url") }
    // another officer's desk (or the same, paired again) starts with no card read for the one before
    reads = reads.filter((r) => r.kind === "status")
    return c.json({ paired: true, principalId: session.principalId, agentToken: pairing.localToken })
  })

  app.post("/scan", async (c) => {
    const p = paired(c.req.header("authorization"))
    if (p === undefined) return problem(401, "Unauthorized", "Chưa ghép nối (pair the agent first).")
    const body = ((await c.req.json().catch(() => ({}))) ?? {}) as Record<string, unknown>
    const options_: ScanOptions = {
      label: typeof body.label === "string" ? body.label.slice(0, 200) : "tài liệu",
      ...(typeof body.resolution === "number" ? { resolution: body.resolution } : {}),
      ...(body.mode === "Color" || body.mode === "Gray" || body.mode === "Lineart" ? { mode: body.mode } : {}),
      ...(body.source === "adf" || body.source === "flatbed" ? { source: body.source } : {}),
      ...(typeof body.maxPages === "number" ? { maxPages: body.maxPages } : {}),
    }
    const scanned = await Effect.runPromiseExit(options.scanner.scan(options_))
    if (Exit.isFailure(scanned)) {
      const error = scanned.cause.reasons.find((r) => r._tag === "Fail")?.error as DeviceNotReady | undefined
      const kind = error?.problem ?? "failed"
      return problem(
        kind === "no-device" ? 503 : (DEVICE_STATUS[kind] ?? 502),
        "Device not ready",
        error?.message ?? "máy quét lỗi",
        { problem: kind },
      )
    }
    const document = scanned.value
    const uploaded = await callApi(p, "/api/v1/documents", {
      body: document.bytes as unknown as NonNullable<RequestInit["body"]>,
      contentType: document.mediaType,
    })
    if (uploaded.status !== 201)
      return problem(502, "Upload failed", `Máy chủ không nhận tài liệu (${uploaded.status}): ${await uploaded.text()}`)
    const meta = (await uploaded.json()) as { id: string; sha256: string; size: number }
    const sha256 = createHash("sha256").update(document.bytes).digest("hex")
    if (meta.sha256 !== sha256)
      return problem(502, "Upload failed", "Máy chủ lưu tài liệu khác với bản đã quét (hash mismatch).")
    return c.json(
      {
        documentId: meta.id,
        sha256,
        size: meta.size,
        pages: document.pages,
        mediaType: document.mediaType,
        ...(document.text === undefined ? {} : { text: document.text }),
      },
      201,
    )
  })

  app.post("/card", async (c) => {
    const p = paired(c.req.header("authorization"))
    if (p === undefined) return problem(401, "Unauthorized", "Chưa ghép nối (pair the agent first).")
    const body = await c.req.text()
    const answer = await callApi(p, "/api/v1/id-cards/read", { body, contentType: "application/json" })
    return new Response(await answer.text(), {
      status: answer.status,
      headers: { "content-type": answer.headers.get("content-type") ?? "application/json" },
    })
  })

  return {
    app,
    isPaired: () => pairing !== undefined,
    /** Closes the card reader's port (the agent is stopping). */
    close: async () => {
      await reader?.close()
    },
  }
}
