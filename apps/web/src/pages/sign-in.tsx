// Signing in: officers with their local account (the API sets the session cookie and the CSRF cookie); citizens with
// a token from the identity provider (the demo citizens' tokens while the national e-ID is not configured).
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router"
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
        <form onSubmit={citizen} aria-labelledby="citizen-heading" className="panel">
          <h2 id="citizen-heading">{t("signIn.citizen")}</h2>
          <label htmlFor="token">{t("signIn.citizenToken")}</label>
          <input id="token" value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="off" />
          <button type="submit">{t("signIn.citizenSubmit")}</button>
        </form>
      </div>
    </section>
  )
}
