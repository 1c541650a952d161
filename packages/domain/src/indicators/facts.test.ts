// Facts read from dossiers the real machine produced, 2.1's judgement at the end of a period (finished, unfinished,
// waiting for the applicant, marked late), periods, and the reference tally with a unit's counts.
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { classifyDossier } from "../dossier/classification.ts"
import { calendar, counterFiling, ev, machineFor, oct, onlineFiling, run } from "../dossier/fixtures.test-support.ts"
import { IndicatorInputError } from "./errors.ts"
import { type DossierFacts, dossierFacts, withinTimeAt } from "./facts.ts"
import { parsePeriod, previousYearOf } from "./period.ts"
import { index766 } from "./score.ts"
import { countsOfUnit, type DossierFactsRow, type PetitionFacts, tallyDossiers, tallyPetitions } from "./tally.ts"

const machine = machineFor()
const paid = ev("system", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "pay-1", amount: 10000 })
const accepted = [paid, ev("counter", oct(6, "09:00"), { type: "accept" })]
const toResult = [
  ...accepted,
  ev("counter", oct(6, "10:00"), { type: "completeStep" }),
  ev("specialist", oct(7, "10:00"), { type: "completeStep" }),
  ev("leader", oct(7, "11:00"), { type: "approve" }),
  ev("leader", oct(7, "11:30"), { type: "sign", signatureId: "s" }),
  ev("leader", oct(7, "14:00"), { type: "resultReady" }),
]

describe("dossierFacts", () => {
  it("an online dossier paid through the gateway, returned to the e-wallet", () => {
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...toResult,
      ev("system", oct(7, "15:00"), { type: "returnResult", method: "e-wallet" }),
    ])
    const facts = dossierFacts(snapshot.context, calendar)
    expect(facts).toEqual({
      code: "000.22.06.H49-251006-0001",
      agencyCode: "000.22.06.H49",
      unitCode: "06685",
      procedureCode: snapshot.context.procedureCode,
      channel: "online",
      standing: "ended",
      receivedAt: "2025-10-06T01:00:00.000Z",
      acceptedAt: "2025-10-06T02:00:00.000Z",
      endedAt: "2025-10-07T07:00:00.000Z", // processed (result ready) at 14:00 on the 7th
      appointmentAt: new Date(Date.parse(snapshot.context.appointment as string)).toISOString(),
      lateMarkedAt: null,
      pausedSince: null,
      // accepted Mon 09:00 → result Tue 14:00: 2.5 h + 3.5 h Monday, 4 h + 0.5 h Tuesday
      handlingMinutes: (2.5 + 3.5 + 4 + 0.5) * 60,
      electronicResult: true,
      digitised: true, // one document scanned, one from the e-wallet, an electronic result
      reusedData: true,
      verifiedAccount: true,
      feeDue: true,
      paidOnline: true,
    } satisfies DossierFacts)
    expect(withinTimeAt(facts, "2025-11-01T00:00:00.000Z")).toBe(true)
    expect(classifyDossier(snapshot.context)).toBe("early")
  })

  it("a counter dossier paid in cash, without scans, returned at the counter on paper", () => {
    const { snapshot } = run(
      machine,
      counterFiling(oct(6, "08:00"), { documents: [{ id: "form-ct01" }, { id: "proof-of-residence" }] }),
      [
        ev("counter", oct(6, "08:05"), { type: "paymentConfirmed", paymentId: "cash-1", amount: 20000 }),
        ...toResult.slice(1),
        ev("counter", oct(8, "09:00"), { type: "returnResult", method: "counter" }),
      ],
    )
    const facts = dossierFacts(snapshot.context, calendar)
    expect(facts).toMatchObject({
      channel: "counter",
      electronicResult: false,
      digitised: false,
      reusedData: false,
      verifiedAccount: false,
      feeDue: true,
      paidOnline: false,
    })
  })

  it("refused at intake: not received; withdrawn: received but not counted for 2.1", () => {
    const refused = run(machine, counterFiling(oct(6, "08:00")), [
      ev("counter", oct(6, "08:30"), { type: "refuse", reasons: ["Không thuộc thẩm quyền"] }),
    ]).snapshot
    expect(dossierFacts(refused.context, calendar).standing).toBe("refused")
    const withdrawn = run(machine, onlineFiling(oct(6, "08:00")), [
      ...accepted,
      ev("citizen", oct(6, "10:00"), { type: "withdraw", reason: "Nộp nhầm" }),
    ]).snapshot
    expect(dossierFacts(withdrawn.context, calendar).standing).toBe("withdrawn")
  })

  it("waiting for the applicant: the pause start is kept, and the dossier is within time at a period's end", () => {
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...accepted,
      ev("counter", oct(6, "10:00"), { type: "completeStep" }),
      ev("specialist", oct(7, "09:00"), {
        type: "requestSupplementation",
        missing: [{ description: "Bản sao sổ hộ khẩu" }],
        applicantDeadline: oct(24, "17:00"),
      }),
    ])
    const facts = dossierFacts(snapshot.context, calendar)
    expect(facts.pausedSince).toBe("2025-10-07T02:00:00.000Z")
    expect(facts.standing).toBe("open")
    // The appointment (5 working days after acceptance) is before the end of October, but the clock stopped with
    // time left: within time.
    expect(facts.appointmentAt !== null && facts.appointmentAt < "2025-10-31T17:00:00.000Z").toBe(true)
    expect(withinTimeAt(facts, "2025-10-31T17:00:00.000Z")).toBe(true)
  })

  it("a second supplementation request marks it late from that moment", () => {
    const supplement = (at: string) =>
      ev("specialist", at, {
        type: "requestSupplementation",
        missing: [{ description: "Giấy tờ" }],
        applicantDeadline: oct(24, "17:00"),
      })
    const { snapshot } = run(machine, onlineFiling(oct(6, "08:00")), [
      ...accepted,
      ev("counter", oct(6, "10:00"), { type: "completeStep" }),
      supplement(oct(7, "09:00")),
      ev("citizen", oct(8, "09:00"), { type: "supplementReceived", documents: [] }),
      supplement(oct(8, "10:00")),
    ])
    const facts = dossierFacts(snapshot.context, calendar)
    expect(facts.lateMarkedAt).toBe("2025-10-08T03:00:00.000Z")
    expect(withinTimeAt(facts, "2025-10-08T03:00:00.000Z")).toBe(true) // a period that ended as it happened
    expect(withinTimeAt(facts, "2025-10-31T17:00:00.000Z")).toBe(false)
  })
})

