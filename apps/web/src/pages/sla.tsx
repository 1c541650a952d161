// Service-level notices for staff (GET /api/v1/sla/notices: a step or a dossier due soon or overdue, for the step's
// holder, the unit's leader when overdue), and for leaders and administrators the overdue dossiers that have no
// apology letter with a new appointment yet (GET /api/v1/sla/overdue), which the law requires: each links to the
// dossier, where "extend with apology" is one of its actions.
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { useMe } from "../session.tsx"
import { DossierStatus, ErrorNote, Loading } from "../ui.tsx"

/** Who reads the list of overdue dossiers without an apology (leaders and administrators). */
const OVERDUE_ROLES = ["unit-leader", "authority-leader", "centre-admin", "province-admin"]

export default function SlaPage() {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const readsOverdue = OVERDUE_ROLES.some((r) => me.principal?.roles.includes(r))
  const notices = useQuery({
    queryKey: ["sla-notices"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/sla/notices", { params: { query: {} } })
      if (error !== undefined) throw error
      return data.items
    },
  })
  const overdue = useQuery({
    queryKey: ["sla-overdue"],
    enabled: readsOverdue,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/sla/overdue", { params: { query: {} } })
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby="sla-heading">
      <h1 id="sla-heading">{t("sla.heading")}</h1>
      {readsOverdue && (
        <section aria-labelledby="overdue-heading" className="panel">
          <h2 id="overdue-heading">{t("sla.overdueHeading")}</h2>
          <p className="muted">{t("sla.overdueHint")}</p>
          {overdue.isPending && <Loading />}
          {overdue.isError && <ErrorNote error={overdue.error} />}
          {overdue.data?.length === 0 && <p>{t("sla.noOverdue")}</p>}
          {overdue.data !== undefined && overdue.data.length > 0 && (
            <table className="queue" data-testid="sla-overdue">
              <caption>{t("sla.overdueCount", { count: overdue.data.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("queue.code")}</th>
                  <th scope="col">{t("queue.procedure")}</th>
                  <th scope="col">{t("queue.state")}</th>
                  <th scope="col">{t("dossier.appointment")}</th>
                  <th scope="col">{t("sla.noticedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.data.map((d) => (
                  <tr key={d.code}>
                    <td>
                      <Link to={`/ho-so/${d.code}`}>{d.code}</Link>
                    </td>
                    <td>{d.procedureCode}</td>
                    <td>
                      <DossierStatus code={d.statusCode} />
                    </td>
                    <td className="due due-late">{formatInstant(d.appointmentAt, i18n.language)}</td>
                    <td>{formatInstant(d.noticedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">{t("sla.noticesHeading")}</h2>
        {notices.isPending && <Loading />}
        {notices.isError && <ErrorNote error={notices.error} />}
        {notices.data?.length === 0 && <p>{t("sla.noNotices")}</p>}
        {notices.data !== undefined && notices.data.length > 0 && (
          <table className="queue" data-testid="sla-notices">
            <caption>{t("sla.noticesCount", { count: notices.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("queue.code")}</th>
                <th scope="col">{t("sla.what")}</th>
                <th scope="col">{t("sla.threshold")}</th>
                <th scope="col">{t("queue.due")}</th>
                <th scope="col">{t("dossier.role")}</th>
                <th scope="col">{t("sla.at")}</th>
              </tr>
            </thead>
            <tbody>
              {notices.data.map((n) => (
                <tr key={`${n.dossierCode}-${n.stepId ?? "dossier"}-${n.threshold}-${n.at}`}>
                  <td>
                    <Link to={`/ho-so/${n.dossierCode}`}>{n.dossierCode}</Link>
                  </td>
                  <td>{n.subject === "step" ? t("sla.step") : t("sla.dossier")}</td>
                  <td className={`due ${n.threshold === "overdue" ? "due-late" : "due-soon"}`}>
                    {n.threshold === "overdue" ? t("sla.overdue") : t("sla.dueSoon")}
                  </td>
                  <td>{formatInstant(n.dueAt, i18n.language)}</td>
                  <td>{t(`role.${n.role}`, { defaultValue: n.role })}</td>
                  <td>{formatInstant(n.at, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}
