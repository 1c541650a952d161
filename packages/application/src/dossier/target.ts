// From principals and dossiers to what the policy and the machine need.
import type { Actor, DossierContext, Role } from "@motcua/domain"
import type { PolicyTarget } from "../authorization/policy.ts"
import type { AppRole, Principal } from "../authorization/principal.ts"
import { openStep } from "./summary.ts"

/** The policy's view of a dossier: its authority, unit, intake point, the authority holding it, its owners. */
export function targetOf(context: DossierContext): PolicyTarget {
  const holder = openStep(context)?.agencyCode
  return {
    agencyCode: context.agencyCode,
    ...(context.unitCode === undefined ? {} : { unitCode: context.unitCode }),
    ...(context.intakePointId === undefined ? {} : { intakePointId: context.intakePointId }),
    ...(holder === undefined ? {} : { holderAgencyCode: holder }),
    ownerIds: [context.filedBy.id, context.applicant.id],
  }
}

/** The machine role an application role acts as (an integration client is the machine's `system`). */
export function machineRole(role: AppRole): Role | undefined {
  switch (role) {
    case "integration-client":
      return "system"
    case "centre-admin":
    case "province-admin":
    case "auditor":
      return undefined
    default:
      return role
  }
}

/** The machine's actor for a principal acting in `role`. */
export function actorOf(principal: Principal, role: Role): Actor {
  const scope = principal.scope
  switch (scope._tag) {
    case "Staff":
      return {
        id: principal.id,
        role,
        agencyCodes: [...scope.agencyCodes],
        unitCodes: [...scope.unitCodes],
        intakePointIds: [...scope.intakePointIds],
      }
    case "Citizen":
      return { id: scope.citizenId, role, agencyCodes: [], unitCodes: [], intakePointIds: [] }
    case "Integration":
      return { id: principal.id, role, agencyCodes: [], unitCodes: [], intakePointIds: [] }
  }
}
