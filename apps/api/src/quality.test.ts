// The quality routes over HTTP on SQLite and PostgreSQL, with the demo accounts: a rating of a returned dossier
// (once, by its applicant, only after the return), a petition through its lifecycle and the public list of answered
// ones, the SLA sweep's notices for the specialist and the leader with the leader's overdue list, the work queue's
// time left, and the index report with its drill-down, scope-limited, bad input named.
import { signDevelopmentPaymentCallback, slaSweep } from "@motcua/application"
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
import { readProblem } from "./testing.test-support.ts"

onEachDatabase("ratings, petitions, SLA notices and the index report over HTTP", (kind) => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  let returned: string
  let open: string
  beforeAll(async () => {
    system = await testSystem(kind)
    as = officers(system)
    const { app, advance } = system
    const post = async (c: Credentials, path: string, body: unknown, headers?: Record<string, string>) => {
      const response = await send(app, c, "POST", path, body, headers)
      const text = await response.text()
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${text}`)
      return JSON.parse(text) as { code: string; version: number }
    }
    const file = async (key: string) =>
      (await post(citizen(), "/api/v1/dossiers", residenceFiling(), { "idempotency-key": key })).code
    returned = await file("q-1")
    open = await file("q-2")
    let versions = new Map<string, number>([
      [returned, 1],
      [open, 1],
    ])
    const step = async (who: string, code: string, segment: string, body: object = {}) => {
      const done = await post(await as(who), `/api/v1/dossiers/${code}/${segment}`, {
        expectedVersion: versions.get(code),
        ...body,
      })
      versions = new Map(versions).set(code, done.version)
    }
    advance(30 * 60_000)
    for (const code of [returned, open]) {
      await step("cb-hg-01", code, "accept")
      await step("cb-hg-01", code, "complete-step", { assigneeId: "cv-hg-01" })
    }
    advance(2 * HOUR)
    await step("cv-hg-01", returned, "complete-step")
    await step("ld-hg-01", returned, "approve")
    const upload = await app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...(await as("ld-hg-01")).headers, "content-type": "application/pdf" },
      body: pdf("Kết quả"),
    })
    const document = (await upload.json()) as { id: string }
    await step("ld-hg-01", returned, "sign", { documentId: document.id })
    await step("ld-hg-01", returned, "complete-step")
    const notice = paidCallback(returned)
    const callback = {
      ...notice,
      signature: signDevelopmentPaymentCallback(system.runtime.developmentKeys.paymentSecret, notice),
    }
    const paid = await post(gateway(), "/api/v1/payments/callback", callback, { "idempotency-key": "q-cb" })
    versions = new Map(versions).set(returned, paid.version)
    await step("vt-hg-01", returned, "complete-step")
    await step("cb-hg-01", returned, "mark-result-ready", { resultDocumentIds: [document.id] })
    advance(HOUR)
    await step("cb-hg-01", returned, "return-result", { method: "counter" })
  }, 120_000)
  afterAll(async () => system?.close())

  const get = async (who: Credentials | undefined, path: string) => send(system.app, who, "GET", path)
  const post = async (who: Credentials, path: string, body: unknown) => send(system.app, who, "POST", path, body)
  const rating = { access: 5, procedure: 4, officer: 5, result: 4, liked: true }

  it("the applicant rates a returned dossier once; not an open one, not someone else's", async () => {
    const first = await post(citizen(), `/api/v1/dossiers/${returned}/rating`, rating)
    expect(first.status, await first.clone().text()).toBe(201)
    expect(await first.json()).toMatchObject({ dossierCode: returned, liked: true, raterId: "022090001234" })
    const again = await post(citizen(), `/api/v1/dossiers/${returned}/rating`, { ...rating, liked: false })
    expect(again.status).toBe(409)
    expect((await post(citizen(), `/api/v1/dossiers/${open}/rating`, rating)).status).toBe(422)
    expect((await post(citizen("022090009999"), `/api/v1/dossiers/${returned}/rating`, rating)).status).toBe(403)
    const bad = await post(citizen(), `/api/v1/dossiers/${returned}/rating`, { ...rating, access: 9 })
    expect(bad.status).toBe(400)
    expect((await readProblem(bad)).errors.map((e) => e.path)).toEqual(["body.access"])
    const read = await get(await as("cv-hg-01"), `/api/v1/dossiers/${returned}/rating`)
    expect(((await read.json()) as { rating: { liked: boolean } }).rating.liked).toBe(true)
  })

  it("a petition: sent by the citizen, handled by the ward's police, published without the sender", async () => {
    const sent = await post(citizen(), "/api/v1/petitions", { dossierCode: open, content: "Hồ sơ chậm trả kết quả" })
    expect(sent.status, await sent.clone().text()).toBe(201)
    const { petition } = (await sent.json()) as { petition: { id: string; agencyCode: string; status: string } }
    expect(petition).toMatchObject({ agencyCode: "000.11.50.H49", status: "received" })
    const event = (who: Credentials, body: unknown) => post(who, `/api/v1/petitions/${petition.id}/events`, body)
    expect(
      (await event(await as("cv-hh-01"), { event: { type: "classify", kind: "feedback", topic: "delay" } })).status,
    ).toBe(403)
    const tooEarly = await event(await as("cv-hg-01"), { event: { type: "publish" } })
    expect(tooEarly.status).toBe(422)
    expect((await readProblem(tooEarly)).reason).toMatchObject({ _tag: "NotAllowedInPetitionState" })
    expect(
      (await event(await as("cv-hg-01"), { event: { type: "classify", kind: "feedback", topic: "delay" } })).status,
    ).toBe(200)
    const stale = await event(await as("cv-hg-01"), {
      event: { type: "answer", text: "Đã đôn đốc." },
      expectedVersion: 1,
    })
    expect(stale.status).toBe(409)
    expect(
      (await event(await as("cv-hg-01"), { event: { type: "answer", text: "Đã đôn đốc." }, expectedVersion: 2 }))
        .status,
    ).toBe(200)
    expect((await event(await as("cv-hg-01"), { event: { type: "publish" } })).status).toBe(200)
    const rated = await event(citizen(), { event: { type: "rate", satisfied: true } })
    expect(rated.status).toBe(200)
    const published = await get(undefined, "/api/v1/petitions/published")
    expect(published.status).toBe(200)
    const body = await published.text()
    expect(body).toContain("Đã đôn đốc.")
    expect(body).not.toContain("022090001234")
    const mine = (await (await get(citizen(), "/api/v1/petitions")).json()) as { total: number }
    expect(mine.total).toBe(1)
    expect((await get(citizen("022090009999"), `/api/v1/petitions/${petition.id}`)).status).toBe(403)
    const malformed = await post(citizen(), "/api/v1/petitions", { content: "" })
    expect(malformed.status).toBe(400)
    const noTarget = await post(citizen(), "/api/v1/petitions", { content: "Chung chung" })
    expect(noTarget.status).toBe(422)
    expect((await readProblem(noTarget)).errors.map((e) => e.path)).toEqual(["body.dossierCode"])
  })

  it("the work queue shows the time left; the sweep warns the specialist, then tells the leader it is overdue", async () => {
    const queue = (await (await get(await as("cv-hg-01"), "/api/v1/work-queue?role=specialist")).json()) as {
      items: Array<{ code: string; timeLeft: { minutes: number; standing: string } | null }>
    }
    expect(queue.items.find((i) => i.code === open)?.timeLeft).toMatchObject({ standing: "on-track" })
    system.advance(3 * DAY + 2 * HOUR)
    await system.runtime.run(slaSweep())
    const warned = (await (await get(await as("cv-hg-01"), "/api/v1/sla/notices")).json()) as {
      items: Array<{ dossierCode: string; threshold: string }>
    }
    expect(warned.items).toEqual([expect.objectContaining({ dossierCode: open, threshold: "due-soon" })])
    system.advance(10 * DAY)
    await system.runtime.run(slaSweep())
    await system.runtime.run(slaSweep())
    const leader = await as("ld-hg-01")
    const notices = (await (await get(leader, "/api/v1/sla/notices")).json()) as { items: Array<{ threshold: string }> }
    expect(notices.items.length).toBeGreaterThan(0)
    expect(notices.items.every((n) => n.threshold === "overdue")).toBe(true)
    const overdue = (await (await get(leader, "/api/v1/sla/overdue")).json()) as { items: Array<{ code: string }> }
    expect(overdue.items.map((d) => d.code)).toEqual([open])
    expect((await get(await as("cv-hg-01"), "/api/v1/sla/overdue")).status).toBe(403)
  })

  it("the index report for October: the leader's scope, the late dossier behind 2.1, bad input named", async () => {
    const leader = await as("ld-hg-01")
    const response = await get(leader, "/api/v1/reports/index?period=2025-10")
    expect(response.status, await response.clone().text()).toBe(200)
    const report = (await response.json()) as {
      total: {
        key: string
        index: {
          groups: Array<{
            indicators: Array<{ id: string; numerator: number; denominator: number; name: string; nameEn: string }>
          }>
        }
      }
      units: Array<{ code: string }>
    }
    expect(report.total.key).toBe("scope")
    expect(report.units.map((u) => u.code)).toEqual(["06685"])
    const indicator = (id: string) => report.total.index.groups.flatMap((g) => g.indicators).find((s) => s.id === id)
    expect(indicator("2.1")).toMatchObject({ numerator: 1, denominator: 2 }) // the open one is late by 31 October
    expect(indicator("5.2")).toMatchObject({ numerator: 1, denominator: 1 })
    // each indicator comes with its name, so the pages need no copy of the domain's list
    expect(indicator("2.1")).toMatchObject({ name: "Hồ sơ giải quyết trước hạn, đúng hạn" })
    expect(indicator("5.2")?.nameEn).toBe("petitions handled on time / petitions")
    const late = (await (await get(leader, "/api/v1/reports/index/dossiers?period=2025-10&which=late")).json()) as {
      items: Array<{ code: string }>
    }
    expect(late.items.map((d) => d.code)).toEqual([open])
    expect((await get(await as("cv-hg-01"), "/api/v1/reports/index?period=2025-10")).status).toBe(403)
    expect((await get(leader, "/api/v1/reports/index?period=2025-10&unit=06688")).status).toBe(403)
    const badUnit = await get(leader, "/api/v1/reports/index?period=2025-10&unit=99999")
    expect(badUnit.status).toBe(422)
    expect((await readProblem(badUnit)).errors.map((e) => e.path)).toEqual(["query.unit"])
    const badPeriod = await get(leader, "/api/v1/reports/index?period=2025-13")
    expect(badPeriod.status).toBe(400)
    expect((await readProblem(badPeriod)).errors.map((e) => e.path)).toEqual(["query.period"])
    expect((await get(undefined, "/api/v1/reports/index?period=2025-10")).status).toBe(401)
  })

  it("the province's administrator (a province-level scope listing no authority) sees the whole province", async () => {
    const admin = await as("qt-tinh-01")
    const response = await get(admin, "/api/v1/reports/index?period=2025-10")
    expect(response.status, await response.clone().text()).toBe(200)
    const report = (await response.json()) as {
      total: {
        key: string
        index: { groups: Array<{ indicators: Array<{ id: string; numerator: number; denominator: number }> }> }
      }
      units: Array<{ key: string; code: string }>
    }
    const { jurisdiction } = system.runtime.data
    // every handling unit of the province: its commune-level units and its province-level authorities
    expect(report.total.key).toBe("province")
    expect(report.units.map((u) => u.key).sort()).toEqual(
      [
        ...jurisdiction.units.map((u) => `unit:${u.code}`),
        ...jurisdiction.agencies.filter((a) => a.level === "province").map((a) => `agency:${a.code}`),
      ].sort(),
    )
    const indicator = (id: string) => report.total.index.groups.flatMap((g) => g.indicators).find((s) => s.id === id)
    // the two dossiers of the province, as the ward's leader counts them in the ward
    expect(indicator("2.1")).toMatchObject({ numerator: 1, denominator: 2 })
    const late = (await (await get(admin, "/api/v1/reports/index/dossiers?period=2025-10&which=late")).json()) as {
      items: Array<{ code: string }>
    }
    expect(late.items.map((d) => d.code)).toEqual([open])
    // any unit of the province may be asked for, and the overdue list without an apology is the province's
    expect((await get(admin, "/api/v1/reports/index?period=2025-10&unit=06688")).status).toBe(200)
    // (the open dossier is overdue once its appointment has passed and a sweep has seen it)
    system.advance(14 * DAY)
    await system.runtime.run(slaSweep())
    const later = await as("qt-tinh-01") // signed in again: the session of two weeks ago has ended
    const overdue = (await (await get(later, "/api/v1/sla/overdue")).json()) as { items: Array<{ code: string }> }
    expect(overdue.items.map((d) => d.code)).toEqual([open])
    // the dossier report of the dashboard counts the province's dossiers too
    const dossiers = await get(later, "/api/v1/reports/dossiers")
    expect(dossiers.status).toBe(200)
    expect(((await dossiers.json()) as { total: number }).total).toBe(2)
    // reports only: the dossiers themselves stay out of a scope that lists none
    expect((await get(later, `/api/v1/dossiers/${open}`)).status).toBe(403)
  })
})
