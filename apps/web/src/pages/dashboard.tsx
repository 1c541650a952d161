// The leaders' dashboard: dossiers received, resolved and resolved on time per unit, field and month of receipt, as
// charts (Apache ECharts, loaded with this page only) with the same numbers in tables, from GET
// /api/v1/reports/dossiers (what the caller's scope reaches). Period filters; a unit or field narrows the others.
// The Decision 766 index has its own page (index766.tsx), linked from here; the province administrator also sees the
// outbox and the national portal sync's health (outbox.tsx, loaded for that role only).
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, lazy, Suspense, useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"

const OutboxHealth = lazy(() => import("./outbox.tsx"))

type Report = Schemas["DossierReport"]
interface Row {
  readonly key: string
  readonly label: string
  readonly received: number
  readonly resolved: number
  readonly early: number
  readonly onTime: number
  readonly late: number
  readonly onTimeRate: number | null
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`)

export default function DashboardPage() {
  const { t } = useTranslation()
  const me = useMe()
  const [filters, setFilters] = useState({ from: "", to: "", unitCode: "", fieldCode: "" })
  const [draft, setDraft] = useState(filters)
  const report = useQuery({
    queryKey: ["report", filters],
    queryFn: async () => {
      const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ""))
      const { data, error } = await api.GET("/api/v1/reports/dossiers", { params: { query } })
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setFilters(draft)
  }
  const r = report.data
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">{t("dashboard.heading")}</h1>
      <form className="filters panel" onSubmit={submit}>
        <div>
          <label htmlFor="report-from">{t("dashboard.from")}</label>
          <input
            id="report-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="report-to">{t("dashboard.to")}</label>
          <input
            id="report-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="report-unit">{t("dashboard.unit")}</label>
          <select
            id="report-unit"
            value={draft.unitCode}
            onChange={(e) => setDraft({ ...draft, unitCode: e.target.value })}
          >
            <option value="">{t("dashboard.all")}</option>
            {r?.byUnit.map((u) => (
              <option key={u.key} value={u.key}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="report-field">{t("dashboard.field")}</label>
          <select
            id="report-field"
            value={draft.fieldCode}
            onChange={(e) => setDraft({ ...draft, fieldCode: e.target.value })}
          >
            <option value="">{t("dashboard.all")}</option>
            {r?.byField.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("dashboard.apply")}</button>
      </form>
      {report.isPending && <Loading />}
      {report.isError && <ErrorNote error={report.error} />}
      {r !== undefined && <ReportView report={r} />}
      <section aria-labelledby="index-heading" className="panel">
        <h2 id="index-heading">{t("dashboard.indexHeading")}</h2>
        <p>{t("index.fromDashboard")}</p>
        <Link to="/lanh-dao/chi-so">{t("officerNav.index")}</Link>
      </section>
      {me.managesOutbox && (
        <Suspense fallback={<Loading />}>
          <OutboxHealth />
        </Suspense>
      )}
    </section>
  )
}

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation()
  const byMonth: Row[] = report.byMonth.map((m) => ({ ...m, key: m.month, label: m.month }))
  return (
    <>
      <dl className="facts" data-testid="report-summary">
        <dt>{t("dashboard.total")}</dt>
        <dd>{report.total}</dd>
        <dt>{t("dashboard.onTimeRate")}</dt>
        <dd>{percent(report.timeliness.onTimeRate)}</dd>
      </dl>
      <Breakdown id="unit" title={t("dashboard.byUnit")} rows={report.byUnit} />
      <Breakdown id="field" title={t("dashboard.byField")} rows={report.byField} />
      <Breakdown id="month" title={t("dashboard.byMonth")} rows={byMonth} />
    </>
  )
}

function Breakdown({ id, title, rows }: { id: string; title: string; rows: ReadonlyArray<Row> }) {
  const { t } = useTranslation()
  const chart = useRef<HTMLDivElement>(null)
  const [drawn, setDrawn] = useState(false)
  useEffect(() => {
    let live = true
    let handle: { dispose: () => void } | undefined
    void import("../charts.ts").then(({ drawBars }) => {
      if (!live || chart.current === null) return
      handle = drawBars(chart.current, {
        categories: rows.map((r) => r.label),
        series: [
          { name: t("dashboard.received"), values: rows.map((r) => r.received) },
          { name: t("dashboard.resolved"), values: rows.map((r) => r.resolved) },
          { name: t("dashboard.onTime"), values: rows.map((r) => r.early + r.onTime) },
        ],
      })
      setDrawn(true)
    })
    return () => {
      live = false
      handle?.dispose()
    }
  }, [rows, t])
  return (
    <section aria-labelledby={`chart-${id}`} className="breakdown">
      <h2 id={`chart-${id}`}>{title}</h2>
      <div
        ref={chart}
        className="chart"
        role="img"
        aria-label={t("dashboard.chartLabel", { title })}
        data-testid={`chart-${id}`}
        data-drawn={drawn}
      />
      <table>
        <caption>{t("dashboard.tableOf", { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.name")}</th>
            <th scope="col">{t("dashboard.received")}</th>
            <th scope="col">{t("dashboard.resolved")}</th>
            <th scope="col">{t("dashboard.onTime")}</th>
            <th scope="col">{t("dashboard.late")}</th>
            <th scope="col">{t("dashboard.onTimeRate")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.received}</td>
              <td>{row.resolved}</td>
              <td>{row.early + row.onTime}</td>
              <td>{row.late}</td>
              <td>{percent(row.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
