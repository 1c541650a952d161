/**
 * National portal statuses (1–10) and the machine states they come from.
 *
 * The machine has one state per national status, with a single exception: status 4 ("Đang xử lý") is the state
 * `working`. Each state maps to exactly one code, so `nationalStatus(snapshot)` is a total function of the state.
 *
 * Accepted sequence (what the portal accepts as the next status of a dossier; {@link acceptedStatusTransitions}):
 * ```
 *  1 Mới đăng ký              → 2 accepted | 3 refused at intake | 7 withdrawn
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
 * result may still be corrected (`correct`). Simulations and reports stop a dossier here.
 */
export const closedStates: ReadonlySet<DossierStateName> = new Set([...finalStates, "returned"])

export const statusOfState: Readonly<Record<DossierStateName, NationalStatusCode>> = {
  filed: 1,
  accepted: 2,
  refused: 3,
  working: 4,
  awaitingSupplement: 5,
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

/** Which status may follow which (see the module comment). The first status of every dossier is 1. */
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
 * Whether a sequence of codes is one the portal accepts: it starts with 1 and each code may follow the previous one.
 * Returns the index of the first offending code, or -1 when the whole sequence is accepted.
 */
export function firstRejectedStatus(codes: ReadonlyArray<NationalStatusCode>): number {
  if (codes.length === 0) return -1
  if (codes[0] !== 1) return 0
  for (let i = 1; i < codes.length; i++) {
    const before = codes[i - 1] as NationalStatusCode
    if (!acceptedStatusTransitions[before].includes(codes[i] as NationalStatusCode)) return i
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
