// A dossier over HTTP from online filing to return, on SQLite and on PostgreSQL, with the real Quảng Ninh data and
// the demo accounts; two officers acting at once; idempotent filing; the audit chain endpoint, before and after an
// audit row is changed with raw SQL.
import { signDevelopmentPaymentCallback } from "@motcua/application"
import { paidCallback } from "@motcua/application/testing"
import { afterAll, beforeAll, expect, it } from "vitest"
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
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { actionSegments } from "./routes/dossiers.ts"
import { readProblem } from "./testing.test-support.ts"

onEachDatabase("a dossier over HTTP, filing to return", (kind) => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  const usernames = {
    counter: "cb-hg-01",
    counter2: "cb-hg-02",
    specialist: "cv-hg-01",
    leader: "ld-hg-01",
    clerk: "vt-hg-01",
    auditor: "tt-01",
    foreign: "cv-hh-01",
  }
  type Who = keyof typeof usernames
  const who = new Proxy({} as Record<Who, Promise<Credentials>>, {
    get: (_, name) => as(usernames[name as Who]),
  })
  beforeAll(async () => {
    system = await testSystem(kind)
    as = officers(system)
  }, 60_000)
  afterAll(async () => system?.close())

  const post = (c: Credentials, path: string, body: unknown, headers?: Record<string, string>) =>
    send(system.app, c, "POST", path, body, headers)
  const ok = async (response: Response, status = 200) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    return JSON.parse(text) as { code: string; version: number; summary: { statusCode: number } }
  }

  it("walks statuses 1, 2, 4, 5, 4, 9, 10; the public lookup shows 10 and nothing personal", async () => {
    const { app, advance } = system
    const steps: number[] = []
    const filed = await ok(
      await post(citizen(), "/api/v1/dossiers", residenceFiling(), { "idempotency-key": "walk-1" }),
      201,
    )
    const code = filed.code
    expect(code).toMatch(/^000\.11\.50\.H49-251006-\d{4}$/)
    steps.push(filed.summary.statusCode)
    const at = (segment: string) => `/api/v1/dossiers/${code}/${segment}`
    // each action names the version its caller last saw (required over HTTP): the previous answer's
    let version = filed.version
    const step = async (c: Credentials, segment: string, body: object, headers?: Record<string, string>) => {
      // the dossier's page offers this caller the action before it is taken (GET answers the allowed actions)
      const shown = (await (await send(app, c, "GET", `/api/v1/dossiers/${code}`)).json()) as {
        actions: { action: string; allowed: boolean }[]
      }
      expect(shown.actions.filter((a) => a.allowed).map((a) => a.action)).toContain(segment)
      const done = await ok(await post(c, at(segment), { expectedVersion: version, ...body }, headers))
      expect(done.version).toBe(version + 1)
      version = done.version
      steps.push(done.summary.statusCode)
    }

    const queue = await (await send(app, await who.counter, "GET", "/api/v1/work-queue?role=counter-officer")).json()
    expect((queue as { items: { code: string }[] }).items.map((i) => i.code)).toContain(code)

    advance(30 * 60_000)
    await step(await who.counter, "accept", {})
    advance(HOUR)
    await step(await who.counter, "complete-step", { assigneeId: "cv-hg-01" })
    advance(DAY)
    await step(await who.specialist, "request-supplementation", {
      missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
      applicantDeadline: "2025-10-17T10:00:00.000Z",
    })
    advance(DAY)
    await step(citizen(), "receive-supplement", { documents: [{ id: "cho-o-hop-phap" }] })
    advance(2 * HOUR)
    await step(await who.specialist, "complete-step", {})
    advance(HOUR)
    await step(await who.leader, "approve", { note: "Đồng ý" })
    const upload = await app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...(await who.leader).headers, "content-type": "application/pdf" },
      body: pdf("Thông báo kết quả đăng ký thường trú"),
    })
    const document = (await upload.json()) as { id: string; dossierCode: string | null }
    expect(upload.status).toBe(201)
    expect(document.dossierCode).toBeNull()
    advance(10 * 60_000)
    await step(await who.leader, "sign", { documentId: document.id })
    advance(10 * 60_000)
    await step(await who.leader, "complete-step", {})
    advance(HOUR)
    // signed as the server's development gateway expects: HMAC-SHA256 with the runtime's development secret
    const notice = paidCallback(code)
    const secret = system.runtime.developmentKeys.paymentSecret
    const callback = { ...notice, signature: signDevelopmentPaymentCallback(secret, notice) }
    const paid = await ok(await post(gateway(), "/api/v1/payments/callback", callback, { "idempotency-key": "cb-1" }))
    steps.push(paid.summary.statusCode)
    version = paid.version
    // the gateway calling back again changes nothing
    const again = await ok(await post(gateway(), "/api/v1/payments/callback", callback, { "idempotency-key": "cb-1" }))
    expect(again.version).toBe(paid.version)
    advance(HOUR)
    await step(await who.clerk, "complete-step", {})
    advance(HOUR)
    await step(await who.counter, "mark-result-ready", { resultDocumentIds: [document.id] })
    advance(HOUR)
    await step(await who.counter, "return-result", { method: "counter" })

    expect(steps).toEqual([1, 2, 4, 5, 4, 4, 4, 4, 4, 4, 4, 9, 10])

    const lookup = await app.request(`/api/v1/lookup/${code}`)
    expect(lookup.status).toBe(200)
    const status = (await lookup.json()) as Record<string, unknown>
    expect(status).toMatchObject({ code, statusCode: 10, statusLabel: "Đã trả kết quả", procedureCode: "1.004222" })
    expect(status.handlingUnit).toEqual({ code: "06685", name: expect.any(String) })
    expect(status.appointmentAt).toEqual(expect.any(String))
    const text = JSON.stringify(status)
    for (const personal of ["022090001234", "Nguyễn Văn An", "0912345678", "Tổ 5", "cb-hg-01", "cv-hg-01", "ld-hg-01"])
      expect(text).not.toContain(personal)

    // the citizen sees their own dossier; the auditor its audit trail, one entry per transition
    const mine = await send(app, citizen(), "GET", `/api/v1/dossiers/${code}`)
    expect(mine.status).toBe(200)
    const audit = await send(app, await who.auditor, "GET", `/api/v1/dossiers/${code}/audit`)
    expect(audit.status).toBe(200)
    const entries = (await audit.json()) as { total: number; items: { action: string }[] }
    // the staff's reads of the dossier are in the same chain (issue 14): the transitions are the rest
    const transitions = entries.items.filter((e) => !e.action.startsWith("read."))
    expect(transitions).toHaveLength(13)
    expect(transitions.at(-1)?.action).toBe("dossier.returnResult")
    expect(entries.items.some((e) => e.action === "read.dossier")).toBe(true)
  }, 60_000)

  it("retrying a filing with its Idempotency-Key returns the first dossier; another body with it is 422", async () => {
    const first = await ok(
      await post(citizen(), "/api/v1/dossiers", residenceFiling(), { "idempotency-key": "same-key" }),
      201,
    )
    const retry = await ok(
      await post(citizen(), "/api/v1/dossiers", residenceFiling(), { "idempotency-key": "same-key" }),
      201,
    )
    expect(retry).toEqual(first)
    const reused = await post(citizen(), "/api/v1/dossiers", residenceFiling({ summary: "Khác" }), {
      "idempotency-key": "same-key",
    })
    expect(reused.status).toBe(422)
    expect((await readProblem(reused)).errors.map((e) => e.path)).toEqual(["headers.idempotency-key"])
    const missing = await post(citizen(), "/api/v1/dossiers", residenceFiling())
    expect(missing.status).toBe(400)
  })

  it("two officers accepting the same dossier at once: exactly one succeeds, the other gets 409", async () => {
    const filed = await ok(
      await post(citizen(), "/api/v1/dossiers", residenceFiling(), { "idempotency-key": "race-1" }),
      201,
    )
    system.advance(HOUR)
    const path = `/api/v1/dossiers/${filed.code}/accept`
    const answers = await Promise.all([
      post(await who.counter, path, { expectedVersion: filed.version }),
      post(await who.counter2, path, { expectedVersion: filed.version }),
    ])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
    const conflict = answers.find((r) => r.status === 409)
    if (conflict === undefined) throw new Error("no 409")
    const problem = await readProblem(conflict)
    expect(problem.errors.map((e) => e.path)).toEqual(["body.expectedVersion"])
    // the loser's stale retry stays refused; the dossier is at version 2 with one accept in its audit
    expect((await post(await who.counter2, path, { expectedVersion: filed.version })).status).toBe(409)
    const audit = (await (
      await send(system.app, await who.auditor, "GET", `/api/v1/dossiers/${filed.code}/audit`)
    ).json()) as {
      items: { action: string }[]
    }
    expect(audit.items.map((e) => e.action)).toEqual(["dossier.file", "dossier.accept"])
  })

  it("every action requires expectedVersion: without it 400 at body.expectedVersion, a stale one 409", async () => {
    const filed = await ok(
      await post(citizen(), "/api/v1/dossiers", residenceFiling(), { "idempotency-key": "version-required-1" }),
      201,
    )
    system.advance(HOUR)
    const at = (segment: string) => `/api/v1/dossiers/${filed.code}/${segment}`
    const counter = await who.counter
    // a body otherwise valid for accept, and every action's body without the version, are refused before anything runs
    const missing = await post(counter, at("accept"), { documents: [{ id: "to-khai-ct01" }] })
    expect(missing.status).toBe(400)
    expect((await readProblem(missing)).errors.map((e) => e.path)).toEqual(["body.expectedVersion"])
    for (const segment of actionSegments) {
      const response = await post(counter, at(segment), {}, { "idempotency-key": `version-required-${segment}` })
      expect(response.status, segment).toBe(400)
      expect(
        (await readProblem(response)).errors.map((e) => e.path),
        segment,
      ).toContain("body.expectedVersion")
    }
    const unchanged = await ok(await send(system.app, counter, "GET", `/api/v1/dossiers/${filed.code}`))
    expect(unchanged.version).toBe(filed.version)

    // the screen the counter officer acted on showed version 1; a colleague has since accepted (version 2)
    const accepted = await ok(await post(await who.counter2, at("accept"), { expectedVersion: filed.version }))
    expect(accepted.version).toBe(filed.version + 1)
    const stale = await post(counter, at("complete-step"), { expectedVersion: filed.version, assigneeId: "cv-hg-01" })
    expect(stale.status).toBe(409)
    expect((await readProblem(stale)).errors.map((e) => e.path)).toEqual(["body.expectedVersion"])
    const after = await ok(await send(system.app, counter, "GET", `/api/v1/dossiers/${filed.code}`))
    expect(after.version).toBe(accepted.version)
    const current = await ok(
      await post(counter, at("complete-step"), { expectedVersion: accepted.version, assigneeId: "cv-hg-01" }),
    )
    expect(current.version).toBe(accepted.version + 1)
  })

  it("an action the machine refuses is 422 with its typed reason; out of scope is 403", async () => {
    const filed = await ok(
      await post(citizen(), "/api/v1/dossiers", residenceFiling(), { "idempotency-key": "refused-1" }),
      201,
    )
    const current = { expectedVersion: filed.version }
    const approve = await post(await who.leader, `/api/v1/dossiers/${filed.code}/approve`, current)
    expect(approve.status).toBe(422)
    const problem = await readProblem(approve.clone())
    expect(problem.status).toBe(422)
    expect(((await approve.json()) as { reason: { _tag: string } }).reason._tag).toBe("NotAllowedInState")
    const foreign = await post(await who.foreign, `/api/v1/dossiers/${filed.code}/complete-step`, current)
    expect(foreign.status).toBe(403)
  })

  it("sends an incomplete dossier back at intake: 1, 5, 1, then accepted with what was brought", async () => {
    const filing = residenceFiling({ documents: [{ id: "ct01" }] })
    // online, a filing without a mandatory paper is refused at filing (issue 14), nothing stored
    const online = await post(citizen(), "/api/v1/dossiers", filing, { "idempotency-key": "intake-sup-0" })
    expect(online.status).toBe(422)
    expect(((await online.json()) as { reason: { reason: string } }).reason.reason).toBe("documents-missing")
    // at the counter the officer takes it in as brought, then asks for what is missing at intake
    const counter = await who.counter
    const filed = await ok(
      await post(
        counter,
        "/api/v1/dossiers",
        { ...filing, intakePointId: "ttphcc-06685" },
        {
          "idempotency-key": "intake-sup-1",
        },
      ),
      201,
    )
    const at = (segment: string) => `/api/v1/dossiers/${filed.code}/${segment}`
    // accepting it as it is would need a document it does not have
    const refused = await post(counter, at("accept"), { expectedVersion: filed.version })
    expect(refused.status).toBe(422)
    // a specialist cannot ask before intake: there is no step yet, the counter officer holds the dossier
    const bySpecialist = await post(await who.specialist, at("request-supplementation"), {
      expectedVersion: filed.version,
      missing: [{ description: "x" }],
      applicantDeadline: "2025-10-13T10:00:00.000Z",
    })
    expect(bySpecialist.status).toBe(422)
    expect(((await bySpecialist.json()) as { reason: unknown }).reason).toEqual({
      _tag: "ActorNotAllowed",
      role: "specialist",
      needed: ["counter-officer"],
    })
    const asked = await ok(
      await post(counter, at("request-supplementation"), {
        expectedVersion: filed.version,
        missing: [{ documentId: "cho-o-hop-phap", description: "Giấy tờ chứng minh chỗ ở hợp pháp" }],
        applicantDeadline: "2025-10-13T10:00:00.000Z",
      }),
    )
    expect(asked.summary).toMatchObject({ statusCode: 5, state: "awaitingIntakeSupplement", appointmentAt: null })
    system.advance(2 * HOUR)
    const brought = await ok(
      await post(counter, at("receive-supplement"), {
        expectedVersion: asked.version,
        documents: [{ id: "cho-o-hop-phap" }],
      }),
    )
    expect(brought.summary).toMatchObject({ statusCode: 1, state: "filed", currentRole: "counter-officer" })
    const accepted = await ok(await post(await who.counter, at("accept"), { expectedVersion: brought.version }))
    expect(accepted.summary.statusCode).toBe(2)
  })

  it("the audit chain endpoint reports intact, then the entry changed with raw SQL", async () => {
    const intact = await send(system.app, await who.auditor, "GET", "/api/v1/audit/chain")
    expect(intact.status).toBe(200)
    const report = (await intact.json()) as { _tag: string; entries: number }
    expect(report._tag).toBe("Intact")
    expect(report.entries).toBeGreaterThan(10)
    expect((await send(system.app, await who.counter, "GET", "/api/v1/audit/chain")).status).toBe(403)
    await system.rawSql(`update audit_entry set actor = 'someone-else' where seq = 3`)
    const broken = (await (await send(system.app, await who.auditor, "GET", "/api/v1/audit/chain")).json()) as Record<
      string,
      unknown
    >
    expect(broken).toEqual({ _tag: "Broken", seq: 3, reason: "hash-mismatch" })
  })
})
