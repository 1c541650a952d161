// The invariants every dossier workflow must keep, each with a name and one sentence, judged over a trace (see
// workflow/trace.ts). They restate the rules from the outside, in a few lines each, rather than call the machine's
// own guards: a check that reused the guard could not catch the guard being wrong. Deadline arithmetic is the one
// thing they borrow (the calendar's working-time functions), to measure how much working time a pause took.
import {
  classifyDossier,
  type DossierContext,
  isWorkingDay,
  type NationalStatusCode,
  statusesThatMayFollow,
  workingMinutesBetween,
} from "@motcua/domain"
import { before, type DossierTrace, eventType, type TraceStep, type Violation, vnDateOf } from "./workflow/trace.ts"

export interface Invariant {
  /** Short kebab-case name, stable: reports and allow-lists refer to it. */
  readonly name: string
  /** What must hold, in one sentence (Vietnamese, then English). */
  readonly sentence: string
  /** Undefined when the trace keeps the invariant, else what breaks it and where. */
  readonly check: (trace: DossierTrace) => string | undefined
}

/**
 * The national status of each machine state (domain reference: statuses 1–10). Restated on purpose, not imported
 * from the domain's `statusOfState`: the machine emits its status codes from that table, so checking them against it
 * could not catch a wrong entry.
 */
