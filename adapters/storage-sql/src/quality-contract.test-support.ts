// The quality ports' contract (issue 15): IndicatorStore, FeedbackStore and SlaStore, written once and run against
// the in-memory layer, SQLite and PostgreSQL. The tallies must equal the domain's reference sums over the same
// dossiers and petitions (generated: 160 dossiers with every kind of fact, synced marks, ratings, petitions through
// their lifecycle), for months, a year and scopes; notices are recorded once even when two instances race.
import {
  AlreadyRated,
  type DossierReportFacts,
  DossierStore,
  type DossierSummary,
  type DrillDown,
  drillDowns,
  FeedbackStore,
  IndicatorStore,
  Outbox,
  PetitionNotFound,
  type SlaNotice,
  SlaStore,
  type StoragePorts,
  VersionConflict,
} from "@motcua/application"
import {
  type DossierFacts,
  type DossierFactsRow,
  decidePetition,
  filePetition,
  makeCalendar,
  type Petition,
  type PetitionEvent,
  parsePeriod,
  petitionFacts,
  tallyDossiers,
  tallyPetitions,
  vietnamDate,
  withinTimeAt,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import type { ContractTarget, OpenedStorage } from "./contract.test-support.ts"

const AGENCIES = ["000.00.01.H49", "000.11.50.H49", "000.11.51.H49"] as const
const UNITS = [null, "06685", "06688"] as const
const PROCEDURES = ["1.004222", "1.001193", "2.000815"] as const
const code = (n: number) => `000.11.50.H49-261001-${String(n).padStart(4, "0")}`
const calendar = makeCalendar({})

/** A small deterministic generator (mulberry32), so that every target sees the same data. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    chance: (p: number) => next() < p,
    pick: <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(next() * xs.length)] as T,
    /** A whole number in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** An instant between two others (stored form). */
    between: (from: string, to: string) =>
      new Date(Date.parse(from) + Math.floor(next() * (Date.parse(to) - Date.parse(from)))).toISOString(),
  }
}

const summary = (overrides: Partial<DossierSummary> = {}): DossierSummary => ({
  statusCode: 4,
  state: "working",
  procedureCode: "1.004222",
  agencyCode: "000.11.50.H49",
  unitCode: "06685",
  currentRole: "specialist",
  dueAt: null,
  appointmentAt: null,
  feeTotal: 0,
  ...overrides,
})

/** The dossier report's columns for a fact row of the generated world (the report's own test generates real dossiers). */
const reportOf = (f: DossierFacts): DossierReportFacts => ({
  statusCode: 4,
  receivedDay: vietnamDate(f.receivedAt),
  timeliness: "pending",
  paid: f.feeDue,
  paidOnline: f.feeDue && f.paidOnline,
  intakePointId: null,
  holderAgencyCode: null,
})

interface World {
  readonly facts: DossierFacts[]
  readonly synced: Set<string>
  readonly ratings: Map<string, boolean>
  readonly petitions: Petition[]
}

