// In-memory IndicatorStore, FeedbackStore and SlaStore over a MemoryDatabase (its `quality` tables, its dossiers and
// its outbox), with the SQL adapter's semantics: tallies are the domain's reference sums, a notice is recorded once
// with its outbox row in the same transaction, petitions are versioned. Wired only by storage.ts.
import {
  type DossierFacts,
  type DossierFactsRow,
  type PetitionFacts,
  petitionFacts,
  tallyDossiers,
  tallyPetitions,
  withinTimeAt,
} from "@motcua/domain"
import { Effect } from "effect"
import { reaches } from "../authorization/policy.ts"
import { VersionConflict } from "./errors.ts"
import { atomic, enqueue, type MemoryDatabaseShape } from "./memory.ts"
import {
  AlreadyRated,
  type DrillDown,
  type FeedbackStoreShape,
  type IndicatorStoreShape,
  PetitionNotFound,
  type ReportGroup,
  type ScopeFilter,
  type SlaNotice,
  type SlaStoreShape,
} from "./quality.ts"

const inScope = (scope: ScopeFilter, row: { readonly agencyCode: string; readonly unitCode: string | null }) =>
  (scope.agencyCodes === undefined && scope.unitCodes === undefined) ||
  (scope.agencyCodes ?? []).includes(row.agencyCode) ||
  (row.unitCode !== null && (scope.unitCodes ?? []).includes(row.unitCode))