describe("withinTimeAt (2.1: unfinished dossiers judged at the end of the period)", () => {
  const base = { lateMarkedAt: null, endedAt: null, appointmentAt: null, pausedSince: null }
  const end = "2026-10-31T17:00:00.000Z"
  it("finished before the end: on time when the end is not after the appointment", () => {
    expect(
      withinTimeAt({ ...base, endedAt: "2026-10-10T01:00:00.000Z", appointmentAt: "2026-10-10T01:00:00.000Z" }, end),
    ).toBe(true)
    expect(
      withinTimeAt({ ...base, endedAt: "2026-10-10T01:00:00.001Z", appointmentAt: "2026-10-10T01:00:00.000Z" }, end),
    ).toBe(false)
  })
  it("unfinished at the end: within time when the appointment is not before the end", () => {
    expect(withinTimeAt({ ...base, appointmentAt: end }, end)).toBe(true)
    expect(withinTimeAt({ ...base, appointmentAt: "2026-10-31T16:59:59.999Z" }, end)).toBe(false)
    // finished after the end, late: at the end of the period it was still within time
    expect(
      withinTimeAt({ ...base, endedAt: "2026-11-20T01:00:00.000Z", appointmentAt: "2026-11-10T01:00:00.000Z" }, end),
    ).toBe(true)
  })
  it("not accepted yet: its clock has not started", () => {
    expect(withinTimeAt(base, end)).toBe(true)
  })
  it("waiting for the applicant since before the end, with time left when the wait began: within time", () => {
    const waiting = { ...base, appointmentAt: "2026-10-20T01:00:00.000Z", pausedSince: "2026-10-15T01:00:00.000Z" }
    expect(withinTimeAt(waiting, end)).toBe(true)
    expect(withinTimeAt({ ...waiting, pausedSince: "2026-10-21T01:00:00.000Z" }, end)).toBe(false)
    expect(withinTimeAt({ ...waiting, pausedSince: "2026-11-02T01:00:00.000Z" }, end)).toBe(false)
  })
})

