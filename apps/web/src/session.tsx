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
  readonly refresh: () => Promise<void>
}

/** The roles the API's report is for (the policy's report.read). */
const REPORT_ROLES = ["unit-leader", "authority-leader", "centre-admin", "province-admin", "auditor"]

/** The roles that read a dossier's audit trail (the policy's dossier.readAudit). */
const AUDIT_ROLES = ["auditor", "centre-admin", "province-admin"]

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
