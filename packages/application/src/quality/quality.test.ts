// The quality use cases on the in-memory ports and the real Quảng Ninh data: the index report (its numbers checked by
// hand against three dossiers of the ward of Hồng Gai and recounted from the stored snapshots), scope limits and bad
// input, the drill-down, ratings, petitions, the SLA sweep (once per threshold, escalation, the relay's delivery) and
// the work queue's time left.
import {
  countsOfUnit,
  type DossierContext,
  dossierFacts,
  type Index766,
  type IndicatorId,
  parsePeriod,
  petitionFacts,
  tallyDossiers,
  tallyPetitions,
} from "@motcua/domain"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Forbidden, PetitionRefused, RatingRefused, ReportRequestInvalid } from "../errors.ts"
import { CallLog } from "../ports/call-log.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { MemoryDatabase } from "../ports/memory.ts"
import { AlreadyRated } from "../ports/quality.ts"
import { relayOnce, standardHandlers } from "../relay/relay.ts"
import {
  AGENCY,
  advance,
  DAY,
  HOUR,
  principals as p,
  paidCallback,
  pdf,
  residenceFiling,
  runTest,
  UNIT,
  withPapers,
} from "../test-support/harness.ts"
import { fileOnline } from "../use-cases/filing.ts"
import * as L from "../use-cases/lifecycle.ts"
import { confirmPaymentCallback } from "../use-cases/payments.ts"
import { workQueue } from "../use-cases/queries.ts"
import { sign } from "../use-cases/signing.ts"
import { actOnPetition, listPetitions, publishedPetitions, rateDossier, sendPetition } from "./feedback.ts"
import { everything, indexDrillDown, indexReport, reportViewerOf } from "./report.ts"
import { overdueWithoutApology, slaInbox, slaSweep } from "./sla.ts"

const indicator = (index: Index766, id: IndicatorId) =>
  index.groups.flatMap((g) => g.indicators).find((s) => s.id === id)

/** Both documents declared digitised and taken from the e-wallet: a declaration alone counts for nothing. */
const declared = residenceFiling({
  documents: [
    { id: "ct01", digitised: true, fromEWallet: true },
    { id: "cho-o-hop-phap", digitised: true, fromEWallet: true },
  ],
})

/**
 * Files online, accepts, hands to the specialist; then (when `toReturn`) walks on to the return at the counter. The
 * dossier to return brings its papers (ct01 uploaded, the proof of residence taken from the citizen's e-wallet); the
 * other only declares them.
 */
const fileAndWork = (toReturn: boolean) =>
  Effect.gen(function* () {
    const filing = toReturn
      ? yield* withPapers(p.citizen, declared, { scanned: ["ct01"], fromWallet: ["cho-o-hop-phap"] })
      : declared
    const filed = yield* fileOnline(p.citizen, filing, `k-${Math.random()}`)
    const code = filed.code
    yield* advance(30 * 60_000)
    yield* L.accept(p.counter, code, {})
    yield* advance(HOUR)
    yield* L.completeStep(p.counter, code, { assigneeId: p.specialist.id })
    if (!toReturn) return code
    yield* advance(2 * HOUR)
    yield* L.completeStep(p.specialist, code, {})
    yield* L.approve(p.leader, code, {})
    const result = yield* (yield* DocumentStore).put(pdf("kết quả"), "application/pdf")
    yield* sign(p.leader, code, { documentId: result.id })
    yield* L.completeStep(p.leader, code, {})
    yield* confirmPaymentCallback(p.gateway, paidCallback(code))
    yield* L.completeStep(p.clerk, code, {})
    yield* L.markResultReady(p.counter, code, { resultDocumentIds: [result.id] })
    yield* advance(HOUR)
    yield* L.returnResult(p.counter, code, { method: "counter" })
    return code
  })

const relayAll = Effect.flatMap(standardHandlers, (handlers) => relayOnce(handlers, { limit: 1000 }))

