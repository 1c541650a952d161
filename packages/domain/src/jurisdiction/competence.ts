// Competence: which authority decides a dossier, wherever it was taken in. Since 1 July 2025 a citizen may file at
// any public service centre of the province; the dossier is routed to the competent authority, not handled by the
// centre that received it. What the law does restrict becomes a typed refusal reason.
import { Data, Result } from "effect"
import type { Channel, Procedure } from "../catalogue/schema.ts"
import type { Agency, IntakePoint, Jurisdiction, StaffScope } from "./schema.ts"

/** Where the dossier came in: online (the provincial portal), or at an intake point (centre or post office). */
export type Intake = { readonly kind: "online" } | { readonly kind: "intake-point"; readonly id: string }

export interface CompetenceRequest {
  readonly procedure: Procedure
  readonly jurisdiction: Jurisdiction
  readonly intake: Intake
  /** The applicant's residence: province code, and the commune-level unit when it is in this province. */
  readonly applicant: { readonly provinceCode: string; readonly unitCode?: string }
  /** Where the subject of the procedure is (the land parcel, the building, the event), for subject-located cases. */
  readonly subjectUnitCode?: string
}

export interface Competence {
  /** The agency that decides. */
  readonly authority: Agency
  /** The commune-level unit whose authority handles the dossier; absent for province-level authorities. */
  readonly handlingUnitCode?: string
  /** The intake point that took the dossier in; absent online. */
  readonly intakePoint?: IntakePoint
  readonly channel: Channel
}

export class CompetenceRefused extends Data.TaggedError("CompetenceRefused")<{
  readonly reason:
    | "unknown-intake-point"
    | "channel-not-offered"
    | "residence-required"
    | "unknown-unit"
    | "location-needed"
    | "not-boundary-free"
    | "no-competent-agency"
  /** What was wrong, in Vietnamese then English. */
  readonly detail: string
}> {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}

const refuse = (reason: CompetenceRefused["reason"], detail: string) =>
  Result.fail(new CompetenceRefused({ reason, detail }))

/** The channel an intake implies: online, a centre's counter, or a post office (the postal channel). */
export function channelOf(intake: Intake, point: IntakePoint | undefined): Channel {
  if (intake.kind === "online") return "online"
  return point?.kind === "post-office" ? "post" : "counter"
}

/**
 * Resolves the competent authority and handling unit for a dossier, or says why it cannot be taken in there.
 * Rules, in order: the intake point exists; the procedure is offered through that channel; an applicant from
 * another province is refused where the law requires residence; the competent commune is the one of the
 * applicant's residence, of the subject's location, or of the intake point, as the procedure says; a procedure
 * that is not boundary-free is taken in only online, at the provincial centre (province level), or at an intake
 * point of the competent unit (commune level).
 */