function makeWorld(): World {
  const r = random(766)
  const facts: DossierFacts[] = []
  for (let n = 1; n <= 160; n++) {
    const receivedAt = r.between("2026-09-20T00:00:00.000Z", "2026-11-10T00:00:00.000Z")
    const accepted = r.chance(0.9) ? new Date(Date.parse(receivedAt) + 3_600_000).toISOString() : null
    const appointmentAt = accepted === null ? null : r.between(accepted, "2026-11-30T00:00:00.000Z")
    const ended = accepted !== null && r.chance(0.6) ? r.between(accepted, "2026-12-05T00:00:00.000Z") : null
    const standing = r.chance(0.08) ? "refused" : r.chance(0.06) ? "withdrawn" : ended === null ? "open" : "ended"
    const unitCode = r.pick(UNITS)
    facts.push({
      code: code(n),
      agencyCode: unitCode === null ? "000.00.01.H49" : r.pick(AGENCIES.slice(1)),
      unitCode,
      procedureCode: r.pick(PROCEDURES),
      channel: r.pick(["online", "counter", "post"] as const),
      standing,
      receivedAt,
      acceptedAt: accepted,
      endedAt: standing === "ended" ? ended : null,
      appointmentAt,
      lateMarkedAt: accepted !== null && r.chance(0.1) ? r.between(accepted, "2026-11-20T00:00:00.000Z") : null,
      pausedSince:
        standing === "open" && accepted !== null && r.chance(0.2)
          ? r.between(accepted, "2026-11-25T00:00:00.000Z")
          : null,
      handlingMinutes: standing === "ended" ? r.int(30, 9000) : null,
      electronicResult: r.chance(0.5),
      digitised: r.chance(0.7),
      reusedData: r.chance(0.4),
      verifiedAccount: r.chance(0.5),
      feeDue: r.chance(0.6),
      paidOnline: r.chance(0.5),
    })
  }
  const synced = new Set(facts.filter(() => r.chance(0.8)).map((f) => f.code))
  const ratings = new Map(facts.filter(() => r.chance(0.3)).map((f) => [f.code, r.chance(0.7)] as const))
  const petitions: Petition[] = []
  for (let n = 1; n <= 40; n++) {
    const about = r.chance(0.7) ? r.pick(facts) : undefined
    const unitCode = about?.unitCode ?? r.pick(UNITS)
    let p = filePetition({
      id: `pa-${String(n).padStart(3, "0")}`,
      at: r.between("2026-09-25T00:00:00.000Z", "2026-11-05T00:00:00.000Z"),
      sender: { id: `0220900${String(n % 7).padStart(5, "0")}`, name: "Người gửi" },
      filing: {
        content: "Nội dung phản ánh",
        ...(about === undefined
          ? { procedureCode: r.pick(PROCEDURES) }
          : { dossierCode: about.code, procedureCode: about.procedureCode }),
      },
      agencyCode: about?.agencyCode ?? r.pick(AGENCIES),
      ...(unitCode === null ? {} : { unitCode }),
      calendar,
    })
    const steps: PetitionEvent[] = [
      { type: "classify", kind: r.pick(["feedback", "recommendation"] as const), topic: "delay" },
      ...(r.chance(0.2)
        ? [
            { type: "requestSupplement", what: "Thêm" } as const,
            { type: "supplementReceived", addition: "Đây" } as const,
          ]
        : []),
      r.chance(0.15) ? { type: "refuse", reason: "Không thuộc thẩm quyền" } : { type: "answer", text: "Trả lời" },
      { type: "publish" },
      { type: "rate", satisfied: r.chance(0.6) },
    ]
    // some petitions stop part of the way (still open at the end of the period)
    for (const event of steps.slice(0, r.int(0, steps.length))) {
      const at = r.between(p.lastEventAt, new Date(Date.parse(p.lastEventAt) + 30 * 86_400_000).toISOString())
      const next = decidePetition(calendar, p, event, at, {
        id: event.type === "rate" ? p.sender.id : "cv-01",
        role: "specialist",
      })
      if (Result.isSuccess(next)) p = next.success
    }
    if (r.chance(0.1)) p = { ...p, rePetitioned: true }
    petitions.push(p)
  }
  return { facts, synced, ratings, petitions }
}

const reference = (world: World): DossierFactsRow[] => {
  const petitioned = new Set(world.petitions.flatMap((p) => p.dossierCode ?? []))
  return world.facts.map((f) => ({
    ...f,
    synced: world.synced.has(f.code),
    complained: petitioned.has(f.code) || world.ratings.get(f.code) === false,
  }))
}

