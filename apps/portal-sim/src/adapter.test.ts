// The portal adapter (adapters/portal-dvcqg) against the simulator over real HTTP on loopback: what the simulator
// holds after each kind of push, the token kept and renewed, "đã tồn tại" resent as an update, refusals permanent
// with the portal's message, every kind of fault a retryable failure with a clear message that stores nothing, both
// transport styles, lookups, and filings made on the portal taken in once however often they are delivered.
import { createHash } from "node:crypto"
import {
  type ExternalServiceFailed,
  isPermanentFailure,
  MemoryDatabase,
  PortalInbound,
  type PortalPush,
  PortalSyncPayload,
  receivePortalFilings,
} from "@motcua/application"
import { runTest, testLayer } from "@motcua/application/testing"
import {
  makePortalInbound,
  makePortalSync,
  type PortalSyncSettings,
  portalClient,
  toDossierRecord,
  toProgressItems,
} from "@motcua/portal-dvcqg"
import { Effect, Layer, Schema } from "effect"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { NO_FAULTS, type RunningSim, startPortalSim } from "./server.ts"
import { lifecycle, portalPushes } from "./test-support/walks.ts"

let sim: RunningSim
beforeAll(async () => {
  sim = await startPortalSim({ dstcode: "H49-TEST", unitCode: "000.00.00.H49", sessionTtlMs: 3_600_000 })
})
afterAll(() => sim.close())
afterEach(async () => {
  await fetch(`${sim.url}/sim/reset`, { method: "POST" })
  sim.state.faults = { ...NO_FAULTS }
})

const settings = (overrides: Partial<PortalSyncSettings> = {}): PortalSyncSettings => ({
  baseUrl: sim.url,
  username: "motcua",
  password: "motcua",
  unitCode: "000.00.00.H49",
  dstcode: "H49-TEST",
  timeoutMs: 2_000,
  ...overrides,
})

/** The pushes of `n` whole lifecycles (filing to return), in outbox order. */
const pushesOf = (n: number) =>
  runTest(
    Effect.gen(function* () {
      for (let i = 0; i < n; i++) yield* lifecycle(`walk-${i}`)
      return yield* portalPushes
    }),
  )

const push = (sync: ReturnType<typeof makePortalSync>, message: PortalPush) =>
  Effect.runPromise(Effect.result(sync.push(message)))
const failureOf = async (sync: ReturnType<typeof makePortalSync>, message: PortalPush) => {
  const outcome = await push(sync, message)
  if (outcome._tag === "Success") throw new Error(`expected a failure, got ${JSON.stringify(outcome.success)}`)
  return outcome.failure as ExternalServiceFailed
}
const held = async (code: string) => {
  const response = await fetch(`${sim.url}/sim/dossiers/${code}`)
  return response.status === 404
    ? undefined
    : ((await response.json()) as {
        record: Record<string, unknown>
        versions: number
        progress: Array<Record<string, unknown>>
      })
}

