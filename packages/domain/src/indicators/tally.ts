/**
 * Counting: the sums over the dossiers (and petitions) of a period, per authority, unit and procedure (`tally*`),
 * and the indicators' counts of one handling unit from those sums and the catalogue (`countsOfUnit`).
 *
 * `tallyDossiers` and `tallyPetitions` are the reference: storage computes the same sums in SQL (and its contract
 * tests check that it does), the in-memory store calls these. Sums, not ratios, so that any scope's counts are the
 * sums of its parts' (`sumCounts`).
 */
import { type DossierFacts, isCounted, isReceived, withinTimeAt } from "./facts.ts"
import type { Period } from "./period.ts"
import type { CountsById } from "./score.ts"

export interface TallyKey {
  readonly agencyCode: string
  readonly unitCode: string | null
  readonly procedureCode: string
}

/** A dossier's facts with what the store knows of it besides its record. */
export interface DossierFactsRow extends DossierFacts {
  /** Its record reached the national portal at least once. */
  readonly synced: boolean
  /** A petition names it, or its applicant rated it "dislike". */
  readonly complained: boolean
}

/** Sums over the dossiers received in a period (one authority, unit and procedure). */
export interface DossierTally extends TallyKey {
  /** Received (not refused at intake). Every sum below but the next three is over these. */
  readonly received: number
  /** Received and not withdrawn (2.1's denominator). */
  readonly counted: number
  /** Counted and on time or still within time at the end of the period (2.1). */
  readonly withinTime: number
  /** Counted and ended, with their handling time (2.2). */
  readonly ended: number
  readonly handlingMinutes: number
  readonly online: number
  readonly synced: number
  readonly syncedWithFee: number
  readonly electronicResult: number
  readonly digitised: number
  readonly reusedData: number
  /** Synced, with data from the citizen's store or an electronic result (4.4). */
  readonly sharedForReuse: number
  /** Synced, with a verified account or data from the store (4.5b). */
  readonly populationData: number
  readonly feeDue: number
  readonly paidOnline: number
  readonly complained: number
}

export const dossierTallyFields = [
  "received",
  "counted",
  "withinTime",
  "ended",
  "handlingMinutes",
  "online",
  "synced",
  "syncedWithFee",
  "electronicResult",
  "digitised",
  "reusedData",
  "sharedForReuse",
  "populationData",
  "feeDue",
  "paidOnline",
  "complained",
] as const satisfies ReadonlyArray<keyof DossierTally>

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const keyText = (k: { agencyCode: string; unitCode: string | null; procedureCode: string | null }) =>
  `${k.agencyCode}\u0000${k.unitCode ?? ""}\u0000${k.procedureCode ?? ""}`

