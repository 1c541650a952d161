// No log line anywhere carries an ID number or a phone number: not the request log, not the server's own lines, and
// not Effect's log calls (the outbox relay's Effect.logWarning/logError with a handler's error text), which used to
// go to Effect's default console logger unmasked. Everything the process writes to stdout and stderr during the test
// is captured too, so a line that bypasses the server's logger is caught wherever it goes.
import { DossierStore, instantOf, relayOnce } from "@motcua/application"
import { Effect } from "effect"
import { afterEach, beforeEach, expect, test } from "vitest"
import { memoryLogger } from "./logging.ts"
import { createRuntime } from "./runtime.ts"
import { startServer } from "./server.ts"
import { data, NOW } from "./testing.test-support.ts"

const CCCD = "001203004567"
const PHONE = "0912345678"
/** A CCCD or a phone number in clear: 9–12 digits in a row, or a phone written with separators. */
const PERSONAL = /(?<!\d)\d{9,12}(?!\d)|(?<![\d+])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?!\d)/
/**
 * A log line without its UUIDs (request ids, row ids): a random one holds a run of nine or more decimal digits (in its
 * last group) about one time in thirty, which is no citizen's number.
 */
const withoutUuids = (line: string) =>
  line.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/giu, "<uuid>")

let written: string[] = []
const restore: Array<() => void> = []
beforeEach(() => {
  written = []
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream)
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk))
      return original(chunk, ...rest)
    }) as typeof stream.write
    restore.push(() => {
      stream.write = original
    })
  }
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method]
    console[method] = (...args: unknown[]) => {
      written.push(args.map(String).join(" "))
    }
    restore.push(() => {
      console[method] = original
    })
  }
})
afterEach(() => {
  for (const undo of restore.splice(0)) undo()
})

test("Effect's log calls (the relay giving up on a row, a warning with personal data) are masked", async () => {
  const logger = memoryLogger(() => NOW)
  const runtime = await createRuntime({ data, now: () => NOW, logger })
  try {
    const at = instantOf(NOW.getTime())
    const created = await runtime.run(
      DossierStore.use((store) =>
        store.create({
          code: "LOG-1",
          snapshot: {},
          summary: {
            statusCode: 1,
            state: "received",
            procedureCode: "p",
            agencyCode: "a",
            unitCode: null,
            currentRole: null,
            dueAt: null,
            appointmentAt: null,
            feeTotal: 0,
          },
          at,
          audit: [],
          outbox: [{ topic: "portal.sync", payload: {} }],
        }),
      ),
    )
    expect(created._tag).toBe("Success")
    const pass = await runtime.run(
      relayOnce(
        { "portal.sync": () => Effect.fail(`the portal refused citizen ${CCCD}, phone ${PHONE}`) },
        { maxAttempts: 1 },
      ),
    )
    expect(pass._tag === "Success" && pass.success.dead).toEqual([1])
    await runtime.run(Effect.logWarning(`a warning about ${CCCD}`, { phone: PHONE, note: `call ${PHONE}` }))

    const lines = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    const givenUp = lines.find((line) => line.message === "outbox: row given up on after its last attempt")
    expect(givenUp).toMatchObject({ level: "error", id: 1, topic: "portal.sync" })
    expect(String(givenUp?.error)).toContain("*********567")
    expect(lines.find((line) => String(line.message).startsWith("a warning about"))).toMatchObject({
      level: "warn",
      message: "a warning about *********567",
      phone: "***",
      note: "call ***",
    })
    for (const line of [...logger.lines, ...written]) expect(withoutUuids(line)).not.toMatch(PERSONAL)
  } finally {
    await runtime.dispose()
  }
})

test("without a logger, Effect's log calls are masked JSON lines on standard error", async () => {
  const runtime = await createRuntime({ data, now: () => NOW })
  try {
    await runtime.run(Effect.logError(`refused ${CCCD}`))
  } finally {
    await runtime.dispose()
  }
  const line = written.find((text) => text.includes("refused"))
  expect(line).toBeDefined()
  expect(JSON.parse(line ?? "{}")).toMatchObject({ level: "error", message: "refused *********567" })
  for (const text of written) expect(withoutUuids(text)).not.toMatch(PERSONAL)
})

test("a filing over HTTP and the relay delivering it: no line of the server carries the applicant's numbers", async () => {
  const logger = memoryLogger()
  let passes = 0
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    data,
    logger,
    secureCookies: false,
    relay: { intervalMs: 20, batch: 50 },
    onRelayPass: () => {
      passes += 1
    },
    env: { MOTCUA_DEMO_CITIZENS: "1" },
  })
  try {
    const filed = await fetch(`http://127.0.0.1:${server.port}/api/v1/dossiers`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer demo-citizen-022090001234",
        "idempotency-key": "log-walk-1",
      },
      body: JSON.stringify({
        procedureCode: "1.004222",
        applicant: {
          id: "022090001234",
          name: "Nguyễn Văn An",
          kind: "citizen",
          address: "Tổ 5, khu 3, phường Hồng Gai",
          phone: PHONE,
        },
        residence: { provinceCode: "22", unitCode: "06685" },
        subjectUnitCode: "06685",
        summary: `Đăng ký thường trú, liên hệ ${PHONE}`,
        documents: [{ id: "ct01" }, { id: "cho-o-hop-phap" }],
      }),
    })
    expect(filed.status).toBe(201)
    // a lookup by a made-up path segment holding an id number (logged path) and a few relay passes
    await fetch(`http://127.0.0.1:${server.port}/api/v1/lookup/${CCCD}`)
    const start = passes
    while (passes < start + 3) await new Promise((resolve) => setTimeout(resolve, 20))
  } finally {
    await server.close()
  }
  const messages = logger.lines.map((line) => String((JSON.parse(line) as { message: unknown }).message))
  expect(messages).toContain("request")
  expect(messages.some((m) => m.startsWith("development "))).toBe(true)
  for (const line of [...logger.lines, ...written]) expect(withoutUuids(line)).not.toMatch(PERSONAL)
})