describe("the index report", async () => {
  const r = await runTest(
    Effect.gen(function* () {
      const returned = yield* fileAndWork(true) // early
      const late = yield* fileAndWork(false) // still with the specialist at the end of October: late
      const refused = yield* fileOnline(p.citizen, residenceFiling(), "refused")
      yield* L.refuse(p.counter, refused.code, { reasons: ["Không thuộc thẩm quyền"] })
      yield* relayAll // portal sync: every record reaches the portal
      yield* rateDossier(p.citizen, returned, { access: 4, procedure: 4, officer: 5, result: 3, liked: false })
      const petition = yield* sendPetition(p.citizen, { dossierCode: late, content: "Hồ sơ quá hạn chưa có kết quả" })
      yield* advance(HOUR)
      yield* actOnPetition(p.specialist, petition.petition.id, { type: "classify", kind: "feedback", topic: "delay" })
      yield* actOnPetition(p.specialist, petition.petition.id, { type: "answer", text: "Đã đôn đốc xử lý." })
      yield* actOnPetition(p.specialist, petition.petition.id, { type: "publish" })
      yield* advance(30 * DAY) // early November
      const report = yield* indexReport(everything, { period: "2025-10" })
      const leaderView = yield* reportViewerOf(p.leader)
      const leader = yield* indexReport(leaderView, { period: "2025-10" })
      const forbidden = yield* Effect.flip(indexReport(leaderView, { period: "2025-10", unit: "06688" }))
      const badPeriod = yield* Effect.flip(indexReport(everything, { period: "2025-13" }))
      const badUnit = yield* Effect.flip(indexReport(everything, { period: "2025-10", unit: "99999" }))
      const notALeader = yield* Effect.flip(reportViewerOf(p.specialist))
      const lateOnes = yield* indexDrillDown(everything, { period: "2025-10", unit: UNIT, which: "late" })
      const badWhich = yield* Effect.flip(indexDrillDown(everything, { period: "2025-10", which: "slow" }))
      // the recount: every stored snapshot through the domain's facts and reference tally
      const db = yield* MemoryDatabase
      const { calendar } = yield* CatalogStore
      const october = parsePeriod("2025-10")
      const rows = [...db.state.dossiers.values()].map((d) => {
        const facts = dossierFacts((d.snapshot as unknown as { context: DossierContext }).context, calendar)
        const rating = db.state.quality.ratings.get(d.code)
        const petitioned = [...db.state.quality.petitions.values()].some((x) => x.petition.dossierCode === d.code)
        return {
          ...facts,
          synced: db.state.quality.synced.has(d.code),
          complained: petitioned || rating?.liked === false,
        }
      })
      const recount = countsOfUnit(
        tallyDossiers(rows, october),
        tallyPetitions(
          [...db.state.quality.petitions.values()].map((x) => petitionFacts(x.petition)),
          october,
        ),
        [],
        { procedures: [], certificationProcedures: [], imported: {}, periodsPerYear: 12 },
      )
      return { report, leader, forbidden, badPeriod, badUnit, notALeader, lateOnes, badWhich, late, recount }
    }),
  )
  const ward = r.report.units.find((u) => u.key === `unit:${UNIT}`)?.index as Index766

  it("counts the ward's dossiers by hand: 2 received (the refused one never was), 1 on time, 1 late", () => {
    expect(indicator(ward, "2.1")).toMatchObject({ numerator: 1, denominator: 2, score: 10 })
    expect(indicator(ward, "1.4")).toMatchObject({ numerator: 2, denominator: 2, score: 6 })
    expect(indicator(ward, "3.3")).toMatchObject({ numerator: 2, denominator: 2, score: 4 })
    expect(indicator(ward, "3.6")).toMatchObject({ numerator: 1, denominator: 2, score: 3 }) // paid online through the gateway
    expect(indicator(ward, "4.1")).toMatchObject({ numerator: 1, denominator: 2, score: 3 }) // the returned one's result
    // digitised (with an electronic result) and taken from the e-wallet: the one whose papers were recorded, not the
    // one that only declared them
    expect(indicator(ward, "4.2")).toMatchObject({ numerator: 1, denominator: 2 })
    expect(indicator(ward, "4.3")).toMatchObject({ numerator: 1, denominator: 2 })
    // 5.4: 100% − (1 late + 1 disliked... and 1 petitioned) / 2 received → 0
    expect(indicator(ward, "5.4")).toMatchObject({ numerator: 3, denominator: 2, score: 0 })
    expect(indicator(ward, "5.2")).toMatchObject({ numerator: 1, denominator: 1, score: 6 })
  })

  it("equals a recount of the stored snapshots through the domain's reference tally", () => {
    for (const id of [
      "1.4",
      "2.1",
      "2.2",
      "3.3",
      "3.6",
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5b",
      "5.1",
      "5.2",
      "5.3",
      "5.4",
    ] as const) {
      expect([indicator(ward, id)?.numerator, indicator(ward, id)?.denominator], id).toEqual([
        r.recount[id]?.numerator,
        r.recount[id]?.denominator,
      ])
    }
  })

  it("gives the province as its units' summed counts, and says what motcua does not hold", () => {
    expect(r.report.total.key).toBe("province")
    expect(indicator(r.report.total.index, "2.1")).toMatchObject({ numerator: 1, denominator: 2 })
    expect(r.report.units).toHaveLength(54 + 14)
    expect(r.report.notHeld.map((n) => n.id)).toEqual(["1.1", "1.2", "1.3", "4.5a", "4.6"])
    expect(r.report.total.index.missing).toEqual(["1.1", "1.2", "1.3", "4.5a"])
  })

  it("counts procedures from the catalogue: the ward's commune-level ones, online-offered for 3.1", () => {
    const offered = indicator(ward, "3.1")
    expect(offered?.denominator).toBeGreaterThan(30)
    expect(offered?.numerator).toBeLessThanOrEqual(offered?.denominator ?? 0)
    // 3.2: only residence registration (1.004222) had an online dossier
    expect(indicator(ward, "3.2")?.numerator).toBe(1)
  })

  it("limits a leader to the authorities of their scope: the ward's police, its procedures only", () => {
    expect(r.leader.units.map((u) => u.key)).toEqual([`unit:${UNIT}`])
    expect(r.leader.total.key).toBe("scope")
    const police = r.leader.units[0]?.index as Index766
    expect(indicator(police, "2.1")).toMatchObject({ numerator: 1, denominator: 2 })
    expect(indicator(police, "3.1")?.denominator).toBeLessThan(indicator(ward, "3.1")?.denominator ?? 0)
    expect(r.forbidden).toBeInstanceOf(Forbidden)
    expect(r.notALeader).toBeInstanceOf(Forbidden)
  })

  it("refuses a bad period, unit or drill-down, naming the field", () => {
    expect(r.badPeriod).toBeInstanceOf(ReportRequestInvalid)
    expect(r.badPeriod).toMatchObject({ field: "period" })
    expect((r.badPeriod as ReportRequestInvalid).message).toContain("YYYY-MM")
    expect(r.badUnit).toMatchObject({ _tag: "ReportRequestInvalid", field: "unit" })
    expect(r.badWhich).toMatchObject({ _tag: "ReportRequestInvalid", field: "which" })
  })

  it("lists the dossiers behind a number: the late one", () => {
    expect(r.lateOnes.map((d) => d.code)).toEqual([r.late])
  })
})

