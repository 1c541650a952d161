// Routes not walked elsewhere over HTTP: filing at the counter (an officer of the intake point, `intakePointId`),
// `correct` on a returned dossier, `transfer` to another authority on an inter-agency step (land registration
// 1.013978, whose third step is handled by the land registration office: liên thông), and /readyz when the database
// is down (503) and back (200).
import { saveStaffAccount, signDevelopmentPaymentCallback } from "@motcua/application"
import { paidCallback } from "@motcua/application/testing"
import { describeOnPostgres } from "@motcua/storage-sql/testing"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createApp } from "./app.ts"
import { DEMO_PASSWORD } from "./demo.ts"
import {
  type Credentials,
  citizen,
  DAY,
  gateway,
  HOUR,
  officers,
  onEachDatabase,
  pdf,
  residenceFiling,
  send,
  TEST_COST,
  type TestSystem,
  testDatabase,
  testSystem,
} from "./dossier.test-support.ts"
import { memoryLogger } from "./logging.ts"
import { createRuntime } from "./runtime.ts"
import { data, readProblem } from "./testing.test-support.ts"

/** A land registration (1.013978) filed at the Hồng Gai centre's counter. */
const landFiling = () => ({
  procedureCode: "1.013978",
  applicant: {
    id: "022090001234",
    name: "Nguyễn Văn An",
    kind: "citizen",
    address: "Tổ 5, khu 3, phường Hồng Gai",
    phone: "0912345678",
  },
  residence: { provinceCode: "22", unitCode: "06685" },
  subjectUnitCode: "06685",
  summary: "Đăng ký đất đai lần đầu, thửa 12 tờ bản đồ 4, phường Hồng Gai",
  documents: [{ id: "don-15" }, { id: "giay-to-qsdd" }, { id: "so-do-nha" }],
  intakePointId: "ttphcc-06685",
})

