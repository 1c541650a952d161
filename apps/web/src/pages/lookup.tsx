// Public lookup by dossier code: the status and dates anyone may see, no personal data (the API answers only those).
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router"
import { api } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { DossierStatus, ErrorNote, Loading } from "../ui.tsx"

export default function LookupPage() {
  const { code } = useParams()
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [text, setText] = useState(code ?? "")
  const status = useQuery({
    queryKey: ["lookup", code],
    enabled: code !== undefined,
    queryFn: async () => {
      const { data, error, response } = await api.GET("/api/v1/lookup/{code}", {
        params: { path: { code: code ?? "" } },
      })
      if (response.status === 404) return null
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() !== "") navigate(`/tra-cuu/${encodeURIComponent(text.trim())}`)
  }
  const s = status.data
  return (
    <section aria-labelledby="lookup-heading">
      <h1 id="lookup-heading">{t("lookup.heading")}</h1>
      <form className="search" onSubmit={submit}>
        <label htmlFor="code">{t("lookup.label")}</label>
        <input id="code" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        <button type="submit">{t("lookup.submit")}</button>
      </form>
      {status.isLoading && <Loading />}
      {status.isError && <ErrorNote error={status.error} />}
      {s === null && <p role="status">{t("lookup.notFound")}</p>}
      {s !== null && s !== undefined && (
        <dl className="facts" data-testid="lookup-result">
          <dt>{t("lookup.status")}</dt>
          <dd>
            <DossierStatus code={s.statusCode} label={s.statusLabel} />
          </dd>
          <dt>{t("dossier.procedure")}</dt>
          <dd>{s.procedureName}</dd>
          <dt>{t("lookup.agency")}</dt>
          <dd>{s.agencyName}</dd>
          <dt>{t("lookup.official")}</dt>
          <dd>{s.responsibleOfficial?.title ?? "—"}</dd>
          <dt>{t("lookup.received")}</dt>
          <dd>{formatInstant(s.receivedAt, i18n.language)}</dd>
          <dt>{t("lookup.appointment")}</dt>
          <dd>{formatInstant(s.appointmentAt, i18n.language)}</dd>
          <dt>{t("lookup.returned")}</dt>
          <dd>{formatInstant(s.returnedAt, i18n.language)}</dd>
        </dl>
      )}
    </section>
  )
}
