// Verifying an applicant against the national population database (issue 14): at the counter (the officer asks with
// the citizen's signed consent, and the answer prefills the intake form) and at filing (`verifyApplicant`: the
// dossier records the verification, which feeds indicator 4.5(b) and the portal record's "verified" flag). Each lookup
// is a read of personal data: audited like one (read-audit.ts, `read.population`), refused ones too.
import { type ApplicantVerification, applicantIdProblem } from "@motcua/domain"
import { Effect, Option } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { FilingRefused, Forbidden } from "../errors.ts"
import { Clock } from "../ports/clock.ts"
import {
  populationNotConfigured as notConfigured,
  type PopulationConsentKind,
  type PopulationRecord,
  PopulationRegistry,
} from "../ports/population-registry.ts"
import { auditRead } from "./read-audit.ts"

/** Who may look a citizen up: the intake roles for anyone (with consent), a citizen for themselves. */
export const POPULATION_LOOKUP_ROLES = ["counter-officer", "post-office-agent"] as const

export interface ApplicantLookup {
  readonly personalId: string
  readonly consent: PopulationConsentKind
  /** The procedure the lookup is for (the registry logs the purpose). */
  readonly procedureCode: string
  /** What the applicant (or the officer) gave, to compare with the registry's record. */
  readonly fullName?: string
  readonly dateOfBirth?: string
}

export interface ApplicantCheck {
  readonly found: boolean
  /** Found, and every given field matches. */
  readonly verified: boolean
  /** The given fields that do not match the registry's record. */
  readonly mismatches: ReadonlyArray<"fullName" | "dateOfBirth">
  /** The registry's record, to prefill the intake form (never overwrite what the officer typed without asking). */
  readonly record?: PopulationRecord
  /** What a filing records on the dossier when verified. */
  readonly verification?: ApplicantVerification
}

/** Names compared as people write them: Unicode NFC, case and runs of spaces do not matter. */
export const sameName = (a: string, b: string) => {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/gu, " ").toLocaleUpperCase("vi")
  return norm(a) === norm(b)
}

const mayLookUp = (principal: Principal, personalId: string) =>
  principal.scope._tag === "Citizen"
    ? principal.scope.citizenId === personalId
      ? undefined
      : "công dân chỉ tra cứu chính mình / a citizen looks up themselves only"
    : principal.scope._tag === "Staff" &&
        principal.roles.some((r) => (POPULATION_LOOKUP_ROLES as ReadonlyArray<string>).includes(r))
      ? undefined
      : `cần vai trò ${POPULATION_LOOKUP_ROLES.join(" hoặc ")} / needs role ${POPULATION_LOOKUP_ROLES.join(" or ")}`

/** Looks the citizen up (with their consent), compares, audits. */
export const lookUpApplicant = Effect.fnUntraced(function* (principal: Principal, lookup: ApplicantLookup) {
  const refused = mayLookUp(principal, lookup.personalId)
  if (refused !== undefined) {
    yield* auditRead(principal, { resource: "population", subjectId: lookup.personalId, refused })
    return yield* Effect.fail(
      new Forbidden({ principalId: principal.id, action: "population.lookup", reason: refused }),
    )
  }
  const problem = applicantIdProblem("citizen", lookup.personalId)
  if (problem !== undefined)
    return yield* Effect.fail(
      new FilingRefused({ reason: "applicant-id-invalid", field: "personalId", detail: problem }),
    )
  const at = yield* (yield* Clock).now
  // optional in the environment: a deployment without the registry still files (without verification)
  const registry = Option.getOrElse(yield* Effect.serviceOption(PopulationRegistry), () =>
    PopulationRegistry.of(notConfigured),
  )
  // audited before the registry answers: a lookup that reached the registry is never unrecorded
  yield* auditRead(principal, {
    resource: "population",
    subjectId: lookup.personalId,
    consent: lookup.consent,
    purpose: lookup.procedureCode,
  })
  const record = yield* registry.lookup({
    personalId: lookup.personalId,
    consent: { kind: lookup.consent, at },
    purpose: lookup.procedureCode,
    requestedBy: principal.id,
  })
  if (record === undefined) {
    const none: ApplicantCheck = { found: false, verified: false, mismatches: [] }
    return none
  }
  const mismatches: Array<"fullName" | "dateOfBirth"> = []
  if (lookup.fullName !== undefined && !sameName(lookup.fullName, record.fullName)) mismatches.push("fullName")
  if (lookup.dateOfBirth !== undefined && lookup.dateOfBirth !== record.dateOfBirth) mismatches.push("dateOfBirth")
  const verified = record.personalId === lookup.personalId && mismatches.length === 0
  const check: ApplicantCheck = {
    found: true,
    verified,
    mismatches,
    record,
    ...(verified
      ? {
          verification: {
            source: "population-db",
            at,
            by: principal.id,
            consent: lookup.consent,
            ...(record.reference === undefined ? {} : { reference: record.reference }),
          } satisfies ApplicantVerification,
        }
      : {}),
  }
  return check
})

/**
 * A filing that asks for it (`verifyApplicant`): the applicant (a citizen) checked by id number and name; the
 * verification to record, or FilingRefused naming the field at fault. The registry unreachable fails the filing
 * (503): the officer files again, or without asking for verification.
 */
export const verifyFilingApplicant = Effect.fnUntraced(function* (
  principal: Principal,
  applicant: { readonly id: string; readonly name: string; readonly kind: "citizen" | "business" },
  consent: PopulationConsentKind,
  procedureCode: string,
) {
  if (applicant.kind !== "citizen")
    return yield* Effect.fail(
      new FilingRefused({
        reason: "applicant-not-verifiable",
        field: "verifyApplicant",
        detail:
          "chỉ xác thực được công dân với cơ sở dữ liệu dân cư (only a citizen applicant is checked with the population database)",
      }),
    )
  const check = yield* lookUpApplicant(principal, {
    personalId: applicant.id,
    consent,
    procedureCode,
    fullName: applicant.name,
  })
  if (!check.found)
    return yield* Effect.fail(
      new FilingRefused({
        reason: "applicant-not-in-population-db",
        field: "applicant.id",
        detail:
          "cơ sở dữ liệu quốc gia về dân cư không có số định danh này (the population database has no such personal id)",
      }),
    )
  if (check.verification === undefined)
    return yield* Effect.fail(
      new FilingRefused({
        reason: "applicant-mismatch",
        field: "applicant.name",
        detail:
          "họ tên người nộp không khớp với cơ sở dữ liệu quốc gia về dân cư (the applicant's name does not match the population database)",
      }),
    )
  return check.verification
})