onEachDatabase("counter filing, correction and inter-agency transfer over HTTP", (kind) => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  beforeAll(async () => {
    system = await testSystem(kind)
    as = officers(system)
    // a specialist of the ward's People's Committee, the authority of land registration (not among the demo accounts)
    const saved = await system.runtime.run(
      saveStaffAccount(
        {
          id: "cv-ubnd-hg-01",
          username: "cv-ubnd-hg-01",
          displayName: "Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị, phường Hồng Gai",
          roles: ["specialist"],
          scope: { _tag: "Staff", level: "commune", agencyCodes: ["000.00.50.H49"], unitCodes: [], intakePointIds: [] },
          password: DEMO_PASSWORD,
        },
        TEST_COST,
      ),
    )
    expect(saved._tag).toBe("Success")
  }, 60_000)
  afterAll(async () => system?.close())

  const post = (c: Credentials, path: string, body: unknown, headers?: Record<string, string>) =>
    send(system.app, c, "POST", path, body, headers)
  const ok = async (response: Response, status = 200) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    return JSON.parse(text) as { code: string; version: number; summary: { statusCode: number; channel?: string } }
  }

  it("a counter officer files at their intake point; a citizen or another centre's officer cannot", async () => {
    const counter = await as("cb-hg-01")
    const filing = { ...residenceFiling(), intakePointId: "ttphcc-06685" }
    const filed = await ok(await post(counter, "/api/v1/dossiers", filing, { "idempotency-key": "counter-1" }), 201)
    expect(filed.code).toMatch(/^000\.11\.50\.H49-251006-\d{4}$/)
    const detail = (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${filed.code}`)).json()) as {
      context: { channel?: string; receivedAt?: string }
    }
    expect(JSON.stringify(detail.context)).toContain("counter")
    const byCitizen = await post(citizen(), "/api/v1/dossiers", filing, { "idempotency-key": "counter-2" })
    expect(byCitizen.status).toBe(403)
    const foreign = await post(await as("cb-hh-01"), "/api/v1/dossiers", filing, { "idempotency-key": "counter-3" })
    expect(foreign.status).toBe(403)
  })

  it("a returned dossier is corrected (status stays 10, one correction in its audit); before return it is 422", async () => {
    const counter = () => as("cb-hg-01")
    const filed = await ok(
      await post(
        await counter(),
        "/api/v1/dossiers",
        { ...residenceFiling(), intakePointId: "ttphcc-06685" },
        {
          "idempotency-key": "correct-1",
        },
      ),
      201,
    )
    const code = filed.code
    const at = (segment: string) => `/api/v1/dossiers/${code}/${segment}`
    const correction = {
      changes: [{ field: "applicant.phone", from: "0912345678", to: "0987654321" }],
      reason: "Công dân báo nhầm số điện thoại",
    }
    const early = await post(await counter(), at("correct"), { expectedVersion: filed.version, ...correction })
    expect(early.status).toBe(422)
    expect(((await early.json()) as { reason: { _tag: string } }).reason._tag).toBe("NotAllowedInState")

    // each action names the version its caller last saw (required over HTTP): the previous answer's
    let version = filed.version
    const act = async (who: Credentials, segment: string, body: object) => {
      const done = await ok(await post(who, at(segment), { expectedVersion: version, ...body }))
      version = done.version
      return done
    }
    system.advance(HOUR)
    await act(await counter(), "accept", {})
    await act(await counter(), "complete-step", { assigneeId: "cv-hg-01" })
    system.advance(DAY)
    await act(await as("cv-hg-01"), "complete-step", {})
    const leader = await as("ld-hg-01")
    await act(leader, "approve", {})
    const upload = await system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...leader.headers, "content-type": "application/pdf" },
      body: pdf("Kết quả"),
    })
    const document = (await upload.json()) as { id: string }
    await act(leader, "sign", { documentId: document.id })
    await act(leader, "complete-step", {})
    // at the counter the fee is 20 000 đ (online filing pays half)
    const notice = { ...paidCallback(code), amount: 20000 }
    const signature = signDevelopmentPaymentCallback(system.runtime.developmentKeys.paymentSecret, notice)
    version = (await ok(await post(gateway(), "/api/v1/payments/callback", { ...notice, signature }))).version
    await act(await as("vt-hg-01"), "complete-step", {})
    await act(await counter(), "mark-result-ready", { resultDocumentIds: [document.id] })
    const returned = await act(await counter(), "return-result", { method: "counter" })
    expect(returned.summary.statusCode).toBe(10)

    system.advance(DAY)
    const corrected = await ok(
      await post(await counter(), at("correct"), { expectedVersion: returned.version, ...correction }),
    )
    expect(corrected.summary.statusCode).toBe(10)
    expect(corrected.version).toBe(returned.version + 1)
    const audit = (await (
      await send(system.app, await as("tt-01"), "GET", `/api/v1/dossiers/${code}/audit`)
    ).json()) as {
      items: { action: string }[]
    }
    expect(audit.items.filter((e) => e.action === "dossier.correct")).toHaveLength(1)
    // an empty correction is refused by the body's Schema, with the field's path
    const empty = await post(await counter(), at("correct"), {
      expectedVersion: corrected.version,
      changes: [],
      reason: "x",
    })
    expect(empty.status).toBe(400)
    expect((await readProblem(empty)).errors.map((e) => e.path)).toContain("body.changes")
  }, 60_000)

  it("an inter-agency step is reached by transfer to another authority, not by complete-step", async () => {
    const counter = () => as("cb-hg-01")
    const filed = await ok(
      await post(await counter(), "/api/v1/dossiers", landFiling(), { "idempotency-key": "land-1" }),
      201,
    )
    expect(filed.code).toMatch(/^000\.00\.50\.H49-/)
    const at = (segment: string) => `/api/v1/dossiers/${filed.code}/${segment}`
    system.advance(HOUR)
    const accepted = await ok(await post(await counter(), at("accept"), { expectedVersion: filed.version }))
    const assigned = await ok(
      await post(await counter(), at("complete-step"), {
        expectedVersion: accepted.version,
        assigneeId: "cv-ubnd-hg-01",
      }),
    )
    system.advance(DAY)
    const specialist = await as("cv-ubnd-hg-01")
    const current = { expectedVersion: assigned.version }
    const wrong = await post(specialist, at("complete-step"), current)
    expect(wrong.status).toBe(422)
    expect(((await wrong.json()) as { reason: { _tag: string; expected: string } }).reason).toMatchObject({
      _tag: "WrongHandover",
      expected: "transfer",
    })
    // the police of the ward may not move the People's Committee's dossier
    expect((await post(await as("cv-hg-01"), at("transfer"), { ...current, agencyCode: "000.00.12.H49" })).status).toBe(
      403,
    )
    const transferred = await ok(
      await post(specialist, at("transfer"), {
        ...current,
        agencyCode: "000.00.12.H49",
        note: "Trích lục, đo đạc thửa đất",
      }),
    )
    expect(transferred.summary.statusCode).toBe(4) // still being processed, now by the other authority
    const detail = (await (
      await send(system.app, await counter(), "GET", `/api/v1/dossiers/${filed.code}`)
    ).json()) as {
      context: { transfers: { agencyCode: string }[] }
    }
    expect(detail.context.transfers.map((t) => t.agencyCode)).toEqual(["000.00.12.H49"])
  }, 60_000)
})

describe("/readyz without a database", () => {
  it("answers 503 once the runtime's database is closed", async () => {
    const runtime = await createRuntime({ data })
    const app = createApp({ ...data, logger: memoryLogger(), runtime })
    expect((await app.request("/readyz")).status).toBe(200)
    await runtime.dispose()
    const down = await app.request("/readyz")
    expect(down.status).toBe(503)
    expect((await readProblem(down)).detail).toMatch(/database/)
  })
})

describeOnPostgres("/readyz when PostgreSQL refuses connections", (adminUrl) => {
  it("answers 503 while the database is down and 200 when it is back", async () => {
    const database = await testDatabase("postgres")
    const runtime = await createRuntime({ data, databaseUrl: database.url, documentsDir: database.documentsDir })
    const app = createApp({ ...data, logger: memoryLogger(), runtime })
    const name = new URL(database.url).pathname.slice(1)
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    try {
      expect((await app.request("/readyz")).status).toBe(200)
      await admin.query(`alter database ${name} allow_connections false`)
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name])
      const down = await app.request("/readyz")
      expect(down.status).toBe(503)
      expect((await readProblem(down)).detail).toMatch(/database/)
      await admin.query(`alter database ${name} allow_connections true`)
      // the pool may hand out one connection the server closed before it notices: a later probe is ready
      let status = 0
      for (let probe = 0; probe < 5 && status !== 200; probe++) status = (await app.request("/readyz")).status
      expect(status).toBe(200)
    } finally {
      await admin.query(`alter database ${name} allow_connections true`).catch(() => {})
      await admin.end()
      await runtime.dispose()
      await database.remove()
    }
  }, 60_000)
})
