// The officer's work queue for each of their roles (and, when it spans several, each commune-level unit), soonest
// due first, the working time left (counted by the API on the centre's calendar) coloured (overdue, due soon within
// the deployment's warning window, on track) in text as well as colour.
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api } from "../api/client.ts"
import { formatInstant, formatMoney, workingTimeText } from "../format.ts"
import { useMe } from "../session.tsx"
import { DossierStatus, ErrorNote, Loading } from "../ui.tsx"

type Role = "counter-officer" | "specialist" | "unit-leader" | "authority-leader" | "auditor" | "province-admin"
const QUEUE_ROLES: ReadonlyArray<Role> = ["counter-officer", "specialist", "unit-leader", "authority-leader"]

export default function QueuePage() {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const roles = QUEUE_ROLES.filter((r) => me.principal?.roles.includes(r))
  const [chosen, setChosen] = useState<Role | undefined>()
  const [unit, setUnit] = useState("")
  const role = chosen ?? roles[0]
  const queue = useQuery({
    queryKey: ["work-queue", role],
    enabled: role !== undefined,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/work-queue", { params: { query: { role: role as Role } } })
      if (error !== undefined) throw error
      return data
    },
  })
  const units = useQuery({
    queryKey: ["units"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/units")
      if (error !== undefined) throw error
      return data
    },
  })
  const unitName = new Map((units.data?.items ?? []).map((u) => [u.code, u.name]))
  const unitsInQueue = [...new Set((queue.data?.items ?? []).flatMap((i) => i.summary.unitCode ?? []))]
  const items = [...(queue.data?.items ?? [])]
    .filter((i) => unit === "" || i.summary.unitCode === unit)
    .sort(
      (a, b) =>
        (a.summary.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(a.summary.dueAt)) -
        (b.summary.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(b.summary.dueAt)),
    )
  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">{t("queue.heading")}</h1>
      {roles.length > 1 && (
        <div role="tablist" aria-label={t("dossier.role")}>
          {roles.map((r) => (
            <button key={r} type="button" role="tab" aria-selected={r === role} onClick={() => setChosen(r)}>
              {t(`role.${r}`)}
            </button>
          ))}
        </div>
      )}
      {unitsInQueue.length > 1 && (
        <div className="search">
          <label htmlFor="queue-unit">{t("queue.unit")}</label>
          <select id="queue-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{t("queue.allUnits")}</option>
            {unitsInQueue.map((code) => (
              <option key={code} value={code}>
                {unitName.get(code) ?? code}
              </option>
            ))}
          </select>
        </div>
      )}
      {queue.isLoading && <Loading />}
      {queue.isError && <ErrorNote error={queue.error} />}
      {queue.data !== undefined && items.length === 0 && <p>{t("queue.empty")}</p>}
      {items.length > 0 && (
        <table className="queue">
          <thead>
            <tr>
              <th scope="col">{t("queue.code")}</th>
              <th scope="col">{t("queue.procedure")}</th>
              <th scope="col">{t("queue.state")}</th>
              <th scope="col">{t("queue.due")}</th>
              <th scope="col">{t("queue.timeLeft")}</th>
              <th scope="col">{t("dossier.fee")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const left = item.timeLeft
              const tone =
                left === null
                  ? "none"
                  : left.standing === "overdue"
                    ? "late"
                    : left.standing === "due-soon"
                      ? "soon"
                      : "ok"
              return (
                <tr key={item.code}>
                  <td>
                    <Link to={`/ho-so/${item.code}`}>{item.code}</Link>
                  </td>
                  <td>{item.summary.procedureCode}</td>
                  <td>
                    <DossierStatus code={item.summary.statusCode} />
                  </td>
                  <td>{formatInstant(item.summary.dueAt, i18n.language)}</td>
                  <td className={`due due-${tone}`}>
                    {left === null
                      ? t("queue.noDue")
                      : left.standing === "overdue"
                        ? t("queue.overdue", { time: workingTimeText(left.minutes) })
                        : t("queue.left", { time: workingTimeText(left.minutes) })}
                  </td>
                  <td>{formatMoney(item.summary.feeTotal, i18n.language)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