describe("ratings", () => {
  it("the applicant rates a returned dossier once; not before its return, not someone else", async () => {
    const r = await runTest(
      Effect.gen(function* () {
        const open = yield* fileAndWork(false)
        const early = yield* Effect.flip(
          rateDossier(p.citizen, open, { access: 5, procedure: 5, officer: 5, result: 5, liked: true }),
        )
        const returned = yield* fileAndWork(true)
        const stranger = yield* Effect.flip(
          rateDossier(p.otherCitizen, returned, { access: 1, procedure: 1, officer: 1, result: 1, liked: false }),
        )
        const first = yield* rateDossier(p.citizen, returned, {
          access: 5,
          procedure: 4,
          officer: 5,
          result: 5,
          liked: true,
        })
        const again = yield* Effect.flip(
          rateDossier(p.citizen, returned, { access: 1, procedure: 1, officer: 1, result: 1, liked: false }),
        )
        return { early, stranger, first, again }
      }),
    )
    expect(r.early).toBeInstanceOf(RatingRefused)
    expect(r.stranger).toBeInstanceOf(Forbidden)
    expect(r.first).toMatchObject({ liked: true, raterId: p.citizen.id })
    expect(r.again).toBeInstanceOf(AlreadyRated)
  })
})

describe("petitions", () => {
  it("sent about one's dossier, handled by its authority, rated, sent again; published without the sender", async () => {
    const r = await runTest(
      Effect.gen(function* () {
        const code = yield* fileAndWork(false)
        const sent = yield* sendPetition(p.citizen, { dossierCode: code, content: "Chưa nhận được kết quả" })
        const notMine = yield* Effect.flip(sendPetition(p.otherCitizen, { dossierCode: code, content: "x" }))
        const foreign = yield* Effect.flip(
          actOnPetition(p.foreignSpecialist, sent.petition.id, { type: "classify", kind: "feedback", topic: "delay" }),
        )
        const tooEarly = yield* Effect.flip(actOnPetition(p.specialist, sent.petition.id, { type: "publish" }))
        yield* actOnPetition(p.specialist, sent.petition.id, { type: "classify", kind: "feedback", topic: "delay" })
        yield* actOnPetition(p.specialist, sent.petition.id, { type: "answer", text: "Đã xử lý" })
        const published = yield* actOnPetition(p.specialist, sent.petition.id, { type: "publish" })
        const rated = yield* actOnPetition(p.citizen, sent.petition.id, { type: "rate", satisfied: false })
        const again = yield* sendPetition(p.citizen, {
          dossierCode: code,
          content: "Vẫn chưa nhận được",
          rePetitionOf: sent.petition.id,
        })
        const mine = yield* listPetitions(p.citizen, {})
        const theirs = yield* listPetitions(p.specialist, {})
        const elsewhere = yield* listPetitions(p.foreignSpecialist, {})
        const shown = yield* publishedPetitions({})
        const aboutProcedure = yield* Effect.flip(
          sendPetition(p.citizen, { procedureCode: "1.004222", content: "Thủ tục rườm rà" }),
        )
        const atUnit = yield* sendPetition(p.citizen, {
          procedureCode: "1.004222",
          content: "Thủ tục rườm rà",
          unitCode: UNIT,
        })
        return {
          sent,
          notMine,
          foreign,
          tooEarly,
          published,
          rated,
          again,
          mine,
          theirs,
          elsewhere,
          shown,
          aboutProcedure,
          atUnit,
        }
      }),
    )
    expect(r.sent.petition).toMatchObject({
      agencyCode: AGENCY,
      unitCode: UNIT,
      procedureCode: "1.004222",
      status: "received",
    })
    expect(r.notMine).toBeInstanceOf(Forbidden)
    expect(r.foreign).toBeInstanceOf(Forbidden)
    expect(r.tooEarly).toBeInstanceOf(PetitionRefused)
    expect(r.published).toMatchObject({ version: 4, petition: { status: "published" } })
    expect(r.rated.petition.rating).toMatchObject({ satisfied: false })
    expect(r.mine.map((x) => x.petition.id)).toEqual([r.again.petition.id, r.sent.petition.id])
    expect(r.mine.find((x) => x.petition.id === r.sent.petition.id)?.petition.rePetitioned).toBe(true)
    expect(r.theirs).toHaveLength(2)
    expect(r.elsewhere).toHaveLength(0)
    expect(r.shown).toHaveLength(1)
    expect(JSON.stringify(r.shown)).not.toContain(p.citizen.id)
    expect(r.aboutProcedure).toMatchObject({ _tag: "FilingRefused", field: "unitCode" })
    expect(r.atUnit.petition).toMatchObject({ agencyCode: AGENCY, unitCode: UNIT })
  })
})