describe("PortalSync against the simulator", () => {
  it("syncs a whole lifecycle: the record in its final status, every progress item once and in order, as mapped", async () => {
    const pushes = await pushesOf(1)
    const sync = makePortalSync(settings())
    for (const message of pushes) {
      const outcome = await push(sync, message)
      expect(outcome._tag, JSON.stringify(outcome)).toBe("Success")
    }
    const code = pushes[0]?.dossierCode ?? ""
    const dossier = await held(code)
    const views = pushes.map((m) => Schema.decodeUnknownSync(PortalSyncPayload)(m.payload))
    const lastRecord = views.flatMap((v) => (v.kind === "record" ? [v.record] : [])).at(-1)
    expect(dossier?.record).toEqual(JSON.parse(JSON.stringify(toDossierRecord(lastRecord ?? (views[0] as never)))))
    expect(dossier?.record.TrangThaiHoSo).toBe("10")
    expect(dossier?.record.HinhThuc).toBe("0")
    expect(dossier?.versions).toBe(views.filter((v) => v.kind === "record").length)
    const expected = views.flatMap((v) => (v.kind === "progress" ? toProgressItems(v.progress) : []))
    expect(dossier?.progress).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(dossier?.progress.map((p) => p.TrangThai)).toEqual([
      "1",
      "2",
      "4",
      "5",
      "4",
      "4",
      "4",
      "4",
      "4",
      "4",
      "9",
      "10",
    ])
    // one sign-in for the whole run: the token is kept
    expect(sim.state.stats.signIns).toBe(1)
  })

  it("renews the token when the session expired or the portal says it is invalid, and sends the call again", async () => {
    const pushes = await pushesOf(1)
    const client = portalClient(settings())
    const sync = makePortalSync(settings(), client)
    await push(sync, pushes[0] as PortalPush)
    sim.state.sessions.clear() // the portal forgot every session
    const second = await push(sync, pushes[1] as PortalPush)
    expect(second._tag).toBe("Success")
    expect(client.signIns()).toBe(2)
    // the portal refuses the session on one call: renewed, sent again, applied once
    sim.state.faults = { ...NO_FAULTS, failRate: 1, kinds: ["session"] }
    const third = await push(sync, pushes[2] as PortalPush)
    sim.state.faults = { ...NO_FAULTS }
    // the renewed call met the fault again (fail rate 1): it fails, retryably, without a third sign-in loop
    expect(third._tag).toBe("Failure")
    if (third._tag === "Failure") {
      expect(isPermanentFailure(third.failure)).toBe(false)
      expect(third.failure.message).toContain("session refused after renewal")
    }
    expect(client.signIns()).toBe(3)
    const fourth = await push(sync, pushes[2] as PortalPush)
    expect(fourth._tag).toBe("Success")
    expect((await held(pushes[0]?.dossierCode ?? ""))?.progress).toHaveLength(1)
  })

  it("resends a record the portal already holds as an update (a first push whose answer was lost)", async () => {
    const pushes = await pushesOf(1)
    const first = pushes[0] as PortalPush
    const sync = makePortalSync(settings())
    await Effect.runPromise(sync.lookup(first.dossierCode)) // signed in before the faults begin
    sim.state.faults = { ...NO_FAULTS, failRate: 1, kinds: ["lost"] }
    const lost = await failureOf(sync, first)
    sim.state.faults = { ...NO_FAULTS }
    expect(isPermanentFailure(lost)).toBe(false)
    expect(String(lost.message)).toMatch(/không kết nối được Cổng DVCQG|portal unreachable/u)
    expect((await held(first.dossierCode))?.versions).toBe(1)
    const again = await push(makePortalSync(settings()), first)
    expect(again._tag).toBe("Success")
    expect(sim.state.stats.alreadyExists).toBe(1)
    expect((await held(first.dossierCode))?.versions).toBe(2)
  })

  it("refuses a progress update before its record, and a status that cannot follow: permanent, with the portal's message", async () => {
    const pushes = await pushesOf(1)
    const sync = makePortalSync(settings())
    const progress = pushes.find((m) => m.kind === "progress") as PortalPush
    const early = await failureOf(sync, progress)
    expect(isPermanentFailure(early)).toBe(true)
    expect(early.message).toContain("chưa được đồng bộ")
    // every record in order (1 … 10), then the first one again: nothing follows 10
    const records = pushes.filter((m) => m.kind === "record")
    for (const record of records) expect((await push(sync, record))._tag).toBe("Success")
    const back = await failureOf(sync, records[0] as PortalPush)
    expect(isPermanentFailure(back)).toBe(true)
    expect(back.message).toMatch(/error_code -5.*không thể theo sau/u)
    expect((await held(records[0]?.dossierCode ?? ""))?.record.TrangThaiHoSo).toBe("10")
  })

  it("turns every kind of fault into a retryable failure with a clear message, storing nothing from it", async () => {
    const pushes = await pushesOf(1)
    const first = pushes[0] as PortalPush
    const cases: Array<[string, RegExp]> = [
      ["5xx", /HTTP 50[02]|không phải JSON/u],
      ["timeout", /không trả lời trong 300 ms/u],
      ["malformed", /không phải JSON|sai định dạng/u],
    ]
    for (const [kind, message] of cases)
      for (let i = 0; i < 4; i++) {
        sim.state.faults = { ...NO_FAULTS, failRate: 1, kinds: [kind as "5xx"], hangMs: 1_000 }
        const failure = await failureOf(makePortalSync(settings({ timeoutMs: 300 })), first)
        expect(isPermanentFailure(failure), kind).toBe(false)
        expect(failure.message, kind).toMatch(message)
      }
    sim.state.faults = { ...NO_FAULTS }
    expect(await held(first.dossierCode)).toBeUndefined()
    expect(sim.state.stats.faults.malformed).toBe(4)
  })

  it("names each malformed answer: an HTML page, truncated JSON, wrong types, an empty body", async () => {
    const pushes = await pushesOf(1)
    const messages: string[] = []
    for (const draw of [0.1, 0.3, 0.6, 0.9]) {
      // random(): first draw decides the fault (< 1), the second which kind, the third which malformed answer
      const draws = [0, 0, draw]
      const local = await startPortalSim({
        faults: { failRate: 1, kinds: ["malformed"] },
        random: () => draws.shift() ?? 0.99,
      })
      try {
        const failure = await failureOf(
          makePortalSync(settings({ baseUrl: local.url, unitCode: "x", dstcode: "x" })),
          pushes[0] as PortalPush,
        )
        messages.push(failure.message)
      } finally {
        await local.close()
      }
    }
    expect(messages[0]).toMatch(/không phải JSON.*text\/html.*<!DOCTYPE html>/u)
    expect(messages[1]).toMatch(/không phải JSON.*Đồng bộ thà/u)
    expect(messages[2]).toMatch(/sai định dạng.*error_code/u)
    expect(messages[3]).toMatch(/không phải JSON/u)
  })

  it("speaks the bare-array style to a local gateway, and refuses a wrong dstcode", async () => {
    const pushes = await pushesOf(1)
    const sync = makePortalSync(settings({ style: "bare" }))
    for (const message of pushes.slice(0, 4)) expect((await push(sync, message))._tag).toBe("Success")
    expect((await held(pushes[0]?.dossierCode ?? ""))?.progress).toHaveLength(2)
    const wrong = await failureOf(makePortalSync(settings({ dstcode: "OTHER" })), pushes[4] as PortalPush)
    expect(isPermanentFailure(wrong)).toBe(true)
    expect(wrong.message).toContain("dstcode")
  })

  it("looks a dossier up: not held, then held in its status", async () => {
    const pushes = await pushesOf(1)
    const sync = makePortalSync(settings())
    const code = pushes[0]?.dossierCode ?? ""
    expect(await Effect.runPromise(sync.lookup(code))).toEqual({ held: false })
    await push(sync, pushes[0] as PortalPush)
    expect(await Effect.runPromise(sync.lookup(code))).toEqual({ held: true, status: 1 })
  })
})