export function qualityContract(target: ContractTarget): void {
  describe(`quality storage contract: ${target.name}`, () => {
    let store: OpenedStorage
    const run = <A, E>(effect: Effect.Effect<A, E, StoragePorts>) => store.runtime.runPromise(effect)
    const failure = <A, E>(effect: Effect.Effect<A, E, StoragePorts>) => store.runtime.runPromise(Effect.flip(effect))
    beforeAll(async () => {
      store = await target.open({ maxDocumentBytes: 4096 })
    })
    afterAll(async () => {
      await store?.close()
    })
    beforeEach(async () => {
      await store.reset()
    })

    const create = (c: string, s: Partial<DossierSummary> = {}) =>
      DossierStore.use((d) =>
        d.create({
          code: c,
          snapshot: { value: "working", context: { dossierCode: c } },
          summary: summary(s),
          at: "2026-10-01T01:00:00.000Z",
          audit: [],
          outbox: [],
        }),
      )

    async function load(world: World) {
      await run(
        Effect.gen(function* () {
          for (const f of world.facts) yield* create(f.code)
          const indicators = yield* IndicatorStore
          yield* indicators.saveFacts(world.facts.map((facts) => ({ version: 1, facts, report: reportOf(facts) })))
          for (const c of world.synced) yield* indicators.markSynced(c, "2026-10-02T01:00:00.000Z")
          const feedback = yield* FeedbackStore
          for (const [c, liked] of world.ratings)
            yield* feedback.rate({
              dossierCode: c,
              raterId: "r",
              at: "2026-11-01T01:00:00.000Z",
              access: 4,
              procedure: 4,
              officer: 5,
              result: 3,
              liked,
            })
          for (const p of world.petitions) yield* feedback.createPetition(p)
        }),
      )
    }

    describe("IndicatorStore", () => {
      it("lists dossiers whose facts are missing or older than their version, and keeps the newest facts", async () => {
        const world = makeWorld()
        const [a, b, c] = world.facts as [DossierFacts, DossierFacts, DossierFacts]
        await run(Effect.all([create(a.code), create(b.code), create(c.code)]))
        const stale = () =>
          run(IndicatorStore.use((s) => s.stale("", 10))).then((rows) => rows.map((r) => [r.code, r.version]))
        expect(await stale()).toEqual([
          [a.code, 1],
          [b.code, 1],
          [c.code, 1],
        ])
        expect((await run(IndicatorStore.use((s) => s.stale(a.code, 1)))).map((r) => r.code)).toEqual([b.code])
        await run(
          IndicatorStore.use((s) =>
            s.saveFacts([
              { version: 1, facts: a, report: reportOf(a) },
              { version: 1, facts: b, report: reportOf(b) },
            ]),
          ),
        )
        expect(await stale()).toEqual([[c.code, 1]])
        const before = await run(DossierStore.use((s) => s.get(a.code)))
        await run(
          DossierStore.use((s) =>
            s.commit({
              code: a.code,
              expectedVersion: before.version,
              snapshot: before.snapshot,
              summary: before.summary,
              at: "2026-10-03T01:00:00.000Z",
              audit: [],
              outbox: [],
            }),
          ),
        )
        expect(await stale()).toEqual([
          [a.code, 2],
          [c.code, 1],
        ])
        // facts at version 2, then a late writer with version 1: the newer facts stay
        const period = { startInstant: "2000-01-01T00:00:00.000Z", endInstant: "2100-01-01T00:00:00.000Z" }
        await run(
          IndicatorStore.use((s) =>
            s.saveFacts([{ version: 2, facts: { ...a, channel: "post" }, report: reportOf(a) }]),
          ),
        )
        await run(
          IndicatorStore.use((s) =>
            s.saveFacts([{ version: 1, facts: { ...a, channel: "online" }, report: reportOf(a) }]),
          ),
        )
        expect(await stale()).toEqual([[c.code, 1]])
        // facts saved for a version the dossier has already left do not make it current
        const second = await run(DossierStore.use((s) => s.get(a.code)))
        await run(
          DossierStore.use((s) =>
            s.commit({
              ...second,
              expectedVersion: second.version,
              at: "2026-10-03T02:00:00.000Z",
              audit: [],
              outbox: [],
            }),
          ),
        )
        await run(
          IndicatorStore.use((s) =>
            s.saveFacts([{ version: 2, facts: { ...a, channel: "post" }, report: reportOf(a) }]),
          ),
        )
        expect(await stale()).toEqual([
          [a.code, 3],
          [c.code, 1],
        ])
        await run(
          IndicatorStore.use((s) =>
            s.saveFacts([{ version: 3, facts: { ...a, channel: "post" }, report: reportOf(a) }]),
          ),
        )
        const only = { unitCodes: [], agencyCodes: [] }
        expect(await run(IndicatorStore.use((s) => s.tallyDossiers(period, only)))).toEqual([])
        const rows = await run(IndicatorStore.use((s) => s.dossiersBehind(period, {}, "not-online", "", 100)))
        expect(rows.find((r) => r.code === a.code)?.channel).toBe(a.standing === "refused" ? undefined : "post")
      })

      it("tallies the period's dossiers exactly as the domain's reference does, for months, a year and scopes", async () => {
        const world = makeWorld()
        await load(world)
        const rows = reference(world)
        const scopes = [
          {},
          { agencyCodes: ["000.11.50.H49"] },
          { unitCodes: ["06688"] },
          { agencyCodes: ["000.00.01.H49"], unitCodes: ["06685"] },
          { agencyCodes: [], unitCodes: [] },
        ]
        const inScope = (scope: (typeof scopes)[number], r: { agencyCode: string; unitCode: string | null }) =>
          (!("agencyCodes" in scope) && !("unitCodes" in scope)) ||
          (scope.agencyCodes ?? []).includes(r.agencyCode) ||
          (r.unitCode !== null && (scope.unitCodes ?? []).includes(r.unitCode))
        for (const label of ["2026-09", "2026-10", "2026-11", "2026-Q4", "2026"]) {
          const period = parsePeriod(label)
          for (const scope of scopes) {
            const got = await run(IndicatorStore.use((s) => s.tallyDossiers(period, scope)))
            expect(got, `${label} ${JSON.stringify(scope)}`).toEqual(
              tallyDossiers(
                rows.filter((r) => inScope(scope, r)),
                period,
              ),
            )
            const petitions = await run(IndicatorStore.use((s) => s.tallyPetitions(period, scope)))
            expect(petitions, `${label} petitions ${JSON.stringify(scope)}`).toEqual(
              tallyPetitions(
                world.petitions.map((p) => petitionFacts(p)).filter((p) => inScope(scope, p)),
                period,
              ),
            )
          }
        }
        // not every sum is trivially zero
        const october = await run(IndicatorStore.use((s) => s.tallyDossiers(parsePeriod("2026-10"), {})))
        expect(october.reduce((n, t) => n + t.withinTime, 0)).toBeGreaterThan(0)
        expect(october.reduce((n, t) => n + t.counted - t.withinTime, 0)).toBeGreaterThan(0)
        expect(october.reduce((n, t) => n + t.complained, 0)).toBeGreaterThan(0)
      })

      it("lists the dossiers behind each number, in pages by code", async () => {
        const world = makeWorld()
        await load(world)
        const rows = reference(world)
        const october = parsePeriod("2026-10")
        const tests: Record<DrillDown, (r: DossierFactsRow) => boolean> = {
          late: (r) => r.standing !== "withdrawn" && !withinTimeAt(r, october.endInstant),
          unsynced: (r) => !r.synced,
          "not-online": (r) => r.channel !== "online",
          "not-digitised": (r) => !r.digitised,
          "no-electronic-result": (r) => !r.electronicResult,
          "not-paid-online": (r) => r.feeDue && !r.paidOnline,
          complained: (r) => r.complained,
        }
        for (const which of drillDowns) {
          const expected = rows
            .filter(
              (r) =>
                r.standing !== "refused" &&
                r.receivedAt >= october.startInstant &&
                r.receivedAt < october.endInstant &&
                tests[which](r),
            )
            .map((r) => r.code)
            .sort()
          const first = await run(IndicatorStore.use((s) => s.dossiersBehind(october, {}, which, "", 5)))
          const rest = await run(
            IndicatorStore.use((s) => s.dossiersBehind(october, {}, which, first.at(-1)?.code ?? "", 1000)),
          )
          expect(
            [...first, ...rest].map((r) => r.code),
            which,
          ).toEqual(expected)
        }
      })
    })

    describe("FeedbackStore", () => {
      const rating = (c: string, liked: boolean) => ({
        dossierCode: c,
        raterId: "022090001234",
        at: "2026-10-10T01:00:00.000Z",
        access: 5,
        procedure: 4,
        officer: 5,
        result: 4,
        liked,
        comment: "Nhanh, gọn",
      })

      it("keeps one rating per dossier: a second is AlreadyRated, also from another instance", async () => {
        await run(create(code(1)))
        await run(FeedbackStore.use((s) => s.rate(rating(code(1), true))))
        expect(await run(FeedbackStore.use((s) => s.ratingOf(code(1))))).toEqual(rating(code(1), true))
        expect(await run(FeedbackStore.use((s) => s.ratingOf(code(2))))).toBeUndefined()
        expect(await failure(FeedbackStore.use((s) => s.rate(rating(code(1), false))))).toBeInstanceOf(AlreadyRated)
        await run(create(code(2)))
        const race = await Promise.allSettled([
          store.runtime.runPromise(FeedbackStore.use((s) => s.rate(rating(code(2), true)))),
          store.second.runPromise(FeedbackStore.use((s) => s.rate(rating(code(2), false)))),
        ])
        expect(race.filter((x) => x.status === "fulfilled")).toHaveLength(1)
      })

      it("versions petitions, and lists them newest first by scope, sender and status", async () => {
        const world = makeWorld()
        const [first, second, third] = world.petitions as [Petition, Petition, Petition]
        await run(
          FeedbackStore.use((s) =>
            Effect.all([s.createPetition(first), s.createPetition(second), s.createPetition(third)]),
          ),
        )
        expect(await run(FeedbackStore.use((s) => s.getPetition(first.id)))).toEqual({ petition: first, version: 1 })
        const changed = { ...first, rePetitioned: true }
        expect(await run(FeedbackStore.use((s) => s.savePetition(changed, 1)))).toBe(2)
        expect(await failure(FeedbackStore.use((s) => s.savePetition(changed, 1)))).toMatchObject({
          _tag: "VersionConflict",
          actualVersion: 2,
        })
        expect(await failure(FeedbackStore.use((s) => s.savePetition({ ...first, id: "nope" }, 1)))).toBeInstanceOf(
          PetitionNotFound,
        )
        expect(await failure(FeedbackStore.use((s) => s.savePetition(changed, 3)))).toBeInstanceOf(VersionConflict)
        const newestFirst = [first, second, third]
          .sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt) || (a.id < b.id ? 1 : -1))
          .map((p) => p.id)
        const all = await run(FeedbackStore.use((s) => s.listPetitions({ limit: 10 })))
        expect(all.map((x) => x.petition.id)).toEqual(newestFirst)
        const page = await run(FeedbackStore.use((s) => s.listPetitions({ limit: 10, beforeId: newestFirst[0] })))
        expect(page.map((x) => x.petition.id)).toEqual(newestFirst.slice(1))
        const bySender = await run(FeedbackStore.use((s) => s.listPetitions({ limit: 10, senderId: second.sender.id })))
        expect(bySender.map((x) => x.petition.id)).toEqual(
          newestFirst.filter((id) => [first, second, third].find((p) => p.id === id)?.sender.id === second.sender.id),
        )
        const byAgency = await run(
          FeedbackStore.use((s) => s.listPetitions({ limit: 10, agencyCodes: [third.agencyCode] })),
        )
        expect(byAgency.map((x) => x.petition.id)).toContain(third.id)
        const none = await run(FeedbackStore.use((s) => s.listPetitions({ limit: 10, statuses: [] })))
        expect(none).toEqual([])
        const byStatus = await run(FeedbackStore.use((s) => s.listPetitions({ limit: 10, statuses: [first.status] })))
        expect(byStatus.map((x) => x.petition.id)).toContain(first.id)
      })
    })

    describe("SlaStore", () => {
      const notice = (c: string, overrides: Partial<SlaNotice> = {}): SlaNotice => ({
        dossierCode: c,
        subject: "step",
        stepId: "tham-dinh",
        threshold: "due-soon",
        dueAt: "2026-10-09T02:00:00.000Z",
        at: "2026-10-09T01:00:00.000Z",
        role: "specialist",
        assigneeId: "cv-01",
        agencyCode: "000.11.50.H49",
        unitCode: "06685",
        ...overrides,
      })
      const message = { topic: "notify.officer", payload: { about: "sla.due-soon" } }

      it("finds open dossiers due by a threshold, without those already noticed overdue for that due instant", async () => {
        await run(
          Effect.all([
            create(code(1), { dueAt: "2026-10-09T02:00:00.000Z" }),
            create(code(2), { appointmentAt: "2026-10-09T02:00:00.000Z" }),
            create(code(3), { dueAt: "2026-10-20T02:00:00.000Z" }),
            create(code(4), { statusCode: 10, state: "returned", dueAt: "2026-10-01T02:00:00.000Z" }),
            create(code(5), { statusCode: 5, dueAt: "2026-10-01T02:00:00.000Z" }),
          ]),
        )
        const candidates = () =>
          run(SlaStore.use((s) => s.candidates("2026-10-10T00:00:00.000Z", "", 10))).then((rows) =>
            rows.map((r) => r.code),
          )
        expect(await candidates()).toEqual([code(1), code(2)])
        await run(SlaStore.use((s) => s.record(notice(code(1), { threshold: "overdue" }), message)))
        await run(
          SlaStore.use((s) =>
            s.record(notice(code(2), { subject: "dossier", stepId: null, threshold: "due-soon" }), message),
          ),
        )
        expect(await candidates()).toEqual([code(2)])
        expect(
          (await run(SlaStore.use((s) => s.candidates("2026-10-10T00:00:00.000Z", code(1), 1)))).map((r) => r.code),
        ).toEqual([code(2)])
      })

      it("records a notice and its outbox row once, even when two instances race", async () => {
        await run(create(code(1)))
        const first = await run(SlaStore.use((s) => s.record(notice(code(1)), message)))
        const again = await run(SlaStore.use((s) => s.record(notice(code(1)), message)))
        const race = await Promise.all([
          store.runtime.runPromise(SlaStore.use((s) => s.record(notice(code(1), { threshold: "overdue" }), message))),
          store.second.runPromise(SlaStore.use((s) => s.record(notice(code(1), { threshold: "overdue" }), message))),
        ])
        expect([first, again]).toEqual([true, false])
        expect(race.filter(Boolean)).toHaveLength(1)
        const rows = await run(Outbox.use((o) => o.claim("inspector", 100, 60_000)))
        expect(rows.map((r) => [r.topic, r.dossierCode])).toEqual([
          ["notify.officer", code(1)],
          ["notify.officer", code(1)],
        ])
      })

      it("gives an officer the notices naming them or their role in their scope, newest first", async () => {
        await run(Effect.all([create(code(1)), create(code(2))]))
        const mine = notice(code(1))
        const leaders = notice(code(2), {
          threshold: "overdue",
          role: "unit-leader",
          assigneeId: null,
          at: "2026-10-10T01:00:00.000Z",
        })
        const elsewhere = notice(code(2), {
          subject: "dossier",
          stepId: null,
          role: "unit-leader",
          assigneeId: null,
          agencyCode: "000.11.51.H49",
          unitCode: "06688",
        })
        await run(
          SlaStore.use((s) =>
            Effect.all([s.record(mine, message), s.record(leaders, message), s.record(elsewhere, message)]),
          ),
        )
        const inbox = (q: Partial<Parameters<SlaStore["Service"]["inbox"]>[0]>) =>
          run(
            SlaStore.use((s) =>
              s.inbox({ recipientId: "x", roles: [], agencyCodes: [], unitCodes: [], limit: 10, ...q }),
            ),
          )
        expect(await inbox({ recipientId: "cv-01" })).toEqual([mine])
        expect(await inbox({ roles: ["unit-leader"], agencyCodes: ["000.11.50.H49"] })).toEqual([leaders])
        expect(await inbox({ roles: ["unit-leader"], unitCodes: ["06685", "06688"] })).toEqual([leaders, elsewhere])
        expect(await inbox({ roles: ["unit-leader"] })).toEqual([])
      })

      it("lists overdue dossiers whose appointment has not moved and that are not finished", async () => {
        const appointment = "2026-10-09T02:00:00.000Z"
        await run(
          Effect.all([
            create(code(1), { appointmentAt: appointment }),
            create(code(2), { appointmentAt: appointment }),
            create(code(3), { appointmentAt: appointment, statusCode: 10, state: "returned" }),
          ]),
        )
        const overdue = (c: string) =>
          notice(c, { subject: "dossier", stepId: null, threshold: "overdue", dueAt: appointment })
        await run(SlaStore.use((s) => Effect.all([1, 2, 3].map((n) => s.record(overdue(code(n)), message)))))
        // dossier 2 was given a new appointment with an apology
        const before = await run(DossierStore.use((s) => s.get(code(2))))
        await run(
          DossierStore.use((s) =>
            s.commit({
              code: code(2),
              expectedVersion: before.version,
              snapshot: before.snapshot,
              summary: { ...before.summary, appointmentAt: "2026-10-20T02:00:00.000Z" },
              at: "2026-10-09T03:00:00.000Z",
              audit: [],
              outbox: [],
            }),
          ),
        )
        const list = await run(SlaStore.use((s) => s.overdueWithoutApology({}, 10)))
        expect(list).toEqual([
          {
            code: code(1),
            agencyCode: "000.11.50.H49",
            unitCode: "06685",
            procedureCode: "1.004222",
            appointmentAt: appointment,
            noticedAt: "2026-10-09T01:00:00.000Z",
            statusCode: 4,
          },
        ])
        expect(await run(SlaStore.use((s) => s.overdueWithoutApology({ unitCodes: ["06688"] }, 10)))).toEqual([])
      })
    })
  })
}
