// The desk of an intake point's staff, a post office agent first: the dossiers the point took in on citizens' behalf
// (GET /api/v1/intake-points/{id}/dossiers), the results waiting to be handed back, those waiting for a supplement,
// and the way to take a new one in. Home pick-up and delivery by post are registered on each dossier's page.
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { useMe } from "../session.tsx"
import { DossierStatus, ErrorNote, Loading } from "../ui.tsx"

type Row = Schemas["IntakePointDossiers"]["items"][number]

export default function AgentPage() {
  const { t } = useTranslation()
  const me = useMe()
  const navigate = useNavigate()
  const [procedure, setProcedure] = useState("")
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (procedure.trim() !== "") navigate(`/thu-tuc/${encodeURIComponent(procedure.trim())}/nop`)
  }
  return (
    <section aria-labelledby="agent-heading">
      <h1 id="agent-heading">{t("agent.heading")}</h1>
      <form className="search panel" onSubmit={submit}>
        <h2>{t("agent.intake")}</h2>
        <label htmlFor="agent-procedure">{t("agent.procedureCode")}</label>
        <input id="agent-procedure" value={procedure} onChange={(e) => setProcedure(e.target.value)} required />
        <button type="submit">{t("agent.start")}</button>
        <p className="muted">
          {t("agent.findHint")} <Link to="/">{t("nav.procedures")}</Link>
        </p>
      </form>
      {me.intakePointIds.map((id) => (
        <IntakePointDossiers key={id} intakePointId={id} />
      ))}
    </section>
  )
}

function IntakePointDossiers({ intakePointId }: { intakePointId: string }) {
  const { t } = useTranslation()
  const list = useQuery({
    queryKey: ["intake-point-dossiers", intakePointId],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/intake-points/{intakePointId}/dossiers", {
        params: { path: { intakePointId } },
      })
      if (error !== undefined) throw error
      return data.items
    },
  })
  if (list.isPending) return <Loading />
  if (list.isError) return <ErrorNote error={list.error} />
  const rows = list.data
  const toReturn = rows.filter((r) => r.summary.state === "processed")
  const waiting = rows.filter((r) => r.summary.statusCode === 5)
  return (
    <>
      <h2 id={`return-${intakePointId}`}>{t("agent.toReturn", { count: toReturn.length })}</h2>
      <DossierTable rows={toReturn} labelledBy={`return-${intakePointId}`} testId="agent-to-return" />
      <h2 id={`waiting-${intakePointId}`}>{t("agent.waiting", { count: waiting.length })}</h2>
      <DossierTable rows={waiting} labelledBy={`waiting-${intakePointId}`} testId="agent-waiting" />
      <h2 id={`all-${intakePointId}`}>{t("agent.all", { count: rows.length })}</h2>
      <DossierTable rows={rows} labelledBy={`all-${intakePointId}`} testId="agent-all" />
    </>
  )
}

function DossierTable({ rows, labelledBy, testId }: { rows: ReadonlyArray<Row>; labelledBy: string; testId: string }) {
  const { t, i18n } = useTranslation()
  if (rows.length === 0) return <p>{t("agent.none")}</p>
  return (
    <table className="queue" aria-labelledby={labelledBy} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t("queue.code")}</th>
          <th scope="col">{t("queue.procedure")}</th>
          <th scope="col">{t("queue.state")}</th>
          <th scope="col">{t("dossier.appointment")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code}>
            <td>
              <Link to={`/ho-so/${row.code}`}>{row.code}</Link>
            </td>
            <td>{row.summary.procedureCode}</td>
            <td>
              <DossierStatus code={row.summary.statusCode} />
            </td>
            <td>{formatInstant(row.summary.appointmentAt, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
