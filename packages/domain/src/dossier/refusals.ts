/**
 * Why an event was refused: a tagged union of plain objects (JSON, like the snapshot), never a silent no-op.
 * `describeRefusal` gives the sentence to show, Vietnamese first.
 */
import { formatNumber } from "../fees/money.ts"
import type { Problem } from "../shared/decode.ts"
import type { Role } from "./events.ts"
import type { DossierStateName } from "./status.ts"

/** What an actor's scope was checked against (any one of the given keys suffices). */
export interface ScopeNeeded {
  readonly agencyCode?: string
  readonly unitCode?: string
  readonly intakePointId?: string
  /** For the applicant's own events: the account that filed the dossier. */
  readonly accountId?: string
}

export type Refusal =
  /** The input does not decode, or names things the procedure does not have (unknown document, fee, …). */
  | { readonly _tag: "InvalidEvent"; readonly problems: ReadonlyArray<Problem> }
  /** The event has no meaning in this state (e.g. `approve` on a returned dossier). */
  | { readonly _tag: "NotAllowedInState"; readonly state: DossierStateName | "none"; readonly event: string }
  /** Events may not go back in time: `at` is before the last accepted event. */
  | { readonly _tag: "InstantBeforeLastEvent"; readonly at: string; readonly last: string }
  /** The actor's role may not send this event now; `needed` lists the roles that may. */
  | {
      readonly _tag: "ActorNotAllowed"
      readonly role: Role
      readonly needed: ReadonlyArray<Role>
      /** For step-bound events, the step that holds the dossier. */
      readonly stepId?: string
    }
  /** The role is right but the account does not act for this dossier's authority, unit or intake point. */
  | { readonly _tag: "OutOfScope"; readonly actorId: string; readonly needs: ScopeNeeded }
  | { readonly _tag: "ChannelNotOffered"; readonly channel: string }
  | { readonly _tag: "MissingMandatoryDocuments"; readonly ids: ReadonlyArray<string> }
  /** `amount` in đồng is still owed before the dossier may go on. */
  | {
      readonly _tag: "FeesUnpaid"
      readonly amount: number
      readonly stage: "at-intake" | "before-processing" | "before-result"
    }
  | { readonly _tag: "SignatureRequired" }
  | { readonly _tag: "AlreadySigned"; readonly at: string }
  | { readonly _tag: "DecisionMissing" }
  | { readonly _tag: "DecisionAlreadyMade"; readonly decision: "approved" | "rejected" }
  | { readonly _tag: "DuplicatePayment"; readonly paymentId: string }
  /**
   * A payment must be what is still owed in all (fees, once, by any channel, plus financial obligations), or exactly
   * what the stage needs now: 999,999,999 đ against a 10,000 đ debt is refused, and so is 1 đ.
   */
  | {
      readonly _tag: "PaymentAmountWrong"
      readonly problem: "nothing-owed" | "overpayment" | "underpayment"
      readonly amount: number
      readonly outstanding: number
      readonly dueNow: number
    }
  | { readonly _tag: "AppointmentNotLater"; readonly appointment: string; readonly requested: string }
  /** A new appointment must fall on a working day of the centre's calendar. */
  | { readonly _tag: "AppointmentOnDayOff"; readonly requested: string }
  /** The dossier is at the last step of the process: there is no step to hand it to. */
  | { readonly _tag: "NoNextStep"; readonly stepId: string }
  /** The next step is (or is not) an inter-agency step: hand over with the other event. */
  | { readonly _tag: "WrongHandover"; readonly expected: "completeStep" | "transfer"; readonly nextStepId: string }
  /** The supplementation deadline has not passed yet. */
  | { readonly _tag: "DeadlineNotReached"; readonly deadline: string }
  /** Results of this procedure are not issued in a form that can be returned this way (e-wallet needs electronic). */
  | { readonly _tag: "ReturnMethodUnavailable"; readonly method: string }

export type RefusalTag = Refusal["_tag"]

const vnd = (amount: number) => `${formatNumber(amount)}đ`