export function resolveCompetence(request: CompetenceRequest): Result.Result<Competence, CompetenceRefused> {
  const { procedure, jurisdiction, intake, applicant } = request
  const { authority } = procedure
  let point: IntakePoint | undefined
  if (intake.kind === "intake-point") {
    point = jurisdiction.intakePoints.find((p) => p.id === intake.id)
    if (point === undefined) {
      return refuse("unknown-intake-point", `Không có điểm tiếp nhận "${intake.id}" / no intake point "${intake.id}"`)
    }
  }
  const channel = channelOf(intake, point)
  if (!procedure.channels.includes(channel)) {
    return refuse(
      "channel-not-offered",
      `Thủ tục ${procedure.code} không thực hiện qua kênh ${channel} / procedure ${procedure.code} is not offered through the ${channel} channel`,
    )
  }
  const fromThisProvince = applicant.provinceCode === jurisdiction.province.code
  if (authority.requiresResidenceInProvince && !fromThisProvince) {
    return refuse(
      "residence-required",
      `Thủ tục ${procedure.code} yêu cầu người nộp cư trú tại ${jurisdiction.province.name} / the applicant must reside in the province`,
    )
  }
  const knownUnit = (code: string) => jurisdiction.units.some((u) => u.code === code)
  if (fromThisProvince && applicant.unitCode !== undefined && !knownUnit(applicant.unitCode)) {
    return refuse(
      "unknown-unit",
      `Không có đơn vị hành chính mã ${applicant.unitCode} / unknown unit ${applicant.unitCode}`,
    )
  }

  if (authority.level === "province") {
    const agency =
      jurisdiction.agencies.find((a) => authority.agencyCode !== undefined && a.code === authority.agencyCode) ??
      onlyOne(jurisdiction.agencies.filter((a) => a.level === "province" && a.kind === authority.agencyKind))
    if (agency === undefined) {
      return refuse(
        "no-competent-agency",
        `Không tìm thấy cơ quan ${authority.agencyCode ?? authority.agencyKind} / no agency ${authority.agencyCode ?? authority.agencyKind} in the jurisdiction data`,
      )
    }
    if (!procedure.boundaryFree && point !== undefined && point.kind !== "provincial-centre") {
      return refuse(
        "not-boundary-free",
        `Thủ tục ${procedure.code} cấp tỉnh chỉ tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến / this province-level procedure is taken in only at the provincial centre or online`,
      )
    }
    return Result.succeed(
      point === undefined ? { authority: agency, channel } : { authority: agency, channel, intakePoint: point },
    )
  }

  const unitCode =
    authority.territorialBasis === "applicant-residence"
      ? fromThisProvince
        ? applicant.unitCode
        : undefined
      : authority.territorialBasis === "subject-location"
        ? request.subjectUnitCode
        : (point?.unitCode ?? (fromThisProvince ? applicant.unitCode : undefined))
  if (unitCode === undefined) {
    const what =
      authority.territorialBasis === "subject-location"
        ? "nơi có đối tượng (thửa đất, công trình, sự kiện) / the unit where the subject is"
        : "nơi cư trú của người nộp trong tỉnh / the applicant's unit of residence in the province"
    return refuse("location-needed", `Cần biết ${what}`)
  }
  if (!knownUnit(unitCode)) {
    return refuse("unknown-unit", `Không có đơn vị hành chính mã ${unitCode} / unknown unit ${unitCode}`)
  }
  if (!procedure.boundaryFree && point !== undefined && point.unitCode !== unitCode) {
    return refuse(
      "not-boundary-free",
      `Thủ tục ${procedure.code} không phải phi địa giới: nộp tại điểm tiếp nhận của đơn vị ${unitCode} hoặc trực tuyến / not boundary-free: file at an intake point of unit ${unitCode} or online`,
    )
  }
  const agency = jurisdiction.agencies.find((a) => a.kind === authority.agencyKind && a.unitCode === unitCode)
  if (agency === undefined) {
    return refuse(
      "no-competent-agency",
      `Không tìm thấy ${authority.agencyKind} của đơn vị ${unitCode} / no ${authority.agencyKind} for unit ${unitCode} in the jurisdiction data`,
    )
  }
  const found: Competence = { authority: agency, handlingUnitCode: unitCode, channel }
  return Result.succeed(point === undefined ? found : { ...found, intakePoint: point })
}

const onlyOne = <A>(xs: ReadonlyArray<A>): A | undefined => (xs.length === 1 ? xs[0] : undefined)

/** What a staff account's scope is checked against: the dossier's authority, unit and intake point. */
export interface ScopeTarget {
  readonly agencyCode?: string
  readonly unitCode?: string
  readonly intakePointId?: string
}

/**
 * Whether a staff account acts for the target: it does when any of the target's agency, unit or intake point is in
 * its scope. Deny by default: an empty target is never in scope.
 */
export function actsFor(scope: StaffScope, target: ScopeTarget): boolean {
  return (
    (target.agencyCode !== undefined && scope.agencyCodes.includes(target.agencyCode)) ||
    (target.unitCode !== undefined && scope.unitCodes.includes(target.unitCode)) ||
    (target.intakePointId !== undefined && scope.intakePointIds.includes(target.intakePointId))
  )
}
