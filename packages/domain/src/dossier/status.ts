/**
 * National portal statuses (1–10) and the machine states they come from.
 *
 * The machine has one state per national status, with two exceptions: status 2 ("Được tiếp nhận") is the state
 * `accepted` and status 4 ("Đang xử lý") the state `working`, and status 5 ("Yêu cầu bổ sung") is both
 * `awaitingSupplement` (asked during processing: the clock pauses) and `awaitingIntakeSupplement` (asked by the
 * counter officer before the dossier is received: no clock runs yet). Each state maps to exactly one code, so
 * `nationalStatus(snapshot)` is a total function of the state.
 *
 * Accepted sequence (what the portal accepts as the next status of a dossier; {@link acceptedStatusTransitions}
 * once the dossier has been received, {@link intakeStatusTransitions} before):
 * ```
 *  before status 2 (intake):
 *  1 Mới đăng ký              → 2 accepted | 3 refused at intake | 5 supplementation asked at intake | 7 withdrawn
 *  5 Yêu cầu bổ sung giấy tờ   → 1 (supplemented: awaits intake again) | 3 (deadline passed: not received) | 7
 *  from status 2 on:
 *  2 Được tiếp nhận            → 4 processing | 7 withdrawn
 *  4 Đang xử lý                → 5 supplementation | 6 financial obligation | 7 | 8 stopped | 9 processed
 *  5 Yêu cầu bổ sung giấy tờ   → 4 (supplement received) | 7 | 8 (stopped, e.g. deadline passed)
 *  6 Yêu cầu thực hiện NVTC    → 4 (paid) | 7 | 8
 *  9 Đã xử lý xong             → 10 returned
 *  3, 7, 8, 10                  terminal
 * ```
 * So 3 only follows 1, 10 only follows 9, and nothing follows a terminal status. When an accepted dossier goes
 * straight from 2 to a processing status (e.g. supplementation requested at the very first step), the machine
 * records 4 at the same instant before it, because the portal does not accept 2 → 5: processing has started.
 */
import type { DossierContext } from "./context.ts"

export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10

/** The machine's states (flat: one level). */
export type DossierStateName =
  | "filed"
  | "refused"
  | "accepted"
  | "working"
  | "awaitingSupplement"
  | "awaitingIntakeSupplement"
  | "awaitingPayment"
  | "processed"
  | "returned"
  | "withdrawn"
  | "stopped"

export const dossierStateNames: ReadonlyArray<DossierStateName> = [
  "filed",
  "refused",
  "accepted",
  "working",
  "awaitingSupplement",
  "awaitingIntakeSupplement",
  "awaitingPayment",
  "processed",
  "returned",
  "withdrawn",
  "stopped",
]

/** States the machine never leaves (its final states): refused at intake, withdrawn, stopped. */
export const finalStates: ReadonlySet<DossierStateName> = new Set(["refused", "withdrawn", "stopped"])

/**
 * States where handling is over: the final states and `returned`, which is not final only because the returned
 * result may still be corrected (`correct`, or a corrected result replacing it: `replaceResult`). Simulations and
 * reports stop a dossier here.
 */
export const closedStates: ReadonlySet<DossierStateName> = new Set([...finalStates, "returned"])

export const statusOfState: Readonly<Record<DossierStateName, NationalStatusCode>> = {
  filed: 1,
  accepted: 2,
  refused: 3,
  working: 4,
  awaitingSupplement: 5,
  awaitingIntakeSupplement: 5,
  awaitingPayment: 6,
  withdrawn: 7,
  stopped: 8,
  processed: 9,
  returned: 10,
}

/** The portal's names of the statuses. */
export const nationalStatusLabels: Readonly<Record<NationalStatusCode, string>> = {
  1: "Mới đăng ký",
  2: "Được tiếp nhận",
  3: "Không được tiếp nhận",
  4: "Đang xử lý",
  5: "Yêu cầu bổ sung giấy tờ",
  6: "Yêu cầu thực hiện nghĩa vụ tài chính",
  7: "Công dân yêu cầu rút hồ sơ",
  8: "Dừng xử lý",
  9: "Đã xử lý xong",
  10: "Đã trả kết quả",
}

/** Which status may follow which once the dossier is received (see the module comment). The first is always 1. */
export const acceptedStatusTransitions: Readonly<Record<NationalStatusCode, ReadonlyArray<NationalStatusCode>>> = {
  1: [2, 3, 7],
  2: [4, 7],
  3: [],
  4: [5, 6, 7, 8, 9],
  5: [4, 7, 8],
  6: [4, 7, 8],
  7: [],
  8: [],
  9: [10],
  10: [],
}

/**
 * Which status may follow which before the dossier is received (no 2 yet): the counter officer may ask for a
 * supplement at intake (5), after which the dossier awaits intake again (1) or, the deadline passed, is not
 * received (3). Statuses absent here follow {@link acceptedStatusTransitions}.
 */
export const intakeStatusTransitions: Readonly<Partial<Record<NationalStatusCode, ReadonlyArray<NationalStatusCode>>>> =
  {
    1: [2, 3, 5, 7],
    5: [1, 3, 7],
  }

/** The statuses that may follow a history of codes (the portal's rule: before status 2, the intake table). */
export function statusesThatMayFollow(history: ReadonlyArray<NationalStatusCode>): ReadonlyArray<NationalStatusCode> {
  const last = history[history.length - 1]
  if (last === undefined) return [1]
  const intake = history.includes(2) ? undefined : intakeStatusTransitions[last]
  return intake ?? acceptedStatusTransitions[last]
}

/**
 * Whether a sequence of codes is one the portal accepts: it starts with 1 and each code may follow the ones before.
 * Returns the index of the first offending code, or -1 when the whole sequence is accepted.
 */
export function firstRejectedStatus(codes: ReadonlyArray<NationalStatusCode>): number {
  for (let i = 0; i < codes.length; i++) {
    if (!statusesThatMayFollow(codes.slice(0, i)).includes(codes[i] as NationalStatusCode)) return i
  }
  return -1
}

export const isAcceptedStatusSequence = (codes: ReadonlyArray<NationalStatusCode>): boolean =>
  firstRejectedStatus(codes) === -1

/** Anything with a machine state value: a live snapshot of the dossier machine or its JSON. */
export interface HasStateValue {
  readonly value: unknown
}

/**
 * The machine state of a snapshot. The dossier machine is flat, so its state value is always one of
 * {@link dossierStateNames} (`restoreSnapshot` refuses JSON that is not).
 */
export const stateOf = (snapshot: HasStateValue): DossierStateName => snapshot.value as DossierStateName

/** The national portal status of a dossier, from its snapshot (live or persisted JSON). */
export function nationalStatus(snapshot: HasStateValue): NationalStatusCode {
  return statusOfState[stateOf(snapshot)]
}

/** The codes a dossier went through, oldest first. */
export const statusSequence = (context: DossierContext): NationalStatusCode[] =>
  context.statusHistory.map((s) => s.code)
