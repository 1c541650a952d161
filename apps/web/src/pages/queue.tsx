// The officer's work queue for each of their roles (and, when it spans several, each commune-level unit), soonest
// due first, time left coloured (late, within a day, later) in text as well as colour.
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api } from "../api/client.ts"
import { formatInstant, formatMoney, timeLeft } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"

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
  const now = new Date()
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
              const left = item.summary.dueAt === null ? undefined : timeLeft(item.summary.dueAt, now)
              const tone = left === undefined ? "none" : left.overdue ? "late" : left.hours < 24 ? "soon" : "ok"
              return (
                <tr key={item.code}>
                  <td>
                    <Link to={`/ho-so/${item.code}`}>{item.code}</Link>
                  </td>
                  <td>{item.summary.procedureCode}</td>
                  <td>
                    <span className="badge" data-status={item.summary.statusCode}>
                      {item.summary.statusCode}
                    </span>{" "}
                    {t(`status.${item.summary.statusCode}`)}
                  </td>
                  <td>{formatInstant(item.summary.dueAt, i18n.language)}</td>
                  <td className={`due due-${tone}`}>
                    {left === undefined
                      ? t("queue.noDue")
                      : left.overdue
                        ? t("queue.overdue", { time: left.text })
                        : t("queue.left", { time: left.text })}
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
