// Who is using the pages: an officer signed in with a local account (the API's session, read back from
// GET /api/v1/session), a citizen with a token, or nobody.
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { createContext, type ReactNode, useContext } from "react"
import { api, citizenToken, type Schemas } from "./api/client.ts"

export interface Me {
  readonly principal: Schemas["Principal"] | undefined
  readonly isOfficer: boolean
  readonly isCitizen: boolean
  readonly refresh: () => Promise<void>
}

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
  const value: Me = {
    principal,
    isCitizen: roles.includes("citizen"),
    isOfficer: principal !== undefined && !roles.includes("citizen"),
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
