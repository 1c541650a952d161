// The national population database at the counter and at filing, over HTTP (issue 14): the counter officer looks the
// applicant up with the citizen's consent (found, verified or which field does not match; the record to prefill the
// form), a citizen only themselves, other roles not; a counter filing with `verifyApplicant` records the verification
// on the dossier, which makes the dossier's index fact "verified" (4.5b) and the portal record's verified flag true;
// an unknown id or a name that does not match is refused at its path; every lookup is in the reads audit; without a
// registry configured the lookup is 503 and filing without verification still works.

import { PopulationRegistry, portalRecordView } from "@motcua/application"
import { type DossierContext, dossierFacts, makeCalendar } from "@motcua/domain"
import { Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Credentials,
  citizen,
  officers,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"
import { data, readProblem } from "./testing.test-support.ts"

const AN = {
  personalId: "022090001234",
  fullName: "Nguyễn Văn An",
  dateOfBirth: "1990-03-15",
  sex: "Nam" as const,
  permanentAddress: "Tổ 5, khu 3, phường Hồng Gai",
  reference: "TRACE-AN-1",
}
const BINH = { personalId: "022190004321", fullName: "Trần Thị Bình", dateOfBirth: "1991-07-01", sex: "Nữ" as const }

describe("the population database at the counter and at filing", () => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  const registry = PopulationRegistry.makeMemory([AN, BINH])
  beforeAll(async () => {
    system = await testSystem("memory", {
      runtime: { populationRegistry: Layer.succeed(PopulationRegistry, registry.shape) },
    })
    as = officers(system)
  }, 60_000)
  afterAll(async () => system?.close())

  const lookup = async (who: Credentials, body: Record<string, unknown>) =>
    send(system.app, who, "POST", "/api/v1/population/lookup", {
      consent: "signed-at-counter",
      procedureCode: "1.004222",
      ...body,
    })

  it("the counter officer looks the applicant up: verified when the given name and birth date match", async () => {
    const counter = await as("cb-hg-01")
    const found = await lookup(counter, {
      personalId: AN.personalId,
      fullName: "  nguyễn   văn an ",
      dateOfBirth: "1990-03-15",
    })
    expect(found.status, await found.clone().text()).toBe(200)
    expect(await found.json()).toEqual({ found: true, verified: true, mismatches: [], record: AN })
    const query = registry.queries.at(-1)
    expect(query).toMatchObject({
      personalId: AN.personalId,
      purpose: "1.004222",
      consent: { kind: "signed-at-counter" },
    })
    const other = await lookup(counter, {
      personalId: AN.personalId,
      fullName: "Nguyễn Văn Anh",
      dateOfBirth: "1990-03-16",
    })
    expect(await other.json()).toMatchObject({ found: true, verified: false, mismatches: ["fullName", "dateOfBirth"] })
    const unknown = await lookup(counter, { personalId: "022090009999" })
    expect(await unknown.json()).toEqual({ found: false, verified: false, mismatches: [] })
  })

  it("who may look up: intake roles anyone, a citizen only themselves; consent is required", async () => {
    expect((await lookup(citizen(AN.personalId), { personalId: AN.personalId, consent: "e-id" })).status).toBe(200)
    expect((await lookup(citizen(AN.personalId), { personalId: BINH.personalId, consent: "e-id" })).status).toBe(403)
    expect((await lookup(await as("cv-hg-01"), { personalId: AN.personalId })).status).toBe(403)
    const noConsent = await send(system.app, await as("cb-hg-01"), "POST", "/api/v1/population/lookup", {
      personalId: AN.personalId,
      procedureCode: "1.004222",
    })
    expect(noConsent.status).toBe(400)
    expect((await readProblem(noConsent)).errors.map((e) => e.path)).toEqual(["body.consent"])
    const badId = await lookup(await as("cb-hg-01"), { personalId: "999090001234" })
    expect(badId.status).toBe(422)
    expect((await readProblem(badId)).errors.map((e) => e.path)).toEqual(["body.personalId"])
  })

  it("a counter filing with verifyApplicant records the verification: 4.5b's fact and the portal's verified flag", async () => {
    const counter = await as("cb-hg-01")
    const filed = await send(
      system.app,
      counter,
      "POST",
      "/api/v1/dossiers",
      { ...residenceFiling(), intakePointId: "ttphcc-06685", verifyApplicant: { consent: "signed-at-counter" } },
      { "idempotency-key": "verify-1" },
    )
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    const detail = (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${code}`)).json()) as {
      context: DossierContext
    }
    expect(detail.context.applicantVerification).toMatchObject({
      source: "population-db",
      consent: "signed-at-counter",
      reference: AN.reference,
    })
    expect(detail.context.channel).toBe("counter")
    const calendar = makeCalendar({ holidayOverrides: data.holidays ?? { years: [] } })
    expect(dossierFacts(detail.context, calendar).verifiedAccount).toBe(true)
    const procedure = data.catalogue.find((p) => p.code === "1.004222")
    if (procedure === undefined) throw new Error("no 1.004222 in the sample catalogue")
    expect(portalRecordView(detail.context, "filed", procedure).vneidVerified).toBe(true)

    // the same filing without verification: not verified, at the counter
    const plain = await send(
      system.app,
      counter,
      "POST",
      "/api/v1/dossiers",
      { ...residenceFiling(), intakePointId: "ttphcc-06685" },
      { "idempotency-key": "verify-2" },
    )
    const plainCode = ((await plain.json()) as { code: string }).code
    const plainDetail = (await (await send(system.app, counter, "GET", `/api/v1/dossiers/${plainCode}`)).json()) as {
      context: DossierContext
    }
    expect(plainDetail.context.applicantVerification).toBeUndefined()
    expect(dossierFacts(plainDetail.context, calendar).verifiedAccount).toBe(false)
  })

  it("an unknown id or a name that does not match is refused at its path, nothing filed", async () => {
    const counter = await as("cb-hg-01")
    const file = (applicant: object, key: string) =>
      send(
        system.app,
        counter,
        "POST",
        "/api/v1/dossiers",
        {
          ...residenceFiling({ applicant: { ...residenceFiling().applicant, ...applicant } }),
          intakePointId: "ttphcc-06685",
          verifyApplicant: { consent: "signed-at-counter" },
        },
        { "idempotency-key": key },
      )
    const unknown = await file({ id: "022090009999" }, "verify-3")
    expect(unknown.status).toBe(422)
    const unknownProblem = await readProblem(unknown)
    expect(unknownProblem.reason).toEqual({ _tag: "FilingRefused", reason: "applicant-not-in-population-db" })
    expect(unknownProblem.errors.map((e) => e.path)).toEqual(["body.applicant.id"])
    const renamed = await file({ name: "Nguyễn Văn Anh" }, "verify-4")
    expect(renamed.status).toBe(422)
    expect((await readProblem(renamed)).errors.map((e) => e.path)).toEqual(["body.applicant.name"])
  })

  it("every lookup is in the reads audit, with whom it was about, the consent and the purpose", async () => {
    const auditor = await as("tt-01")
    const byCitizen = await send(system.app, auditor, "GET", `/api/v1/audit/reads?actor=${AN.personalId}`)
    const citizenReads = (
      (await byCitizen.json()) as { items: Array<{ action: string; detail: Record<string, unknown> }> }
    ).items
    expect(citizenReads.map((e) => [e.action, e.detail.subjectId])).toEqual([
      ["read.population", AN.personalId],
      ["read.population.denied", BINH.personalId],
    ])
    expect(citizenReads[0]?.detail).toMatchObject({ consent: "e-id", purpose: "1.004222" })
  })
})

describe("without a population database configured", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  }, 60_000)
  afterAll(async () => system?.close())

  it("the lookup and a filing asking for verification are 503; filing without it works", async () => {
    const counter = await officers(system)("cb-hg-01")
    const lookup = await send(system.app, counter, "POST", "/api/v1/population/lookup", {
      personalId: AN.personalId,
      consent: "signed-at-counter",
      procedureCode: "1.004222",
    })
    expect(lookup.status).toBe(503)
    const filing = { ...residenceFiling(), intakePointId: "ttphcc-06685" }
    const verified = await send(
      system.app,
      counter,
      "POST",
      "/api/v1/dossiers",
      { ...filing, verifyApplicant: { consent: "signed-at-counter" } },
      { "idempotency-key": "nc-1" },
    )
    expect(verified.status).toBe(503)
    const plain = await send(system.app, counter, "POST", "/api/v1/dossiers", filing, { "idempotency-key": "nc-2" })
    expect(plain.status).toBe(201)
  })
})
