// Test support for the dossier machine: a sample procedure (commune-level permanent residence registration), a
// default centre calendar, actors with their scopes, event builders and a driver that fails loudly on a refusal.
import { Result } from "effect"
import { sampleProcedure } from "../../test/sample-procedure.ts"
import { makeCalendar } from "../calendar/index.ts"
import type { Procedure } from "../catalogue/schema.ts"
import { type Decision, type DossierSnapshot, decide, open, type PersistedDossier } from "./decide.ts"
import type { DossierEventInput, FileDossierInput } from "./events.ts"
import { createDossierMachine, type DossierMachine, type DossierMachineOptions } from "./machine.ts"

export const calendar = makeCalendar({})

export const AGENCY = "000.22.06.H49" // the commune police of Hồng Gai, as a QCVN 102-style code
export const UNIT = "06685"
export const INTAKE = "ttpvhcc-06685"
export const OTHER_AGENCY = "000.00.22.H49"

export const actors = {
  citizen: { id: "022090001234", role: "citizen", agencyCodes: [], unitCodes: [], intakePointIds: [] },
  otherCitizen: { id: "022090009999", role: "citizen", agencyCodes: [], unitCodes: [], intakePointIds: [] },
  counter: { id: "cb-tn-01", role: "counter-officer", agencyCodes: [], unitCodes: [UNIT], intakePointIds: [INTAKE] },
  foreignCounter: {
    id: "cb-tn-99",
    role: "counter-officer",
    agencyCodes: [],
    unitCodes: ["06688"],
    intakePointIds: ["ttpvhcc-06688"],
  },
  postAgent: {
    id: "bd-01",
    role: "post-office-agent",
    agencyCodes: [],
    unitCodes: [],
    intakePointIds: ["bd-hong-gai"],
  },
  specialist: { id: "cv-01", role: "specialist", agencyCodes: [AGENCY], unitCodes: [], intakePointIds: [] },
  leader: { id: "ld-01", role: "authority-leader", agencyCodes: [AGENCY], unitCodes: [], intakePointIds: [] },
  unitLeader: { id: "ld-02", role: "unit-leader", agencyCodes: [AGENCY], unitCodes: [], intakePointIds: [] },
  clerk: { id: "vt-01", role: "clerk", agencyCodes: [AGENCY], unitCodes: [], intakePointIds: [] },
  interAgency: { id: "lt-01", role: "inter-agency", agencyCodes: [OTHER_AGENCY], unitCodes: [], intakePointIds: [] },
  system: { id: "system", role: "system", agencyCodes: [], unitCodes: [], intakePointIds: [] },
} as const

export type ActorName = keyof typeof actors

export const machineFor = (options: Partial<DossierMachineOptions> = {}): DossierMachine =>
  Result.getOrThrow(createDossierMachine({ procedure: sampleProcedure(), calendar, ...options }))

/** A procedure derived from the sample one. */
export const procedureWith = (change: (p: Procedure) => Procedure): Procedure => change(sampleProcedure())

/** An online filing of the sample procedure with both mandatory documents (one from the e-wallet). */
export const onlineFiling = (at: string, overrides: Partial<FileDossierInput> = {}): FileDossierInput => ({
  type: "file",
  actor: actors.citizen,
  at,
  dossierCode: "000.22.06.H49-251006-0001",
  channel: "online",
  agencyCode: AGENCY,
  unitCode: UNIT,
  applicant: { id: actors.citizen.id, name: "Nguyễn Văn An", kind: "citizen", address: "Tổ 5, phường Hồng Gai" },
  summary: "Đăng ký thường trú tại Tổ 5, phường Hồng Gai",
  documents: [
    { id: "form-ct01", digitised: true },
    { id: "proof-of-residence", fromEWallet: true },
  ],
  ...overrides,
})

export const counterFiling = (at: string, overrides: Partial<FileDossierInput> = {}): FileDossierInput =>
  onlineFiling(at, { actor: actors.counter, channel: "counter", intakePointId: INTAKE, ...overrides })

type WithoutCommon<E> = E extends unknown ? Omit<E, "actor" | "at"> : never
export type EventBody = WithoutCommon<DossierEventInput>

/** An event of `who` at `at`. */
export const ev = (who: ActorName, at: string, body: EventBody): DossierEventInput =>
  ({ ...body, actor: actors[who], at }) as DossierEventInput

export const expectOk = (decision: Decision, what = "event"): Extract<Decision, { ok: true }> => {
  if (!decision.ok) throw new Error(`${what} was refused: ${JSON.stringify(decision.reason)}`)
  return decision
}

/** Files online and runs the events in order, failing on the first refusal. */
export function run(
  machine: DossierMachine,
  filing: FileDossierInput,
  events: ReadonlyArray<DossierEventInput>,
): { snapshot: DossierSnapshot; decisions: Array<Extract<Decision, { ok: true }>> } {
  const first = expectOk(open(machine, filing), "filing")
  const decisions = [first]
  let snapshot = first.snapshot
  for (const event of events) {
    const next = expectOk(decide(machine, snapshot, event), `${event.type} at ${event.at}`)
    decisions.push(next)
    snapshot = next.snapshot
  }
  return { snapshot, decisions }
}

export const roundTrip = (snapshot: DossierSnapshot): PersistedDossier => JSON.parse(JSON.stringify(snapshot))

/** Monday 6 October 2025 … at a local time, as an instant in +07:00. */
export const oct = (day: number, time: string): string => `2025-10-${String(day).padStart(2, "0")}T${time}:00+07:00`