describe("parsePeriod", () => {
  it("reads a month, a quarter and a year in Vietnam's calendar", () => {
    expect(parsePeriod("2026-10")).toEqual({
      kind: "month",
      label: "2026-10",
      year: 2026,
      from: "2026-10-01",
      to: "2026-11-01",
      startInstant: "2026-09-30T17:00:00.000Z",
      endInstant: "2026-10-31T17:00:00.000Z",
      periodsPerYear: 12,
    })
    expect(parsePeriod("2026-Q4")).toMatchObject({ from: "2026-10-01", to: "2027-01-01", periodsPerYear: 4 })
    expect(parsePeriod("2026-12")).toMatchObject({ to: "2027-01-01", endInstant: "2026-12-31T17:00:00.000Z" })
    expect(parsePeriod("2026")).toMatchObject({ from: "2026-01-01", to: "2027-01-01", periodsPerYear: 1 })
    expect(previousYearOf(parsePeriod("2026-10"))?.label).toBe("2025")
    expect(previousYearOf(parsePeriod("1900"))).toBeUndefined()
  })
  it("refuses anything else, saying what it accepts", () => {
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "26-10", "2026/10", "", "2200", "2026-1"]) {
      let error: unknown
      try {
        parsePeriod(bad)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(IndicatorInputError)
      expect((error as IndicatorInputError).message).toContain("YYYY-MM")
      expect((error as IndicatorInputError).where).toBe("parsePeriod(period)")
    }
  })
})

const row = (over: Partial<DossierFactsRow> = {}): DossierFactsRow => ({
  code: "x",
  agencyCode: "A",
  unitCode: "U1",
  procedureCode: "1.000001",
  channel: "online",
  standing: "ended",
  receivedAt: "2026-10-05T02:00:00.000Z",
  acceptedAt: "2026-10-05T02:30:00.000Z",
  endedAt: "2026-10-06T02:00:00.000Z",
  appointmentAt: "2026-10-09T02:00:00.000Z",
  lateMarkedAt: null,
  pausedSince: null,
  handlingMinutes: 480,
  electronicResult: true,
  digitised: true,
  reusedData: false,
  verifiedAccount: true,
  feeDue: true,
  paidOnline: true,
  synced: true,
  complained: false,
  ...over,
})

