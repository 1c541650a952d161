// The typed API client: openapi-fetch over the types generated from the API's OpenAPI document (schema.ts).
// Officers are authenticated by the session cookie the API sets at sign-in; every unsafe request echoes the CSRF
// token from the readable `motcua_csrf` cookie. Citizens (demo tokens now, the national e-ID later) send a bearer
// token kept in sessionStorage for the tab's life.
import createClient, { type Middleware } from "openapi-fetch"
import type { components, paths } from "./schema.ts"

export type Schemas = components["schemas"]
export type Problem = Schemas["Problem"]

const CITIZEN_TOKEN = "motcua.citizenToken"
const SAFE = new Set(["GET", "HEAD", "OPTIONS"])

export const citizenToken = {
  get: (): string | null => sessionStorage.getItem(CITIZEN_TOKEN),
  set: (token: string) => sessionStorage.setItem(CITIZEN_TOKEN, token),
  clear: () => sessionStorage.removeItem(CITIZEN_TOKEN),
}

function cookie(name: string): string | undefined {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`))
  return entry === undefined ? undefined : decodeURIComponent(entry.slice(name.length + 1))
}

const credentials: Middleware = {
  onRequest({ request }) {
    const token = citizenToken.get()
    if (token !== null) request.headers.set("authorization", `Bearer ${token}`)
    else if (!SAFE.has(request.method)) {
      const csrf = cookie("motcua_csrf")
      if (csrf !== undefined) request.headers.set("x-csrf-token", csrf)
    }
    return request
  },
}

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? "", credentials: "same-origin" })
api.use(credentials)

/** The problem's detail (Vietnamese first, as the API writes it) and each invalid field, for showing to a person. */
export function problemText(error: unknown): string {
  if (error !== null && typeof error === "object" && "detail" in error) {
    const problem = error as Problem
    const fields = (problem.errors ?? []).map((e) => `${e.path}: ${e.message}`)
    return [problem.detail ?? problem.title, ...fields].filter(Boolean).join("\n")
  }
  return String(error)
}
