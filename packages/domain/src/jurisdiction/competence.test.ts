import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { sampleProcedure } from "../../test/sample-procedure.ts"
import type { Procedure } from "../catalogue/schema.ts"
import { actsFor, type CompetenceRequest, resolveCompetence } from "./competence.ts"
import type { Jurisdiction } from "./schema.ts"

const jurisdiction: Jurisdiction = {
  province: { code: "22", name: "Tỉnh Quảng Ninh", agencyCode: "H49" },
  units: [
    { code: "06685", name: "Hồng Gai", kind: "ward", provinceCode: "22" },
    { code: "06994", name: "Vân Đồn", kind: "special-zone", provinceCode: "22" },
  ],
  agencies: [
    { code: "CA-06685", name: "Công an phường Hồng Gai", kind: "commune-police", level: "commune", unitCode: "06685" },
    { code: "CA-06994", name: "Công an đặc khu Vân Đồn", kind: "commune-police", level: "commune", unitCode: "06994" },
    {
      code: "UB-06994",
      name: "UBND đặc khu Vân Đồn",
      kind: "commune-people-committee",
      level: "commune",
      unitCode: "06994",
    },
    { code: "SNNMT", name: "Sở Nông nghiệp và Môi trường", kind: "provincial-department", level: "province" },
  ],
  intakePoints: [
    {
      id: "ttpvhcc-tinh",
      name: "Trung tâm PVHCC tỉnh",
      kind: "provincial-centre",
      unitCode: "06685",
      address: "Hạ Long",
      returnsResultsAtHome: false,
    },
    {
      id: "tt-06685",
      name: "Trung tâm PVHCC phường Hồng Gai",
      kind: "commune-centre",
      unitCode: "06685",
      address: "Hồng Gai",
      returnsResultsAtHome: false,
    },
    {
      id: "tt-06994",
      name: "Trung tâm PVHCC đặc khu Vân Đồn",
      kind: "commune-centre",
      unitCode: "06994",
      address: "Vân Đồn",
      returnsResultsAtHome: false,
    },
    {
      id: "bd-06994",
      name: "Bưu điện Vân Đồn",
      kind: "post-office",
      unitCode: "06994",
      address: "Vân Đồn",
      returnsResultsAtHome: true,
    },
  ],
}

const residence = sampleProcedure() // commune level, applicant's residence, not boundary-free
const landRegistration: Procedure = {
  ...sampleProcedure(),
  code: "1.012345",
  authority: { ...residence.authority, agencyKind: "commune-people-committee", territorialBasis: "subject-location" },
  boundaryFree: true,
}
const provincial: Procedure = {
  ...sampleProcedure(),
  code: "1.000001",
  levels: ["province"],
  authority: { ...residence.authority, level: "province", agencyKind: "provincial-department", agencyCode: "SNNMT" },
}

const resolve = (over: Partial<CompetenceRequest>) =>
  resolveCompetence({
    procedure: residence,
    jurisdiction,
    intake: { kind: "online" },
    applicant: { provinceCode: "22", unitCode: "06685" },
    ...over,
  })
const reasonOf = (r: ReturnType<typeof resolveCompetence>) => (Result.isFailure(r) ? r.failure.reason : "accepted")

