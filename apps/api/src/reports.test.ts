// Over HTTP: the leaders' report counts what the caller's scope reaches and is refused to a citizen; a post office
// agent files on a citizen's behalf at its office and finds the dossier on its intake point's list, which another
// intake point's officer may not read.
import { afterAll, beforeAll, expect, it } from "vitest"
import {
  type Credentials,
  citizen,
  officers,
  onEachDatabase,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"

onEachDatabase("reports and an intake point's dossiers over HTTP", (kind) => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  beforeAll(async () => {
    system = await testSystem(kind)
    as = officers(system)
  }, 60_000)
  afterAll(async () => system?.close())

  it("a leader's report counts the authority's dossiers; a leader elsewhere sees none; a citizen gets 403", async () => {
    const filed = await send(system.app, citizen(), "POST", "/api/v1/dossiers", residenceFiling(), {
      "idempotency-key": "report-1",
    })
    expect(filed.status).toBe(201)
    // the standard forms that apply: only the tracking log's row before intake; another ward's officer may not read them
    const { code } = (await filed.json()) as { code: string }
    const forms = await send(system.app, citizen(), "GET", `/api/v1/dossiers/${code}/forms`)
    expect(forms.status).toBe(200)
    const body0 = (await forms.json()) as { items: { form: string; lines: { label: string; value: string }[] }[] }
    expect(body0.items.map((f) => f.form)).toEqual(["tracking-log-entry"])
    expect(body0.items[0]?.lines).toContainEqual({ label: "Mã hồ sơ", value: code })
    expect((await send(system.app, await as("cb-hh-01"), "GET", `/api/v1/dossiers/${code}/forms`)).status).toBe(403)
    const report = await send(system.app, await as("ld-hg-01"), "GET", "/api/v1/reports/dossiers?from=2025-10-01")
    expect(report.status).toBe(200)
    const body = (await report.json()) as { total: number; byUnit: { key: string; received: number }[] }
    expect(body.total).toBe(1)
    expect(body.byUnit).toEqual([expect.objectContaining({ key: "06685", received: 1 })])
    const elsewhere = await send(system.app, await as("cv-hh-01"), "GET", "/api/v1/reports/dossiers")
    expect(elsewhere.status).toBe(403)
    expect((await send(system.app, citizen(), "GET", "/api/v1/reports/dossiers")).status).toBe(403)
    const bad = await send(system.app, await as("ld-hg-01"), "GET", "/api/v1/reports/dossiers?from=October")
    expect(bad.status).toBe(400)
  })

  it("a post office agent files a birth registration for a citizen and finds it on its intake point's list", async () => {
    const agent = await as("bd-hg-01")
    const filing = {
      procedureCode: "1.001193",
      applicant: { id: "022090009999", name: "Trần Thị Bình", kind: "citizen" },
      residence: { provinceCode: "22", unitCode: "06685" },
      documents: [{ id: "to-khai" }, { id: "giay-chung-sinh" }, { id: "giay-to-tuy-than" }],
      intakePointId: "po-quangninh",
    }
    const filed = await send(system.app, agent, "POST", "/api/v1/dossiers", filing, { "idempotency-key": "agent-1" })
    const text = await filed.text()
    expect(filed.status, text).toBe(201)
    const { code } = JSON.parse(text) as { code: string }
    const list = await send(system.app, agent, "GET", "/api/v1/intake-points/po-quangninh/dossiers")
    expect(list.status).toBe(200)
    expect(((await list.json()) as { items: { code: string }[] }).items.map((i) => i.code)).toEqual([code])
    const other = await send(system.app, await as("cb-hg-01"), "GET", "/api/v1/intake-points/po-quangninh/dossiers")
    expect(other.status).toBe(403)
    // the agent reads the dossier it took in, and is offered nothing it may not do on it
    const read = await send(system.app, agent, "GET", `/api/v1/dossiers/${code}`)
    expect(read.status).toBe(200)
    expect(((await read.json()) as { actions: unknown[] }).actions).toEqual([])
  })
})
