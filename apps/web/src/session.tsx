// Who is using the pages: an officer signed in with a local account (the API's session, read back from
// GET /api/v1/session), a citizen with a token, or nobody.
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { createContext, type ReactNode, useContext } from "react"
import { api, citizenToken, type Schemas } from "./api/client.ts"

export interface Me {
  readonly principal: Schemas["Principal"] | undefined
  readonly isOfficer: boolean
  readonly isCitizen: boolean
  /** A post office agent (the agent's desk). */
  readonly isAgent: boolean
  /** Leaders, centre and province administrators and auditors: the dashboards. */
  readonly seesReports: boolean
  /** Auditors and administrators: a dossier's audit trail. */
  readonly readsAudit: boolean
  /** The intake points the account takes dossiers in at (counter officers, post office agents). */
  readonly intakePointIds: ReadonlyArray<string>
  /** The centres whose payments the account keeps (counter officers) or heads (centre administrators). */
  readonly paymentCentreIds: ReadonlyArray<string>
  /** Staff who read the petitions of their scope (and, for most of them, handle them). */
  readonly readsPetitions: boolean
  /** Staff who get due-soon and overdue notices (the policy's sla.read). */
  readonly readsSla: boolean
  /** The province administrator: the outbox and the national portal sync. */
  readonly managesOutbox: boolean
  /** Staff who take papers in for a dossier: record a digitised paper, scanned or uploaded (the policy's dossier.digitise). */
  readonly digitises: boolean
  readonly refresh: () => Promise<void>
}

/** The roles the API's report is for (the policy's report.read). */
const REPORT_ROLES = ["unit-leader", "authority-leader", "centre-admin", "province-admin", "auditor"]

/** The roles that read a dossier's audit trail (the policy's dossier.readAudit). */
const AUDIT_ROLES = ["auditor", "centre-admin", "province-admin"]

/** The roles that keep a centre's payments ledger (the policy's payment.ledger). */
const LEDGER_ROLES = ["counter-officer", "centre-admin"]

/** The roles that read petitions (the policy's petition.read; citizens read their own on their own pages). */
const PETITION_ROLES = [
  "counter-officer",
  "specialist",
  "unit-leader",
  "authority-leader",
  "centre-admin",
  "province-admin",
  "auditor",
]

/** The roles that get service-level notices (the policy's sla.read). */
const SLA_ROLES = [
  "counter-officer",
  "specialist",
  "unit-leader",
  "authority-leader",
  "clerk",
  "inter-agency",
  "centre-admin",
  "province-admin",
]

/** The staff roles that record a dossier's digitised papers (the policy's dossier.digitise; citizens: their own). */
const DIGITISE_ROLES = ["counter-officer", "post-office-agent"]

const MeContext = createContext<Me | undefined>(undefined)

export function MeProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient()
  const session = useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      const { data, response } = await api.GET("/api/v1/session")
      if (response.status === 401) return null
      return data ?? null
    },
    retry: false,
  })
  const principal = session.data ?? undefined
  const roles = principal?.roles ?? []
  const intake = roles.includes("counter-officer") || roles.includes("post-office-agent")
  const scope = (principal?.scope ?? {}) as { readonly intakePointIds?: ReadonlyArray<string> }
  const value: Me = {
    principal,
    isCitizen: roles.includes("citizen"),
    isOfficer: principal !== undefined && !roles.includes("citizen"),
    isAgent: roles.includes("post-office-agent"),
    seesReports: REPORT_ROLES.some((r) => roles.includes(r)),
    readsAudit: AUDIT_ROLES.some((r) => roles.includes(r)),
    intakePointIds: intake ? (scope.intakePointIds ?? []) : [],
    paymentCentreIds: LEDGER_ROLES.some((r) => roles.includes(r)) ? (scope.intakePointIds ?? []) : [],
    readsPetitions: PETITION_ROLES.some((r) => roles.includes(r)),
    readsSla: SLA_ROLES.some((r) => roles.includes(r)),
    managesOutbox: roles.includes("province-admin"),
    digitises: DIGITISE_ROLES.some((r) => roles.includes(r)),
    refresh: () => client.invalidateQueries({ queryKey: ["session"] }),
  }
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>
}

export function useMe(): Me {
  const me = useContext(MeContext)
  if (me === undefined) throw new Error("useMe outside MeProvider")
  return me
}

export async function signOut(): Promise<void> {
  if (citizenToken.get() !== null) citizenToken.clear()
  else await api.POST("/api/v1/session/sign-out")
}