describe("PortalInbound against the simulator", () => {
  const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
  const filing = (id: string) => ({
    MaHoSoQG: id,
    MaTTHC: "1.004222",
    ChuHoSo: "Trần Thị Bình",
    SoGiayToChuHoSo: "022190004321",
    LoaiDoiTuong: "1",
    MaDoiTuong: "dvc-88213",
    TaiKhoanDuocXacThucVoiVNeID: "True",
    SoDienThoai: "0987654321",
    MaTinh: "22",
    MaXa: "06685",
    MaXaDoiTuong: "06685",
    TrichYeuHoSo: "Đăng ký thường trú (nộp trên Cổng DVCQG)",
    NgayNopHoSo: "20251006073000",
    TaiLieuNop: [
      {
        MaThanhPhanHoSo: "ct01",
        TenTepDinhKem: "to-khai-ct01.pdf",
        DuocSoHoa: "True",
        NoiDung: PDF.toString("base64"),
        KieuTep: "application/pdf",
      },
      { MaThanhPhanHoSo: "cho-o-hop-phap", DuocLayTuKhoDMQG: "True" },
    ],
  })

  it("takes a filing delivered three times in one round, and again in the next, in as one dossier", async () => {
    sim.state.faults = { ...NO_FAULTS, duplicateDeliveries: 3 }
    const queued = await fetch(`${sim.url}/sim/inbound`, {
      method: "POST",
      body: JSON.stringify(filing("G22.99-0001")),
    })
    expect(queued.status).toBe(201)
    const inbound = makePortalInbound(settings())
    const outcome = await Effect.runPromise(
      Effect.gen(function* () {
        const first = yield* receivePortalFilings()
        // the acknowledgement was applied: nothing waits any more; deliver it again anyway
        const entry = sim.state.inbound.get("G22.99-0001")
        if (entry !== undefined) entry.ack = undefined
        const second = yield* receivePortalFilings()
        const db = yield* MemoryDatabase
        return { first, second, dossiers: [...db.state.dossiers.values()], documents: [...db.state.documents.values()] }
      }).pipe(Effect.provide(Layer.mergeAll(testLayer(), Layer.succeed(PortalInbound, inbound)))),
    )
    expect(outcome.first.filed).toHaveLength(3)
    expect(outcome.second.filed).toHaveLength(3)
    expect(outcome.dossiers).toHaveLength(1)
    const code = outcome.dossiers[0]?.code
    expect(new Set([...outcome.first.filed, ...outcome.second.filed].map((f) => f.dossierCode))).toEqual(
      new Set([code]),
    )
    const context = (outcome.dossiers[0]?.snapshot as { context: Record<string, unknown> } | undefined)?.context ?? {}
    expect(context.portal).toEqual({ dossierId: "G22.99-0001", applicantId: "dvc-88213", vneidVerified: true })
    expect(context.agencyCode).toBe("000.11.50.H49")
    // the portal's own flags stay, as the portal's (it digitised ct01 and took the proof from its data store): no
    // paper of this dossier is recorded here, and for a filing made anywhere else they would count for nothing
    expect(context.documents).toEqual([
      { id: "ct01", digitised: true, reused: false, fromEWallet: false },
      { id: "cho-o-hop-phap", digitised: false, reused: false, fromEWallet: true },
    ])
    // the attachment was downloaded, type-checked and hashed; it is the dossier's
    const attached = outcome.documents.filter((d) => d.meta.dossierCode === code)
    expect(attached.map((d) => [d.meta.mediaType, d.meta.sha256])).toEqual([
      ["application/pdf", createHash("sha256").update(PDF).digest("hex")],
    ])
    expect(sim.state.inbound.get("G22.99-0001")?.ack).toEqual({ accepted: true, dossierCode: code, reason: "" })
  })

  it("reports a malformed delivery with its id and refuses an unknown procedure to the portal", async () => {
    await fetch(`${sim.url}/sim/inbound`, {
      method: "POST",
      body: JSON.stringify({ ...filing("G22.99-0002"), LoaiDoiTuong: 1 }),
    })
    await fetch(`${sim.url}/sim/inbound`, {
      method: "POST",
      body: JSON.stringify({ ...filing("G22.99-0003"), MaTTHC: "9.999999" }),
    })
    const report = await Effect.runPromise(
      receivePortalFilings().pipe(
        Effect.provide(Layer.mergeAll(testLayer(), Layer.succeed(PortalInbound, makePortalInbound(settings())))),
      ),
    )
    expect(report.malformed.map((m) => m.portalDossierId)).toEqual(["G22.99-0002"])
    expect(report.malformed[0]?.problem).toContain("LoaiDoiTuong")
    expect(report.refused.map((r) => r.portalDossierId)).toEqual(["G22.99-0003"])
    expect(sim.state.inbound.get("G22.99-0003")?.ack?.accepted).toBe(false)
    expect(sim.state.inbound.get("G22.99-0003")?.ack?.reason).toContain("procedure-not-found")
  })
})
