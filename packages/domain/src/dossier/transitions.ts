/**
 * Which event each state accepts and where it leads: the one table both the machine (its `on` config) and `decide`
 * (the `NotAllowedInState` refusal) are built from. An event missing from a state's row is refused there.
 *
 * | state (status) | events → target |
 * |---|---|
 * | filed (1) | accept → accepted; refuse → refused; requestSupplementation → awaitingIntakeSupplement; withdraw → withdrawn; paymentConfirmed → filed |
 * | awaitingIntakeSupplement (5) | supplementReceived → filed (intake again); supplementationDeadlinePassed → refused (not received); withdraw → withdrawn; paymentConfirmed → awaitingIntakeSupplement |
 * | accepted (2) | the processing events below, as for `working` (processing starts: 4 is recorded first) |
 * | working (4) | completeStep, transfer, approve, reject, sign, extendWithApology, paymentConfirmed → working; replaceResult → working; requestSupplementation → awaitingSupplement; requestFinancialObligation → awaitingPayment; resultReady → processed; stop → stopped; withdraw → withdrawn |
 * | awaitingSupplement (5) | supplementReceived → working; supplementationDeadlinePassed, stop → stopped; withdraw → withdrawn; extendWithApology, paymentConfirmed → awaitingSupplement |
 * | awaitingPayment (6) | paymentConfirmed → working once everything requested is paid, else stays; stop → stopped; withdraw → withdrawn; extendWithApology → awaitingPayment |
 * | processed (9) | completeStep, replaceResult → processed (the result goes on to the return step); returnResult → returned |
 * | returned (10) | correct, replaceResult → returned (recorded as a correction or a corrected result, never reopened) |
 * | refused (3), withdrawn (7), stopped (8) | nothing: final |
 *
 * From `accepted`, `extendWithApology`, `paymentConfirmed` and `replaceResult` stay in `accepted` (no processing has
 * started; `replaceResult` is refused there by its rule, since nothing is signed before processing).
 */
import type { DossierEventType } from "./events.ts"
import type { DossierStateName } from "./status.ts"

/** A possible target; `when` names an extra condition (the machine's guard of the same name). */
export interface Route {
  readonly to: DossierStateName
  readonly when?: "paymentSettles"
}

type Row = Readonly<Partial<Record<DossierEventType, ReadonlyArray<Route>>>>

const to = (state: DossierStateName): ReadonlyArray<Route> => [{ to: state }]

const processing = (self: DossierStateName): Row => ({
  completeStep: to("working"),
  transfer: to("working"),
  approve: to("working"),
  reject: to("working"),
  sign: to("working"),
  replaceResult: to(self),
  requestSupplementation: to("awaitingSupplement"),
  requestFinancialObligation: to("awaitingPayment"),
  resultReady: to("processed"),
  stop: to("stopped"),
  withdraw: to("withdrawn"),
  extendWithApology: to(self),
  paymentConfirmed: to(self),
})

export const transitionTable: Readonly<Record<DossierStateName, Row>> = {
  filed: {
    accept: to("accepted"),
    refuse: to("refused"),
    requestSupplementation: to("awaitingIntakeSupplement"),
    withdraw: to("withdrawn"),
    paymentConfirmed: to("filed"),
  },
  // Asked at the counter before the dossier is received (Decree 61/2018 art. 19 as amended by Decree 118/2025: the
  // officer tells the applicant in one go everything to add): no clock has started, so nothing pauses; a supplement
  // brings the dossier back to intake, and a deadline passed without one means it is not received.
  awaitingIntakeSupplement: {
    supplementReceived: to("filed"),
    supplementationDeadlinePassed: to("refused"),
    withdraw: to("withdrawn"),
    paymentConfirmed: to("awaitingIntakeSupplement"),
  },
  accepted: processing("accepted"),
  working: processing("working"),
  awaitingSupplement: {
    supplementReceived: to("working"),
    supplementationDeadlinePassed: to("stopped"),
    stop: to("stopped"),
    withdraw: to("withdrawn"),
    extendWithApology: to("awaitingSupplement"),
    paymentConfirmed: to("awaitingSupplement"),
  },
  awaitingPayment: {
    paymentConfirmed: [{ to: "working", when: "paymentSettles" }, { to: "awaitingPayment" }],
    stop: to("stopped"),
    withdraw: to("withdrawn"),
    extendWithApology: to("awaitingPayment"),
  },
  processed: {
    completeStep: to("processed"),
    replaceResult: to("processed"),
    returnResult: to("returned"),
  },
  returned: {
    correct: to("returned"),
    replaceResult: to("returned"),
  },
  refused: {},
  withdrawn: {},
  stopped: {},
}

/** The events a state accepts (before guards). */
export const acceptedEvents = (state: DossierStateName): DossierEventType[] =>
  Object.keys(transitionTable[state]) as DossierEventType[]