describe("competence", () => {
  test("a commune-level procedure goes to the authority of the applicant's unit", () => {
    const r = Result.getOrThrow(resolve({}))
    expect(r.authority.code).toBe("CA-06685")
    expect(r.handlingUnitCode).toBe("06685")
    expect(r.channel).toBe("online")
  })

  test("a boundary-free procedure taken in anywhere is routed to the unit where its subject is", () => {
    const r = Result.getOrThrow(
      resolve({
        procedure: landRegistration,
        intake: { kind: "intake-point", id: "tt-06685" },
        subjectUnitCode: "06994",
      }),
    )
    expect(r.authority.code).toBe("UB-06994")
    expect(r.intakePoint?.id).toBe("tt-06685")
    expect(r.channel).toBe("counter")
  })

  test("a procedure that is not boundary-free is refused at another unit's centre", () => {
    const r = resolve({ intake: { kind: "intake-point", id: "tt-06994" } })
    expect(reasonOf(r)).toBe("not-boundary-free")
    expect(Result.isFailure(r) && r.failure.detail).toMatch(/06685/)
    expect(reasonOf(resolve({ intake: { kind: "intake-point", id: "tt-06685" } }))).toBe("accepted")
  })

  test("a post office is the postal channel", () => {
    const r = resolve({
      intake: { kind: "intake-point", id: "bd-06994" },
      applicant: { provinceCode: "22", unitCode: "06994" },
    })
    expect(Result.getOrThrow(r).channel).toBe("post")
    const noPost = { ...residence, channels: ["counter", "online"] as const }
    const refused = resolve({
      procedure: { ...noPost, channels: [...noPost.channels] },
      intake: { kind: "intake-point", id: "bd-06994" },
      applicant: { provinceCode: "22", unitCode: "06994" },
    })
    expect(reasonOf(refused)).toBe("channel-not-offered")
  })

  test("province-level procedures go to the named agency, at the provincial centre or online", () => {
    expect(Result.getOrThrow(resolve({ procedure: provincial })).authority.code).toBe("SNNMT")
    expect(reasonOf(resolve({ procedure: provincial, intake: { kind: "intake-point", id: "ttpvhcc-tinh" } }))).toBe(
      "accepted",
    )
    expect(reasonOf(resolve({ procedure: provincial, intake: { kind: "intake-point", id: "tt-06994" } }))).toBe(
      "not-boundary-free",
    )
    const boundaryFree = { ...provincial, boundaryFree: true }
    expect(reasonOf(resolve({ procedure: boundaryFree, intake: { kind: "intake-point", id: "tt-06994" } }))).toBe(
      "accepted",
    )
  })

  test("an applicant from another province is refused where residence is required", () => {
    const strict = { ...residence, authority: { ...residence.authority, requiresResidenceInProvince: true } }
    expect(reasonOf(resolve({ procedure: strict, applicant: { provinceCode: "01" } }))).toBe("residence-required")
    expect(reasonOf(resolve({ applicant: { provinceCode: "01" } }))).toBe("location-needed")
    expect(reasonOf(resolve({ procedure: provincial, applicant: { provinceCode: "01" } }))).toBe("accepted")
  })

  test("unknown intake points, units and missing agencies are named", () => {
    expect(reasonOf(resolve({ intake: { kind: "intake-point", id: "nowhere" } }))).toBe("unknown-intake-point")
    expect(reasonOf(resolve({ applicant: { provinceCode: "22", unitCode: "99999" } }))).toBe("unknown-unit")
    expect(reasonOf(resolve({ procedure: landRegistration }))).toBe("location-needed")
    const missing = resolve({ procedure: landRegistration, subjectUnitCode: "06685" })
    expect(reasonOf(missing)).toBe("no-competent-agency")
    expect(Result.isFailure(missing) && missing.failure.message).toMatch(/commune-people-committee for unit 06685/)
  })

  test("staff scope: deny by default, allow by agency, unit or intake point", () => {
    const scope = {
      level: "commune" as const,
      agencyCodes: ["CA-06685"],
      unitCodes: ["06685"],
      intakePointIds: ["tt-06685"],
    }
    expect(actsFor(scope, {})).toBe(false)
    expect(actsFor(scope, { agencyCode: "CA-06994", unitCode: "06994" })).toBe(false)
    expect(actsFor(scope, { agencyCode: "CA-06685" })).toBe(true)
    expect(actsFor(scope, { unitCode: "06685" })).toBe(true)
    expect(actsFor(scope, { intakePointId: "tt-06685" })).toBe(true)
  })
})