const STATUS: Readonly<Record<string, NationalStatusCode>> = {
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

/**
 * Terminal states and the only events documented for them (transitions.ts: a returned dossier takes corrections,
 * and a corrected result may replace the signed one).
 */
export const terminalEvents: Readonly<Record<string, ReadonlyArray<string>>> = {
  refused: [],
  withdrawn: [],
  stopped: [],
  returned: ["correct", "replaceResult"],
}

const ms = (instant: string) => Date.parse(instant)

/** Runs `f` on every step (with its index and the dossier before it); the first message found is the answer. */
function eachStep(
  trace: DossierTrace,
  f: (step: TraceStep, i: number, prior: DossierContext | undefined) => string | undefined,
): string | undefined {
  for (let i = 0; i < trace.steps.length; i++) {
    const step = trace.steps[i] as TraceStep
    const found = f(step, i, before(trace, i)?.context)
    if (found !== undefined) return `step ${i} (${eventType(step) ?? "?"}): ${found}`
  }
  return undefined
}

const accepted = (step: TraceStep) => step.decision.ok

const resultNeedsDecision: Invariant = {
  name: "result-needs-approval-and-signature",
  sentence:
    "Không có kết quả nào được xử lý xong hay trả khi chưa có quyết định của lãnh đạo (phê duyệt, hoặc văn bản từ chối) và chữ ký khi thủ tục yêu cầu / " +
    "no result is ready or returned without a leader's decision (an approval, or a rejection whose letter is the result) and, where the procedure's result needs one, a signature.",
  check: (trace) =>
    eachStep(trace, (step) => {
      const state = step.snapshot.value
      if (state !== "processed" && state !== "returned") return undefined
      const c = step.snapshot.context
      if (c.decision === undefined) return `${state} with no decision`
      if (trace.procedure.result.signatureRequired && c.signature === undefined) return `${state} with no signature`
      if (c.processedAt === undefined) return `${state} with no processing end recorded`
      return undefined
    }),
}

const signatureChain: Invariant = {
  name: "replaced-results-chain",
  sentence:
    "Kết quả bị thay thế được giữ lại, mỗi kết quả chỉ rõ kết quả thay thế nó, và kết quả đang có hiệu lực là kết quả cuối cùng của chuỗi / " +
    "a replaced result is kept, each names the one that replaced it, and the result in force is the last of that chain: no signature is lost or rewritten.",
  check: (trace) =>
    eachStep(trace, (step, _i, prior) => {
      const c = step.snapshot.context
      const replaced = c.replacedSignatures ?? []
      const chain = [
        ...replaced.map((r) => r.signatureId),
        ...(c.signature === undefined ? [] : [c.signature.signatureId]),
      ]
      for (let k = 0; k < replaced.length; k++)
        if (replaced[k]?.replacedWith !== chain[k + 1])
          return `replaced signature ${replaced[k]?.signatureId} names ${replaced[k]?.replacedWith}, not ${chain[k + 1]}`
      if (replaced.length > 0 && c.signature?.replaces !== replaced[replaced.length - 1]?.signatureId)
        return `the signature in force replaces ${c.signature?.replaces}, not the last replaced one`
      const was = [
        ...(prior?.replacedSignatures ?? []).map((r) => r.signatureId),
        ...(prior?.signature === undefined ? [] : [prior.signature.signatureId]),
      ]
      if (was.some((id, k) => chain[k] !== id)) return `the signatures ${was.join(", ")} became ${chain.join(", ")}`
      return undefined
    }),
}

const supplementationOnce: Invariant = {
  name: "supplementation-once-or-late",
  sentence:
    "Hồ sơ chỉ được yêu cầu bổ sung một lần trong quá trình xử lý; lần thứ hai trở đi đánh dấu hồ sơ quá hạn theo chỉ số 766 (yêu cầu bổ sung khi tiếp nhận không tính) / " +
    "a dossier is asked to supplement at most once during processing; every further request marks it late, as the national index counts it (a request at intake does not count).",
  check: (trace) =>
    eachStep(trace, (step) => {
      const c = step.snapshot.context
      const repeats = c.lateMarks.filter((m) => m.mark === "repeated-supplementation").length
      // a request at intake (before the dossier is received) is no processing request: the index does not count it
      const accepted = c.acceptedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(c.acceptedAt)
      const processing = c.supplementations.filter((s) => Date.parse(s.requestedAt) >= accepted).length
      const extra = Math.max(0, processing - 1)
      if (repeats !== extra) return `${processing} supplementation request(s) in processing but ${repeats} late mark(s)`
      const standing = classifyDossier(c)
      if (extra > 0 && standing !== "late" && standing !== "not-counted")
        return `requested twice but classified ${standing}`
      return undefined
    }),
}

/** Working minutes from `from` to `deadline` (0 when the deadline is not after `from`). */
const leftAt = (trace: DossierTrace, from: string, deadline: string) =>
  workingMinutesBetween(trace.calendar, from, deadline)

const clockStopped: Invariant = {
  name: "clock-stopped-during-supplementation",
  sentence:
    "Thời gian chờ bổ sung không tính vào thời hạn giải quyết: khi hết tạm dừng, thời gian làm việc còn lại của hạn trả kết quả và của bước đang xử lý được giữ nguyên / " +
    "the clock never runs while the dossier waits for a supplement: when the pause ends, the working time left to the appointment and to the open step's due instant is what it was when the pause began.",
  check: (trace) =>
    eachStep(trace, (step, _i, prior) => {
      if (!accepted(step) || prior === undefined) return undefined
      const c = step.snapshot.context
      const wasPaused = prior.pauses.some((p) => p.kind === "supplementation" && p.to === undefined)
      if (step.snapshot.value === "awaitingSupplement") {
        const open = c.pauses[c.pauses.length - 1]
        if (open?.kind !== "supplementation" || open.to !== undefined)
          return "waiting for a supplement without an open pause"
        if (wasPaused && eventType(step) !== "extendWithApology" && c.appointment !== prior.appointment)
          return `the appointment moved during the pause (${prior.appointment} → ${c.appointment})`
        return undefined
      }
      if (!wasPaused) return undefined
      const pause = c.pauses[prior.pauses.length - 1]
      if (pause?.to === undefined) return "the supplementation pause did not end when the dossier left it"
      const moved = (label: string, was: string | undefined, now: string | undefined) => {
        if (was === undefined || now === undefined) return undefined
        const expected = ms(was) <= ms(pause.from) ? 0 : leftAt(trace, pause.from, was)
        const got = ms(was) <= ms(pause.from) ? (now === was ? 0 : Number.NaN) : leftAt(trace, pause.to as string, now)
        return Math.abs(got - expected) <= 1
          ? undefined
          : `${label} kept ${got} working minute(s) after the pause, ${expected} before it (${was} → ${now}, pause ${pause.from} – ${pause.to})`
      }
      const stepBefore = prior.steps[prior.steps.length - 1]
      const stepAfter = c.steps[prior.steps.length - 1]
      return (
        moved("the appointment", prior.appointment, c.appointment) ??
        (stepBefore?.endedAt === undefined
          ? moved("the open step's due instant", stepBefore?.dueAt, stepAfter?.dueAt)
          : undefined)
      )
    }),
}

const appointmentNeverEarlier: Invariant = {
  name: "appointment-never-earlier",
  sentence:
    "Ngày hẹn trả kết quả không bao giờ bị dời sớm hơn, và đã có thì không mất / the appointment never moves earlier, and once given it is never removed.",
  check: (trace) =>
    eachStep(trace, (step, _i, prior) => {
      const was = prior?.appointment
      if (was === undefined) return undefined
      const now = step.snapshot.context.appointment
      if (now === undefined) return `the appointment ${was} was removed`
      return ms(now) < ms(was) ? `the appointment moved earlier: ${was} → ${now}` : undefined
    }),
}

const deadlinesOnWorkingDays: Invariant = {
  name: "deadlines-on-working-days",
  sentence:
    "Ngày hẹn trả kết quả và hạn của từng bước luôn rơi vào ngày làm việc của trung tâm / " +
    "the appointment and every step's due instant fall on a working day of the centre's calendar.",
  check: (trace) =>
    eachStep(trace, (step) => {
      const c = step.snapshot.context
      const deadlines = [
        ...(c.appointment === undefined ? [] : [["the appointment", c.appointment] as const]),
        ...c.steps.map((s) => [`the due instant of step ${s.stepId}`, s.dueAt] as const),
      ]
      for (const [what, instant] of deadlines) {
        const day = vnDateOf(instant)
        if (!isWorkingDay(trace.calendar, day)) return `${what} (${instant}) falls on ${day}, a day off`
      }
      return undefined
    }),
}

const sum = (xs: ReadonlyArray<{ readonly amount: number }>) => xs.reduce((s, x) => s + x.amount, 0)

const feeTotals: Invariant = {
  name: "fee-totals-are-sums",
  sentence:
    "Tổng phí, lệ phí bằng tổng các dòng và không bao giờ âm; số tiền đề nghị thanh toán là phần còn nợ / " +
    "fee totals equal the sum of their lines and are never negative; a payment request asks for exactly what is still owed.",
  check: (trace) => {
    const q = trace.quote
    if (q !== undefined) {
      const lines = q.lines
      if (lines.some((l) => l.amount < 0 || l.amount !== l.gross - l.reduction))
        return "quote: a line is negative or not gross − reduction"
      if (q.total !== sum(lines)) return `quote: total ${q.total} ≠ sum of lines ${sum(lines)}`
      if (q.totalFees + q.totalCharges !== q.total) return "quote: fees + charges ≠ total"
      const byDue = q.byDue["at-intake"] + q.byDue["before-processing"] + q.byDue["before-result"]
      if (byDue !== q.total) return `quote: totals by due moment add up to ${byDue}, not ${q.total}`
    }
    return eachStep(trace, (step) => {
      const c = step.snapshot.context
      const bad = c.fees.find((f) => !Number.isInteger(f.amount) || f.amount < 0)
      if (bad !== undefined) return `fee line ${bad.feeId} is ${bad.amount}`
      if (q !== undefined) {
        for (const f of c.fees) {
          const line = q.lines.find((l) => l.itemId === f.feeId)
          if (line !== undefined && line.amount !== f.amount)
            return `fee line ${f.feeId} is ${f.amount}, the quote says ${line.amount}`
        }
      }
      // at filing the request is for every fee (one debt, paid once); later, for what the stage needs
      const owed =
        eventType(step) === "file"
          ? sum(c.fees) - sum(c.payments)
          : sum(c.fees.filter((f) => f.due !== "before-result")) + sum(c.obligations) - sum(c.payments)
      for (const a of step.actions) {
        if (a.type !== "requestPayment") continue
        if (a.params.amount < 0) return `a payment request of ${a.params.amount}`
        if (a.params.amount !== Math.max(0, owed))
          return `a payment request of ${a.params.amount} when ${Math.max(0, owed)} is owed`
      }
      if (!step.decision.ok && step.decision.reason._tag === "FeesUnpaid" && step.decision.reason.amount <= 0)
        return `refused for unpaid fees of ${step.decision.reason.amount}`
      return undefined
    })
  },
}

const paymentOnce: Invariant = {
  name: "payment-accepted-once",
  sentence:
    "Mỗi khoản thanh toán (mã giao dịch) chỉ được ghi nhận một lần / no payment id is accepted twice (gateways retry).",
  check: (trace) =>
    eachStep(trace, (step, _i, prior) => {
      const ids = step.snapshot.context.payments.map((p) => p.paymentId)
      if (new Set(ids).size !== ids.length) return `payment ids recorded twice: ${ids.join(", ")}`
      if (!accepted(step) || eventType(step) !== "paymentConfirmed" || prior === undefined) return undefined
      const id = (step.event as { paymentId?: unknown }).paymentId
      if (prior.payments.some((p) => p.paymentId === id)) return `payment ${String(id)} accepted a second time`
      return ids.length === prior.payments.length + 1 ? undefined : "an accepted payment was not recorded once"
    }),
}

const terminalClosed: Invariant = {
  name: "terminal-states-closed",
  sentence:
    "Hồ sơ đã kết thúc (không tiếp nhận, rút, dừng, đã trả) chỉ nhận các sự kiện được ghi trong tài liệu (đính chính kết quả đã trả) và không mở lại / " +
    "a dossier in a terminal state takes only the events documented for it (a correction of a returned result) and never reopens.",
  check: (trace) =>
    eachStep(trace, (step, i) => {
      const was = before(trace, i)?.value
      if (was === undefined || !(was in terminalEvents) || !accepted(step)) return undefined
      const type = eventType(step) ?? "?"
      if (!(terminalEvents[was] ?? []).includes(type)) return `${was} accepted ${type}`
      return step.snapshot.value === was ? undefined : `${was} reopened to ${step.snapshot.value}`
    }),
}

const statusSequence: Invariant = {
  name: "national-status-sequence",
  sentence:
    "Chuỗi trạng thái gửi Cổng DVC quốc gia bắt đầu từ 1, mỗi mã là mã được phép tiếp theo, chỉ được nối thêm và khớp trạng thái hiện tại / " +
    "the national status codes start at 1, each follows the one before as the portal accepts, the history only grows, and its last code is the dossier's status.",
  check: (trace) =>
    eachStep(trace, (step, _i, prior) => {
      const codes = step.snapshot.context.statusHistory.map((s) => s.code)
      if (codes[0] !== 1) return `the status history starts with ${codes[0]}`
      // The portal's table of which status may follow which, read from the domain: it is data the machine does not
      // emit its codes from, so the check stays independent of the machine.
      for (let k = 1; k < codes.length; k++) {
        if (!statusesThatMayFollow(codes.slice(0, k)).includes(codes[k] as NationalStatusCode))
          return `status ${codes[k]} after ${codes[k - 1]}: ${codes.join("→")}`
      }
      if (codes[codes.length - 1] !== STATUS[step.snapshot.value])
        return `last status ${codes[codes.length - 1]} but the dossier is ${step.snapshot.value}`
      const was = prior?.statusHistory ?? []
      if (was.some((s, k) => codes[k] !== s.code)) return "the status history was rewritten"
      return undefined
    }),
}

const refusalLeavesNoTrace: Invariant = {
  name: "refusal-changes-nothing",
  sentence:
    "Sự kiện bị từ chối có lý do rõ ràng và không làm thay đổi hồ sơ / a refused event comes with a typed reason, changes nothing and asks for no action.",
  check: (trace) =>
    eachStep(trace, (step, i) => {
      if (step.decision.ok) return undefined
      if (typeof step.decision.reason?._tag !== "string") return "refused without a reason"
      if (step.actions.length > 0) return "a refused event asked for actions"
      const was = before(trace, i)
      return was === undefined || JSON.stringify(was) === JSON.stringify(step.snapshot)
        ? undefined
        : "a refused event changed the dossier"
    }),
}

const timeForward: Invariant = {
  name: "time-moves-forward",
  sentence: "Thời điểm các sự kiện được chấp nhận không lùi lại / accepted events never go back in time.",
  check: (trace) =>
    eachStep(trace, (step, _i, prior) => {
      if (prior === undefined || !accepted(step)) return undefined
      const now = step.snapshot.context.lastEventAt
      return ms(now) < ms(prior.lastEventAt) ? `an event at ${now} after one at ${prior.lastEventAt}` : undefined
    }),
}

/** Every invariant, in the order they are reported. */
export const invariants: ReadonlyArray<Invariant> = [
  resultNeedsDecision,
  signatureChain,
  supplementationOnce,
  clockStopped,
  appointmentNeverEarlier,
  deadlinesOnWorkingDays,
  feeTotals,
  paymentOnce,
  terminalClosed,
  statusSequence,
  refusalLeavesNoTrace,
  timeForward,
]

/** The invariants a trace breaks (empty when it keeps them all). */
export function checkTrace(trace: DossierTrace, among: ReadonlyArray<Invariant> = invariants): Violation[] {
  const out: Violation[] = []
  for (const invariant of among) {
    const message = invariant.check(trace)
    if (message !== undefined) {
      const step = Number(/^step (\d+)/.exec(message)?.[1] ?? -1)
      out.push({ invariant: invariant.name, step, message })
    }
  }
  return out
}

/** One line per violation, for error messages. */
export const describeViolations = (violations: ReadonlyArray<Violation>): string =>
  violations.map((v) => `[${v.invariant}] ${v.message}`).join("\n")
