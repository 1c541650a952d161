// The citizen's own dossiers (those they are the applicant of, and those they filed for someone), newest first,
// each with its status; and a dossier opened by the code on its receipt.
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router"
import { api } from "../api/client.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { DossierStatus, ErrorNote, Loading } from "../ui.tsx"

export default function MinePage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [code, setCode] = useState("")
  const mine = useQuery({
    queryKey: ["my-dossiers"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers")
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (code.trim() !== "") navigate(`/ho-so/${encodeURIComponent(code.trim())}`)
  }
  return (
    <section aria-labelledby="mine-heading">
      <h1 id="mine-heading">{t("mine.heading")}</h1>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorNote error={mine.error} />}
      {mine.data !== undefined && mine.data.items.length === 0 && <p>{t("mine.none")}</p>}
      {mine.data !== undefined && mine.data.items.length > 0 && (
        <table className="queue" data-testid="my-dossiers">
          <thead>
            <tr>
              <th scope="col">{t("queue.code")}</th>
              <th scope="col">{t("queue.procedure")}</th>
              <th scope="col">{t("queue.state")}</th>
              <th scope="col">{t("dossier.appointment")}</th>
              <th scope="col">{t("dossier.fee")}</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.items.map((item) => (
              <tr key={item.code}>
                <td>
                  <Link to={`/ho-so/${item.code}`}>{item.code}</Link>
                </td>
                <td>{item.summary.procedureCode}</td>
                <td>
                  <DossierStatus code={item.summary.statusCode} />
                </td>
                <td>{formatInstant(item.summary.appointmentAt, i18n.language)}</td>
                <td>{formatMoney(item.summary.feeTotal, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="search" onSubmit={submit}>
        <label htmlFor="mine-code">{t("mine.byCode")}</label>
        <input id="mine-code" value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="submit">{t("mine.open")}</button>
      </form>
    </section>
  )
}