/** One sentence, Vietnamese then English, for logs, API problem details and the officer's screen. */
export function describeRefusal(r: Refusal): string {
  switch (r._tag) {
    case "InvalidEvent":
      return `Dữ liệu không hợp lệ / invalid event: ${r.problems.map((p) => (p.path === "" ? p.message : `${p.path}: ${p.message}`)).join("; ")}`
    case "NotAllowedInState":
      return `Không thể thực hiện "${r.event}" khi hồ sơ ở trạng thái "${r.state}" / "${r.event}" is not allowed in state "${r.state}"`
    case "InstantBeforeLastEvent":
      return `Thời điểm ${r.at} trước sự kiện gần nhất (${r.last}) / ${r.at} is before the last event (${r.last})`
    case "ActorNotAllowed":
      return `Vai trò "${r.role}" không được thực hiện thao tác này${r.stepId === undefined ? "" : ` ở bước "${r.stepId}"`}; cần: ${r.needed.join(", ") || "(không ai)"} / role "${r.role}" may not do this now; needed: ${r.needed.join(", ") || "(none)"}`
    case "OutOfScope":
      return `Tài khoản ${r.actorId} không thuộc phạm vi xử lý hồ sơ này (${JSON.stringify(r.needs)}) / account ${r.actorId} does not act for this dossier`
    case "ChannelNotOffered":
      return `Thủ tục không thực hiện qua kênh "${r.channel}" / the procedure is not offered through "${r.channel}"`
    case "MissingMandatoryDocuments":
      return `Thiếu thành phần hồ sơ bắt buộc: ${r.ids.join(", ")} / mandatory documents missing: ${r.ids.join(", ")}`
    case "FeesUnpaid":
      return `Chưa nộp đủ phí, lệ phí (còn ${vnd(r.amount)}, hạn: ${r.stage}) / ${r.amount} VND still owed (${r.stage})`
    case "SignatureRequired":
      return "Kết quả phải được ký trước khi trả / the result must be signed first"
    case "AlreadySigned":
      return `Kết quả đã được ký lúc ${r.at} / the result was already signed at ${r.at}`
    case "DecisionMissing":
      return "Chưa có quyết định phê duyệt hoặc từ chối / no approval or rejection yet"
    case "DecisionAlreadyMade":
      return `Hồ sơ đã được ${r.decision === "approved" ? "phê duyệt" : "từ chối"} / the dossier was already ${r.decision}`
    case "DuplicatePayment":
      return `Khoản thanh toán ${r.paymentId} đã được ghi nhận / payment ${r.paymentId} was already recorded`
    case "PaymentAmountWrong":
      return r.problem === "nothing-owed"
        ? `Hồ sơ không còn khoản phải nộp (nhận ${r.amount} đồng) / nothing is owed (got ${r.amount} đồng)`
        : r.problem === "overpayment"
          ? `Số tiền ${r.amount} đồng vượt số còn phải nộp ${r.outstanding} đồng / ${r.amount} đồng is more than the ${r.outstanding} đồng owed`
          : `Số tiền ${r.amount} đồng không khớp số phải nộp ${r.outstanding} đồng${r.dueNow > 0 && r.dueNow < r.outstanding ? ` (hoặc ${r.dueNow} đồng đến hạn lúc này)` : ""} / ${r.amount} đồng does not settle the ${r.outstanding} đồng owed`
    case "AppointmentNotLater":
      return `Ngày hẹn mới (${r.requested}) phải sau ngày hẹn hiện tại (${r.appointment}) / the new appointment must be later than ${r.appointment}`
    case "AppointmentOnDayOff":
      return `Ngày hẹn mới (${r.requested}) rơi vào ngày nghỉ / the new appointment (${r.requested}) falls on a day off`
    case "NoNextStep":
      return `Bước "${r.stepId}" là bước cuối của quy trình / step "${r.stepId}" is the last step`
    case "WrongHandover":
      return `Bước tiếp theo "${r.nextStepId}" cần thao tác "${r.expected}" / the next step "${r.nextStepId}" needs "${r.expected}"`
    case "DeadlineNotReached":
      return `Chưa hết hạn bổ sung (${r.deadline}) / the supplementation deadline (${r.deadline}) has not passed`
    case "ReturnMethodUnavailable":
      return `Không thể trả kết quả qua "${r.method}" / the result cannot be returned by "${r.method}"`
  }
}
