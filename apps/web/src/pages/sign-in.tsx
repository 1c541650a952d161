// Signing in: officers with their local account (the API sets the session cookie and the CSRF cookie); citizens with
// the national e-ID (VNeID: the browser goes to the API's OpenID route, then to the provider, and comes back signed in
// with a session like an officer's), or with a development token when the server accepts them (demos). The page
// offers only what the server says it takes (GET /api/v1/auth/options).
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate, useSearchParams } from "react-router"
import { api, citizenToken } from "../api/client.ts"
import { useMe } from "../session.tsx"
import { ErrorNote } from "../ui.tsx"

export default function SignInPage() {
  const { t } = useTranslation()
  const me = useMe()
  const navigate = useNavigate()
  const [username, setUsername] = useState("")
  const [password, setPassword] = useState("")
  const [token, setToken] = useState("")
  const [error, setError] = useState<unknown>()
  const [search] = useSearchParams()
  // where to come back after the e-ID's round trip: a page of this site only (the API checks it again)
  const back = search.get("tiep") ?? ""
  const returnTo = /^\/(?![/\\])/.test(back) ? back : "/ca-nhan/ho-so"
  const options = useQuery({
    queryKey: ["sign-in-options"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/auth/options")
      if (error !== undefined) throw error
      return data
    },
  })

  const officer = async (event: FormEvent) => {
    event.preventDefault()
    citizenToken.clear()
    const { data, error } = await api.POST("/api/v1/session", { body: { username, password } })
    if (error !== undefined) return setError(error)
    await me.refresh()
    navigate(data.principal.roles.includes("post-office-agent") ? "/diem-tiep-nhan" : "/can-bo/ho-so")
  }
  const citizen = async (event: FormEvent) => {
    event.preventDefault()
    citizenToken.set(token.trim())
    const { error } = await api.GET("/api/v1/session")
    if (error !== undefined) {
      citizenToken.clear()
      return setError(error)
    }
    await me.refresh()
    navigate("/ca-nhan/ho-so")
  }
  return (
    <section aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t("signIn.heading")}</h1>
      {error !== undefined && <ErrorNote error={error} title={t("signIn.failed")} />}
      <div className="columns">
        <form onSubmit={officer} aria-labelledby="officer-heading" className="panel">
          <h2 id="officer-heading">{t("signIn.officer")}</h2>
          <label htmlFor="username">{t("signIn.username")}</label>
          <input
            id="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
          <label htmlFor="password">{t("signIn.password")}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <button type="submit">{t("signIn.submit")}</button>
        </form>
        <section aria-labelledby="citizen-heading" className="panel">
          <h2 id="citizen-heading">{t("signIn.citizen")}</h2>
          <p>{t("citizen.eid.intro")}</p>
          {options.data?.eid === true ? (
            <a
              className="button"
              data-testid="eid-sign-in"
              href={`/api/v1/auth/eid/start?returnTo=${encodeURIComponent(returnTo)}`}
              onClick={() => citizenToken.clear()}
            >
              {t("citizen.eid.button")}
            </a>
          ) : (
            options.data !== undefined && <p className="muted">{t("citizen.eid.unavailable")}</p>
          )}
          {options.data?.citizenTokens === true && (
            <form onSubmit={citizen} aria-label={t("citizen.eid.demo")}>
              <label htmlFor="token">{t("signIn.citizenToken")}</label>
              <input id="token" value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="off" />
              <button type="submit">{t("signIn.citizenSubmit")}</button>
            </form>
          )}
        </section>
      </div>
    </section>
  )
}