const byCode = <T extends { readonly code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

function factRows(db: MemoryDatabaseShape): DossierFactsRow[] {
  const q = db.state.quality
  const petitioned = new Set([...q.petitions.values()].flatMap((p) => p.petition.dossierCode ?? []))
  return [...q.facts.values()].map(({ facts }) => ({
    ...facts,
    synced: q.synced.has(facts.code),
    complained: petitioned.has(facts.code) || q.ratings.get(facts.code)?.liked === false,
  }))
}

const drillTest: Readonly<Record<DrillDown, (row: DossierFactsRow, end: string) => boolean>> = {
  late: (r, end) => r.standing !== "withdrawn" && !withinTimeAt(r, end),
  unsynced: (r) => !r.synced,
  "not-online": (r) => r.channel !== "online",
  "not-digitised": (r) => !r.digitised,
  "no-electronic-result": (r) => !r.electronicResult,
  "not-paid-online": (r) => r.feeDue && !r.paidOnline,
  complained: (r) => r.complained,
}

export const makeMemoryIndicatorStore = (db: MemoryDatabaseShape): IndicatorStoreShape => ({
  stale: (afterCode, limit) =>
    atomic(
      db,
      Effect.sync(() =>
        [...db.state.dossiers.values()]
          .filter((d) => d.code > afterCode && db.state.quality.facts.get(d.code)?.version !== d.version)
          .sort(byCode)
          .slice(0, Math.max(0, Math.trunc(limit)))
          .map((d) => ({ code: d.code, version: d.version, statusCode: d.summary.statusCode, snapshot: d.snapshot })),
      ),
    ),
  saveFacts: (rows) =>
    atomic(
      db,
      Effect.sync(() => {
        for (const { version, facts, report } of rows) {
          const before = db.state.quality.facts.get(facts.code)
          if (before === undefined || before.version < version)
            db.state.quality.facts.set(facts.code, { version, facts, report })
        }
      }),
    ),
  markSynced: (code, at) =>
    atomic(
      db,
      Effect.sync(() => {
        if (!db.state.quality.synced.has(code)) db.state.quality.synced.set(code, at)
      }),
    ),
  tallyDossiers: (period, scope) =>
    atomic(
      db,
      Effect.sync(() =>
        tallyDossiers(
          factRows(db).filter((r) => inScope(scope, r)),
          period,
        ),
      ),
    ),
  tallyPetitions: (period, scope) =>
    atomic(
      db,
      Effect.sync(() =>
        tallyPetitions(
          [...db.state.quality.petitions.values()]
            .map(({ petition }): PetitionFacts => petitionFacts(petition))
            .filter((p) => inScope(scope, p)),
          period,
        ),
      ),
    ),
  reportCounts: (days, reach) =>
    atomic(
      db,
      Effect.sync(() => {
        const groups = new Map<string, { -readonly [K in keyof ReportGroup]: ReportGroup[K] }>()
        for (const { facts: f, report: r } of db.state.quality.facts.values()) {
          if (days.fromDay !== undefined && r.receivedDay < days.fromDay) continue
          if (days.toDay !== undefined && r.receivedDay > days.toDay) continue
          const target = {
            agencyCode: f.agencyCode,
            ...(f.unitCode === null ? {} : { unitCode: f.unitCode }),
            ...(r.intakePointId === null ? {} : { intakePointId: r.intakePointId }),
            ...(r.holderAgencyCode === null ? {} : { holderAgencyCode: r.holderAgencyCode }),
          }
          if (!reaches(reach, target)) continue
          const group: ReportGroup = {
            statusCode: r.statusCode,
            unitCode: f.unitCode,
            agencyCode: f.agencyCode,
            procedureCode: f.procedureCode,
            month: r.receivedDay.slice(0, 7),
            timeliness: r.timeliness,
            paid: r.paid,
            paidOnline: r.paidOnline,
            count: 0,
          }
          const key = JSON.stringify({ ...group, count: undefined })
          const found = groups.get(key) ?? { ...group }
          found.count++
          groups.set(key, found)
        }
        return [...groups.values()]
      }),
    ),
  dossiersBehind: (period, scope, which, afterCode, limit) =>
    atomic(
      db,
      Effect.sync(() =>
        factRows(db)
          .filter(
            (r) =>
              inScope(scope, r) &&
              r.standing !== "refused" &&
              r.receivedAt >= period.startInstant &&
              r.receivedAt < period.endInstant &&
              r.code > afterCode &&
              drillTest[which](r, period.endInstant),
          )
          .sort(byCode)
          .slice(0, Math.max(0, Math.trunc(limit)))
          .map((r: DossierFacts) => ({
            code: r.code,
            agencyCode: r.agencyCode,
            unitCode: r.unitCode,
            procedureCode: r.procedureCode,
            channel: r.channel,
            receivedAt: r.receivedAt,
            appointmentAt: r.appointmentAt,
            endedAt: r.endedAt,
          })),
      ),
    ),
})

export const makeMemoryFeedbackStore = (db: MemoryDatabaseShape): FeedbackStoreShape => ({
  rate: (rating) =>
    atomic(
      db,
      Effect.suspend((): Effect.Effect<void, AlreadyRated> => {
        const before = db.state.quality.ratings.get(rating.dossierCode)
        if (before !== undefined)
          return Effect.fail(new AlreadyRated({ dossierCode: rating.dossierCode, at: before.at }))
        db.state.quality.ratings.set(rating.dossierCode, rating)
        return Effect.void
      }),
    ),
  ratingOf: (code) =>
    atomic(
      db,
      Effect.sync(() => db.state.quality.ratings.get(code)),
    ),
  createPetition: (petition) =>
    atomic(
      db,
      Effect.sync(() => void db.state.quality.petitions.set(petition.id, { petition, version: 1 })),
    ),
  savePetition: (petition, expectedVersion) =>
    atomic(
      db,
      Effect.suspend((): Effect.Effect<number, VersionConflict | PetitionNotFound> => {
        const stored = db.state.quality.petitions.get(petition.id)
        if (stored === undefined) return Effect.fail(new PetitionNotFound({ id: petition.id }))
        if (stored.version !== expectedVersion)
          return Effect.fail(new VersionConflict({ code: petition.id, expectedVersion, actualVersion: stored.version }))
        db.state.quality.petitions.set(petition.id, { petition, version: stored.version + 1 })
        return Effect.succeed(stored.version + 1)
      }),
    ),
  getPetition: (id) =>
    atomic(
      db,
      Effect.sync(() => db.state.quality.petitions.get(id)),
    ),
  listPetitions: (query) =>
    atomic(
      db,
      Effect.sync(() => {
        const all = [...db.state.quality.petitions.values()].sort((a, b) => newestFirst(a.petition, b.petition))
        const before = query.beforeId === undefined ? undefined : db.state.quality.petitions.get(query.beforeId)
        return all
          .filter(({ petition: p }) => {
            if (!inScope(query, { agencyCode: p.agencyCode, unitCode: p.unitCode ?? null })) return false
            if (query.senderId !== undefined && p.sender.id !== query.senderId) return false
            if (query.statuses !== undefined && !query.statuses.includes(p.status)) return false
            return before === undefined || newestFirst(before.petition, p) < 0
          })
          .slice(0, Math.max(0, Math.trunc(query.limit)))
      }),
    ),
})

/** Newest first: by the stored form of the sent instant, then by id, both descending. */
const newestFirst = (a: { sentAt: string; id: string }, b: { sentAt: string; id: string }): number => {
  const x = `${new Date(Date.parse(a.sentAt)).toISOString()} ${a.id}`
  const y = `${new Date(Date.parse(b.sentAt)).toISOString()} ${b.id}`
  return x < y ? 1 : x > y ? -1 : 0
}

const noticeKey = (n: Pick<SlaNotice, "dossierCode" | "subject" | "stepId" | "dueAt" | "threshold">) =>
  `${n.dossierCode}|${n.subject}|${n.stepId ?? ""}|${n.dueAt}|${n.threshold}`

const OPEN_FOR_SWEEP = new Set([1, 2, 4])
const UNFINISHED = new Set([1, 2, 4, 5, 6])

export const makeMemorySlaStore = (db: MemoryDatabaseShape): SlaStoreShape => {
  const overdueNoticed = (code: string, subject: "dossier" | "step", dueAt: string) =>
    [...db.state.quality.slaNotices.values()].some(
      (n) => n.dossierCode === code && n.subject === subject && n.dueAt === dueAt && n.threshold === "overdue",
    )
  return {
    candidates: (threshold, afterCode, limit) =>
      atomic(
        db,
        Effect.sync(() =>
          [...db.state.dossiers.values()]
            .filter((d) => {
              const s = d.summary
              if (d.code <= afterCode || !OPEN_FOR_SWEEP.has(s.statusCode)) return false
              const step = s.dueAt !== null && s.dueAt <= threshold && !overdueNoticed(d.code, "step", s.dueAt)
              const appointment =
                s.appointmentAt !== null &&
                s.appointmentAt <= threshold &&
                !overdueNoticed(d.code, "dossier", s.appointmentAt)
              return step || appointment
            })
            .sort(byCode)
            .slice(0, Math.max(0, Math.trunc(limit)))
            .map((d) => ({ code: d.code, dueAt: d.summary.dueAt, appointmentAt: d.summary.appointmentAt })),
        ),
      ),
    record: (notice, message) =>
      atomic(
        db,
        Effect.sync(() => {
          const key = noticeKey(notice)
          if (db.state.quality.slaNotices.has(key)) return false
          db.state.quality.slaNotices.set(key, notice)
          enqueue(db, notice.dossierCode, notice.at, [message])
          return true
        }),
      ),
    inbox: (query) =>
      atomic(
        db,
        Effect.sync(() =>
          [...db.state.quality.slaNotices.values()]
            .filter(
              (n) =>
                n.assigneeId === query.recipientId ||
                (query.roles.includes(n.role) &&
                  (query.agencyCodes.includes(n.agencyCode) ||
                    (n.unitCode !== null && query.unitCodes.includes(n.unitCode)))),
            )
            .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : noticeKey(a) < noticeKey(b) ? -1 : 1))
            .slice(0, Math.max(0, Math.trunc(query.limit))),
        ),
      ),
    overdueWithoutApology: (scope, limit) =>
      atomic(
        db,
        Effect.sync(() =>
          [...db.state.quality.slaNotices.values()]
            .flatMap((n) => {
              if (n.subject !== "dossier" || n.threshold !== "overdue") return []
              const d = db.state.dossiers.get(n.dossierCode)
              if (d === undefined || d.summary.appointmentAt !== n.dueAt || !UNFINISHED.has(d.summary.statusCode))
                return []
              const row = {
                code: d.code,
                agencyCode: d.summary.agencyCode,
                unitCode: d.summary.unitCode,
                procedureCode: d.summary.procedureCode,
                appointmentAt: n.dueAt,
                noticedAt: n.at,
                statusCode: d.summary.statusCode,
              }
              return inScope(scope, row) ? [row] : []
            })
            .sort((a, b) =>
              a.appointmentAt < b.appointmentAt ? -1 : a.appointmentAt > b.appointmentAt ? 1 : byCode(a, b),
            )
            .slice(0, Math.max(0, Math.trunc(limit))),
        ),
      ),
  }
}