/** Orders tally rows by authority, unit and procedure (null first), as storage answers them. */
export const byTallyKey = <K extends { agencyCode: string; unitCode: string | null; procedureCode: string | null }>(
  a: K,
  b: K,
): number => {
  const x = keyText(a)
  const y = keyText(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** A row of zeros for a key. */
export const emptyDossierTally = (key: TallyKey): Mutable<DossierTally> => ({
  agencyCode: key.agencyCode,
  unitCode: key.unitCode,
  procedureCode: key.procedureCode,
  received: 0,
  counted: 0,
  withinTime: 0,
  ended: 0,
  handlingMinutes: 0,
  online: 0,
  synced: 0,
  syncedWithFee: 0,
  electronicResult: 0,
  digitised: 0,
  reusedData: 0,
  sharedForReuse: 0,
  populationData: 0,
  feeDue: 0,
  paidOnline: 0,
  complained: 0,
})

/** The reference sums over dossiers received in `period`, one row per authority, unit and procedure. */
export function tallyDossiers(
  rows: Iterable<DossierFactsRow>,
  period: Pick<Period, "startInstant" | "endInstant">,
): DossierTally[] {
  const out = new Map<string, Mutable<DossierTally>>()
  for (const f of rows) {
    if (f.receivedAt < period.startInstant || f.receivedAt >= period.endInstant || !isReceived(f)) continue
    const key = keyText(f)
    let t = out.get(key)
    if (t === undefined) {
      t = emptyDossierTally(f)
      out.set(key, t)
    }
    const b = (x: boolean) => (x ? 1 : 0)
    t.received++
    if (isCounted(f)) {
      t.counted++
      t.withinTime += b(withinTimeAt(f, period.endInstant))
      if (f.handlingMinutes !== null) {
        t.ended++
        t.handlingMinutes += f.handlingMinutes
      }
    }
    t.online += b(f.channel === "online")
    t.synced += b(f.synced)
    t.syncedWithFee += b(f.synced && f.feeDue)
    t.electronicResult += b(f.electronicResult)
    t.digitised += b(f.digitised)
    t.reusedData += b(f.reusedData)
    t.sharedForReuse += b(f.synced && (f.reusedData || f.electronicResult))
    t.populationData += b(f.synced && (f.verifiedAccount || f.reusedData))
    t.feeDue += b(f.feeDue)
    t.paidOnline += b(f.feeDue && f.paidOnline)
    t.complained += b(f.complained)
  }
  return [...out.values()].sort(byTallyKey)
}

/** What the index needs to know about one petition (phản ánh, kiến nghị); instants in the stored form. */
export interface PetitionFacts {
  readonly id: string
  readonly agencyCode: string
  readonly unitCode: string | null
  /** The procedure it is about (its dossier's), or null. */
  readonly procedureCode: string | null
  readonly dossierCode: string | null
  readonly sentAt: string
  readonly classified: boolean
  /** Published (answered and made public) or refused: handling ended. */
  readonly endedAt: string | null
  /** When handling must end (sent + 15 working days, or answered + 2 for publication, whichever applies). */
  readonly dueAt: string
  /** The deadline it missed, once it missed one; null while none. */
  readonly lateAt: string | null
  readonly notSatisfied: boolean
  readonly rePetitioned: boolean
}

export interface PetitionTally {
  readonly agencyCode: string
  readonly unitCode: string | null
  readonly procedureCode: string | null
  readonly petitions: number
  readonly classified: number
  /** Handled on time, or still within time at the end of the period (5.2). */
  readonly onTime: number
  /** On time (as above), not answered "not satisfied", not petitioned again (5.3). */
  readonly satisfied: number
}

/** Whether a petition is handled on time, or still within time, at `end` (stored form). */
export function petitionOnTimeAt(p: Pick<PetitionFacts, "endedAt" | "dueAt" | "lateAt">, end: string): boolean {
  if (p.lateAt !== null && p.lateAt < end) return false
  return (p.endedAt !== null && p.endedAt < end) || p.dueAt >= end
}

/** The reference sums over petitions sent in `period`, one row per authority, unit and procedure. */
export function tallyPetitions(
  rows: Iterable<PetitionFacts>,
  period: Pick<Period, "startInstant" | "endInstant">,
): PetitionTally[] {
  const out = new Map<string, Mutable<PetitionTally>>()
  for (const p of rows) {
    if (p.sentAt < period.startInstant || p.sentAt >= period.endInstant) continue
    const key = keyText(p)
    let t = out.get(key)
    if (t === undefined) {
      t = {
        agencyCode: p.agencyCode,
        unitCode: p.unitCode,
        procedureCode: p.procedureCode,
        petitions: 0,
        classified: 0,
        onTime: 0,
        satisfied: 0,
      }
      out.set(key, t)
    }
    const onTime = petitionOnTimeAt(p, period.endInstant)
    t.petitions++
    if (p.classified) t.classified++
    if (onTime) t.onTime++
    if (onTime && !p.notSatisfied && !p.rePetitioned) t.satisfied++
  }
  return [...out.values()].sort(byTallyKey)
}

/** A procedure of a handling unit's competence, as the catalogue describes it. */
export interface UnitProcedure {
  readonly code: string
  readonly onlineService: "full" | "partial" | "none"
  readonly hasFee: boolean
}

export interface UnitReference {
  /** The procedures the unit handles (in force at the end of the period). */
  readonly procedures: ReadonlyArray<UnitProcedure>
  /** Codes of certification procedures (chứng thực): 4.6's dossiers. */
  readonly certificationProcedures: ReadonlyArray<string>
  /** Counts motcua does not hold (1.1–1.3, 4.5a), from the province's import; absent ones stay missing. */
  readonly imported: CountsById
  readonly periodsPerYear: 12 | 4 | 1
}

const sum = <T>(rows: ReadonlyArray<T>, f: (row: T) => number) => rows.reduce((s, r) => s + f(r), 0)

/**
 * One handling unit's counts for every indicator it has facts for: its dossier and petition sums for the period,
 * its dossier sums for the previous year (1.4's fallback; undefined when not looked up), and its reference data.
 */
export function countsOfUnit(
  dossiers: ReadonlyArray<DossierTally>,
  petitions: ReadonlyArray<PetitionTally>,
  previousYear: ReadonlyArray<DossierTally> | undefined,
  reference: UnitReference,
): CountsById {
  const d = (f: (t: DossierTally) => number) => sum(dossiers, f)
  const received = d((t) => t.received)
  const counted = d((t) => t.counted)
  const procedures = reference.procedures
  const offered = procedures.filter((p) => p.onlineService !== "none")
  const withFee = procedures.filter((p) => p.hasFee)
  const has = (code: string, f: (t: DossierTally) => number) =>
    dossiers.some((t) => t.procedureCode === code && f(t) > 0)
  const certification = new Set(reference.certificationProcedures)
  const certified = dossiers.filter((t) => certification.has(t.procedureCode))
  const petitionCount = sum(petitions, (t) => t.petitions)
  const previous =
    previousYear === undefined
      ? undefined
      : { numerator: sum(previousYear, (t) => t.synced), denominator: sum(previousYear, (t) => t.received) }
  return {
    ...reference.imported,
    "1.4": {
      numerator: d((t) => t.synced),
      denominator: received,
      ...(previous === undefined ? {} : { previousYear: previous }),
      periodsPerYear: reference.periodsPerYear,
    },
    "2.1": { numerator: d((t) => t.withinTime), denominator: counted },
    // whole working minutes, so that sums are exact whatever order they are added in
    "2.2": { numerator: d((t) => t.handlingMinutes), denominator: d((t) => t.ended) },
    "3.1": { numerator: offered.length, denominator: procedures.length },
    "3.2": { numerator: offered.filter((p) => has(p.code, (t) => t.online)).length, denominator: offered.length },
    "3.3": {
      numerator: d((t) => t.online),
      denominator: received,
      factor: { numerator: d((t) => t.synced), denominator: received },
    },
    "3.5": {
      numerator: withFee.filter((p) => has(p.code, (t) => t.syncedWithFee)).length,
      denominator: withFee.length,
    },
    "3.5b": { numerator: withFee.filter((p) => has(p.code, (t) => t.paidOnline)).length, denominator: withFee.length },
    "3.6": { numerator: d((t) => t.paidOnline), denominator: d((t) => t.feeDue) },
    "4.1": { numerator: d((t) => t.electronicResult), denominator: received },
    "4.2": { numerator: d((t) => t.digitised), denominator: received },
    "4.3": { numerator: d((t) => t.reusedData), denominator: received },
    "4.4": { numerator: d((t) => t.sharedForReuse), denominator: received },
    "4.5b": { numerator: d((t) => t.populationData), denominator: received },
    "4.6": {
      numerator: sum(certified, (t) => t.electronicResult),
      denominator: sum(certified, (t) => t.received),
    },
    "5.1": { numerator: sum(petitions, (t) => t.classified), denominator: petitionCount },
    "5.2": { numerator: sum(petitions, (t) => t.onTime), denominator: petitionCount },
    "5.3": { numerator: sum(petitions, (t) => t.satisfied), denominator: petitionCount },
    "5.4": { numerator: counted - d((t) => t.withinTime) + d((t) => t.complained), denominator: received },
  }
}