describe("service levels", () => {
  it("warns the holder once, escalates overdue steps to the unit's leader once, lists overdue dossiers without an apology", async () => {
    const r = await runTest(
      Effect.gen(function* () {
        const code = yield* fileAndWork(false) // with the specialist (28 working hours) from Monday 09:30
        const first = yield* slaSweep()
        const queue = yield* workQueue(p.specialist, { role: "specialist" })
        // Thursday 13:30: 4 working hours left (28 h from Monday 09:30 at 7.5 h a day end on Friday 09:30)
        yield* advance(3 * DAY + 4 * HOUR)
        const warned = yield* slaSweep()
        const warnedAgain = yield* slaSweep()
        const inbox = yield* slaInbox(p.specialist)
        yield* advance(DAY)
        const overdue = yield* slaSweep()
        yield* advance(10 * DAY) // past the appointment (7 working days after acceptance)
        const late = yield* slaSweep()
        const list = yield* overdueWithoutApology(p.leader)
        const forbidden = yield* Effect.flip(overdueWithoutApology(p.specialist))
        const delivered = yield* relayAll
        const log = yield* CallLog
        const calls = log.of("Notifier", "send")
        const later = new Date(Date.parse(list[0]?.appointmentAt ?? "") + 20 * DAY).toISOString()
        yield* L.extendWithApology(p.leader, code, { newAppointment: later, reason: "Cần xác minh thêm" })
        const afterApology = yield* overdueWithoutApology(p.leader)
        return {
          code,
          first,
          queue,
          warned,
          warnedAgain,
          inbox,
          overdue,
          late,
          list,
          forbidden,
          delivered,
          calls,
          afterApology,
        }
      }),
    )
    expect(r.first.noticed).toEqual([])
    expect(r.queue[0]?.timeLeft).toEqual({ minutes: 28 * 60, standing: "on-track" })
    expect(r.warned.noticed).toMatchObject([
      { subject: "step", threshold: "due-soon", role: "specialist", assigneeId: p.specialist.id, stepId: "tham-dinh" },
    ])
    expect(r.warnedAgain.noticed).toEqual([])
    expect(r.inbox).toHaveLength(1)
    expect(r.overdue.noticed).toMatchObject([
      { subject: "step", threshold: "overdue", role: "unit-leader", assigneeId: null },
    ])
    // the appointment passed: the dossier is overdue, told to the unit's leader
    expect(r.late.noticed).toMatchObject([{ subject: "dossier", threshold: "overdue", role: "unit-leader" }])
    expect(r.list.map((d) => d.code)).toEqual([r.code])
    expect(r.forbidden).toBeInstanceOf(Forbidden)
    const officerNotices = r.calls.filter(
      (c) => typeof c.input === "object" && c.input !== null && (c.input as { channel?: string }).channel === "portal",
    )
    expect(officerNotices.map((c) => (c.input as { recipient: string }).recipient)).toContain(p.specialist.id)
    expect(officerNotices.map((c) => (c.input as { recipient: string }).recipient)).toContain(`unit-leader@${UNIT}`)
    expect(r.afterApology).toEqual([])
  })
})