describe("the reference tally and a unit's counts", () => {
  const october = parsePeriod("2026-10")
  const rows = [
    row({ code: "a" }),
    row({ code: "b", channel: "counter", paidOnline: false, verifiedAccount: false, synced: false }),
    row({
      code: "c",
      endedAt: "2026-10-12T02:00:00.000Z",
      complained: true,
      electronicResult: false,
      digitised: false,
    }),
    row({ code: "d", standing: "refused", endedAt: null, handlingMinutes: null }),
    row({ code: "e", standing: "withdrawn", endedAt: null, handlingMinutes: null, procedureCode: "1.000002" }),
    row({ code: "f", receivedAt: "2026-09-30T16:59:59.999Z" }), // September in Vietnam
    row({
      code: "g",
      receivedAt: "2026-10-31T16:59:59.999Z",
      endedAt: null,
      handlingMinutes: null,
      feeDue: false,
      paidOnline: false,
      appointmentAt: "2026-11-05T02:00:00.000Z",
    }),
  ]
  const tally = tallyDossiers(rows, october)

  it("counts received dossiers by authority, unit and procedure", () => {
    expect(tally).toHaveLength(2)
    expect(tally[0]).toEqual({
      agencyCode: "A",
      unitCode: "U1",
      procedureCode: "1.000001",
      received: 4, // a b c g
      counted: 4,
      withinTime: 3, // c ended after its appointment
      ended: 3,
      handlingMinutes: 1440,
      online: 3,
      synced: 3,
      syncedWithFee: 2,
      electronicResult: 3,
      digitised: 3,
      reusedData: 0,
      sharedForReuse: 2, // synced with an electronic result: a, g
      populationData: 3,
      feeDue: 3,
      paidOnline: 2,
      complained: 1,
    })
    expect(tally[1]).toMatchObject({ procedureCode: "1.000002", received: 1, counted: 0, withinTime: 0 })
  })

  it("gives the unit's counts, and its index", () => {
    const petitions: PetitionFacts[] = [
      {
        id: "p1",
        agencyCode: "A",
        unitCode: "U1",
        procedureCode: "1.000001",
        dossierCode: "c",
        sentAt: "2026-10-13T02:00:00.000Z",
        classified: true,
        endedAt: "2026-10-20T02:00:00.000Z",
        dueAt: "2026-11-03T02:00:00.000Z",
        lateAt: null,
        notSatisfied: true,
        rePetitioned: false,
      },
      {
        id: "p2",
        agencyCode: "A",
        unitCode: "U1",
        procedureCode: null,
        dossierCode: null,
        sentAt: "2026-10-01T02:00:00.000Z",
        classified: false,
        endedAt: null,
        dueAt: "2026-10-22T02:00:00.000Z",
        lateAt: null,
        notSatisfied: false,
        rePetitioned: false,
      },
    ]
    const petitionTally = tallyPetitions(petitions, october)
    expect(petitionTally.map((p) => [p.procedureCode, p.petitions, p.classified, p.onTime, p.satisfied])).toEqual([
      [null, 1, 0, 0, 0], // unanswered past its due date: late at the end of October
      ["1.000001", 1, 1, 1, 0], // on time, but answered "not satisfied"
    ])
    const counts = countsOfUnit(tally, petitionTally, undefined, {
      procedures: [
        { code: "1.000001", onlineService: "full", hasFee: true },
        { code: "1.000002", onlineService: "partial", hasFee: false },
        { code: "1.000003", onlineService: "none", hasFee: true },
      ],
      certificationProcedures: ["1.000002"],
      imported: { "1.1": { numerator: 5, denominator: 5 } },
      periodsPerYear: 12,
    })
    expect(counts).toMatchObject({
      "1.1": { numerator: 5, denominator: 5 },
      "1.4": { numerator: 4, denominator: 5, periodsPerYear: 12 }, // a c e g
      "2.1": { numerator: 3, denominator: 4 },
      "2.2": { numerator: 1440, denominator: 3 }, // working minutes
      "3.1": { numerator: 2, denominator: 3 },
      "3.2": { numerator: 2, denominator: 2 }, // both offered online have an online dossier
      "3.3": { numerator: 4, denominator: 5, factor: { numerator: 4, denominator: 5 } },
      "3.5": { numerator: 1, denominator: 2 },
      "3.5b": { numerator: 1, denominator: 2 },
      "3.6": { numerator: 3, denominator: 4 }, // a c e of a b c e
      "4.1": { numerator: 4, denominator: 5 }, // all but c
      "4.6": { numerator: 1, denominator: 1 },
      "5.1": { numerator: 1, denominator: 2 },
      "5.2": { numerator: 1, denominator: 2 },
      "5.3": { numerator: 0, denominator: 2 },
      "5.4": { numerator: 1 + 1, denominator: 5 },
    })
    const index = index766(counts)
    expect(index.missing).toEqual(["1.2", "1.3", "4.5a"])
    // 2.1: 3/4 × 20 = 15
    expect(index.groups.find((g) => g.id === "progress")?.score).toBe(15)
  })

  const fact = fc.record({
    unitCode: fc.constantFrom("U1", "U2", "U3"),
    standing: fc.constantFrom("refused", "withdrawn", "open", "ended" as const),
    day: fc.integer({ min: 1, max: 28 }),
    ended: fc.boolean(),
    late: fc.boolean(),
    flags: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
  })
  test.prop([fc.array(fact, { maxLength: 60 })])(
    "a scope's tally is the sum of its units' tallies (counts never depend on how units are grouped)",
    (facts) => {
      const rows = facts.map((x, i) =>
        row({
          code: `d${i}`,
          unitCode: x.unitCode,
          standing: x.standing,
          receivedAt: `2026-10-${String(x.day).padStart(2, "0")}T02:00:00.000Z`,
          endedAt: x.ended ? "2026-10-29T02:00:00.000Z" : null,
          appointmentAt: x.late ? "2026-10-28T02:00:00.000Z" : "2026-11-02T02:00:00.000Z",
          channel: x.flags[0] ? "online" : "counter",
          synced: x.flags[1] === true,
          electronicResult: x.flags[2] === true,
          digitised: x.flags[3] === true,
          reusedData: x.flags[4] === true,
          verifiedAccount: x.flags[5] === true,
          feeDue: x.flags[6] === true,
          paidOnline: x.flags[7] === true,
          complained: x.flags[8] === true,
        }),
      )
      const whole = tallyDossiers(rows, october)
      const parts = ["U1", "U2", "U3"].flatMap((u) =>
        tallyDossiers(
          rows.filter((r) => r.unitCode === u),
          october,
        ),
      )
      expect(parts).toEqual(whole)
      const received = whole.reduce((s, t) => s + t.received, 0)
      expect(received).toBe(rows.filter((r) => r.standing !== "refused").length)
      for (const t of whole) expect(t.withinTime).toBeLessThanOrEqual(t.counted)
    },
  )
})
