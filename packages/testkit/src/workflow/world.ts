// The small world a generated dossier lives in: the competent authority and unit, the intake points, a partner
// authority for inter-agency steps, and one account per role both inside and outside the dossier's scope. Model
// runs only need these to be consistent with each other, not real: a deployer may pass their own codes.
import type { Actor, Channel, Role } from "@motcua/domain"

export interface World {
  /** The competent authority the dossier is routed to. */
  readonly agencyCode: string
  /** The applicant's commune-level unit. */
  readonly unitCode: string
  /** The one-stop desk that takes counter filings. */
  readonly intakePointId: string
  /** The post office that takes postal filings. */
  readonly postPointId: string
  /** The other authority inter-agency steps are transferred to. */
  readonly partnerAgencyCode: string
  /** An authority that has nothing to do with the dossier (out-of-scope accounts act for it). */
  readonly foreignAgencyCode: string
  readonly applicantId: string
}

export const defaultWorld: World = {
  agencyCode: "000.22.06.H49",
  unitCode: "06685",
  intakePointId: "ttpvhcc-06685",
  postPointId: "bd-hong-gai",
  partnerAgencyCode: "000.00.22.H49",
  foreignAgencyCode: "000.99.99.H49",
  applicantId: "022090001234",
}

export const allRoles: ReadonlyArray<Role> = [
  "citizen",
  "post-office-agent",
  "system",
  "counter-officer",
  "specialist",
  "unit-leader",
  "authority-leader",
  "clerk",
  "inter-agency",
]

const account = (id: string, role: Role, scope: Partial<Pick<Actor, "agencyCodes" | "unitCodes" | "intakePointIds">>) =>
  ({ id, role, agencyCodes: [], unitCodes: [], intakePointIds: [], ...scope }) as Actor

/** The account of `role` that acts for this dossier (`inScope`), or one of the same role that does not. */
export function actorOf(world: World, role: Role, inScope = true): Actor {
  const tag = inScope ? "" : "-ngoai"
  switch (role) {
    case "citizen":
      return account(inScope ? world.applicantId : "022090009999", role, {})
    case "post-office-agent":
      return account(`bd${tag}`, role, { intakePointIds: [inScope ? world.postPointId : "bd-khac"] })
    case "system":
      return account("system", role, {})
    case "counter-officer":
      return inScope
        ? account("cb-tn-01", role, { unitCodes: [world.unitCode], intakePointIds: [world.intakePointId] })
        : account("cb-tn-99", role, { unitCodes: ["06688"], intakePointIds: ["ttpvhcc-06688"] })
    case "inter-agency":
      return account(`lt${tag}`, role, { agencyCodes: [inScope ? world.partnerAgencyCode : world.foreignAgencyCode] })
    default:
      return account(`${role}${tag}`, role, { agencyCodes: [inScope ? world.agencyCode : world.foreignAgencyCode] })
  }
}

/** Where a dossier filed through `channel` is taken in (online filings have no intake point). */
export function intakePointOf(world: World, channel: Channel): string | undefined {
  return channel === "online" ? undefined : channel === "post" ? world.postPointId : world.intakePointId
}
