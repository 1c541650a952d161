// The Decision 766 service-quality index for leaders, centre and province administrators and auditors (GET
// /api/v1/reports/index): for a month, quarter or year, the six groups and each indicator's numerator, denominator,
// ratio and score of the caller's scope, the same per handling unit, and the dossiers behind a number (GET
// …/reports/index/dossiers) for the indicators that have a list. Scores are the API's (docs/indicators.md); the
// page only shows them.
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { ErrorNote, Loading } from "../ui.tsx"

type ScopeIndex = Schemas["ScopeIndex"]
type Indicator = ScopeIndex["index"]["groups"][number]["indicators"][number]

/** The lists of dossiers behind an indicator's number (the API's `which`), by indicator. */
export const DRILL_DOWNS: Readonly<Record<string, string>> = {
  "1.4": "unsynced",
  "2.1": "late",
  "3.3": "not-online",
  "3.6": "not-paid-online",
  "4.1": "no-electronic-result",
  "4.2": "not-digitised",
  "5.4": "complained",
}

/** This month in Vietnam, as the API's period. */
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7)

const number = (value: number, language: string) =>
  new Intl.NumberFormat(language === "en" ? "en-US" : "vi-VN", { maximumFractionDigits: 2 }).format(value)
const percent = (ratio: number | null, language: string) =>
  ratio === null
    ? "—"
    : new Intl.NumberFormat(language === "en" ? "en-US" : "vi-VN", {
        style: "percent",
        maximumFractionDigits: 1,
      }).format(ratio)

export default function IndexPage() {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState({ period: thisMonth(), unit: "" })
  const [draft, setDraft] = useState(query)
  const [drill, setDrill] = useState<{ which: string; indicator: string; unit: string; label: string }>()
  const report = useQuery({
    queryKey: ["index766", query],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/reports/index", {
        params: { query: { period: query.period, ...(query.unit === "" ? {} : { unit: query.unit }) } },
      })
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setDrill(undefined)
    setQuery({ period: draft.period.trim(), unit: draft.unit })
  }
  const r = report.data
  return (
    <section aria-labelledby="index-heading">
      <h1 id="index-heading">{t("index.heading")}</h1>
      <p className="muted">{t("index.intro")}</p>
      <form className="filters panel" onSubmit={submit}>
        <div>
          <label htmlFor="index-period">{t("index.period")}</label>
          <input
            id="index-period"
            value={draft.period}
            onChange={(e) => setDraft({ ...draft, period: e.target.value })}
            pattern="\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?"
            aria-describedby="index-period-hint"
            required
          />
          <small id="index-period-hint">{t("index.periodHint")}</small>
        </div>
        <div>
          <label htmlFor="index-unit">{t("index.unit")}</label>
          <select id="index-unit" value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value })}>
            <option value="">{t("index.wholeScope")}</option>
            {r?.units.map((u) => (
              <option key={u.key} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("index.show")}</button>
      </form>
      {report.isPending && <Loading />}
      {report.isError && <ErrorNote error={report.error} />}
      {r !== undefined && (
        <>
          <p data-testid="index-period">
            {t("index.periodShown", {
              label: r.period.label,
              from: r.period.from,
              to: r.period.to,
              generated: formatInstant(r.generatedAt, i18n.language),
            })}
          </p>
          <Scores
            scope={r.total}
            title={query.unit === "" ? t("index.scopeTotal") : r.total.name}
            onDrill={(indicator, which) =>
              setDrill({
                which,
                indicator,
                unit: query.unit,
                label: query.unit === "" ? t("index.scopeTotal") : r.total.name,
              })
            }
          />
          {drill !== undefined && <DrillDown period={query.period} {...drill} onClose={() => setDrill(undefined)} />}
          <UnitTable
            units={r.units}
            onPick={(code) => {
              setDraft({ ...draft, unit: code })
              setDrill(undefined)
              setQuery({ period: query.period, unit: code })
            }}
          />
          {r.notHeld.length > 0 && (
            <section aria-labelledby="not-held-heading">
              <h2 id="not-held-heading">{t("index.notHeld")}</h2>
              <ul>
                {r.notHeld.map((n) => (
                  <li key={n.id}>
                    <strong>{n.id}</strong>: <span lang="vi">{n.reason}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  )
}

function Scores({
  scope,
  title,
  onDrill,
}: {
  scope: ScopeIndex
  title: string
  onDrill: (indicator: string, which: string) => void
}) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === "en"
  return (
    <section aria-labelledby="scores-heading" data-testid="index-scores">
      <h2 id="scores-heading">
        {title}: <span data-testid="index-total">{number(scope.index.total, i18n.language)}</span> /{" "}
        {number(scope.index.max, i18n.language)} {t("index.points")}
      </h2>
      <ul className="plain groups" data-testid="index-groups">
        {scope.index.groups.map((g) => (
          <li key={g.id}>
            <strong>{en ? g.nameEn : g.name}</strong>: {number(g.score, i18n.language)} / {number(g.max, i18n.language)}
          </li>
        ))}
      </ul>
      {scope.index.groups.map((g) => (
        <table key={g.id} className="indicators" data-testid={`group-${g.id}`}>
          <caption>
            {en ? g.nameEn : g.name} — {number(g.score, i18n.language)} / {number(g.max, i18n.language)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("index.indicator")}</th>
              <th scope="col">{t("index.numerator")}</th>
              <th scope="col">{t("index.denominator")}</th>
              <th scope="col">{t("index.ratio")}</th>
              <th scope="col">{t("index.score")}</th>
              <th scope="col">{t("index.dossiers")}</th>
            </tr>
          </thead>
          <tbody>
            {g.indicators.map((s) => (
              <IndicatorRow key={s.id} score={s} onDrill={onDrill} />
            ))}
          </tbody>
        </table>
      ))}
    </section>
  )
}

function IndicatorRow({ score, onDrill }: { score: Indicator; onDrill: (indicator: string, which: string) => void }) {
  const { t, i18n } = useTranslation()
  const which = DRILL_DOWNS[score.id]
  return (
    <tr data-testid={`indicator-${score.id}`}>
      <th scope="row">
        {score.id} {i18n.language === "en" ? score.nameEn : score.name}
      </th>
      <td>{number(score.numerator, i18n.language)}</td>
      <td>{number(score.denominator, i18n.language)}</td>
      <td>{percent(score.ratio, i18n.language)}</td>
      <td>
        {score.tracked
          ? t("index.tracked")
          : `${number(score.score, i18n.language)} / ${number(score.max, i18n.language)}`}
      </td>
      <td>
        {which !== undefined && (
          <button
            type="button"
            className="link"
            onClick={() => onDrill(score.id, which)}
            aria-label={t("index.drillOf", { id: score.id, list: t(`index.which_${which}`) })}
          >
            {t(`index.which_${which}`)}
          </button>
        )}
      </td>
    </tr>
  )
}

function DrillDown({
  period,
  which,
  indicator,
  unit,
  label,
  onClose,
}: {
  period: string
  which: string
  indicator: string
  unit: string
  label: string
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const dossiers = useQuery({
    queryKey: ["index766-dossiers", period, which, unit],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/reports/index/dossiers", {
        params: {
          query: {
            period,
            which: which as "late",
            limit: "200",
            ...(unit === "" ? {} : { unit }),
          },
        },
      })
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby="drill-heading" className="panel" data-testid="index-drill">
      <h2 id="drill-heading">
        {t("index.drillHeading", { id: indicator, list: t(`index.which_${which}`), scope: label })}
      </h2>
      <button type="button" className="secondary" onClick={onClose}>
        {t("index.close")}
      </button>
      {dossiers.isPending && <Loading />}
      {dossiers.isError && <ErrorNote error={dossiers.error} />}
      {dossiers.data?.length === 0 && <p>{t("index.noDossiers")}</p>}
      {dossiers.data !== undefined && dossiers.data.length > 0 && (
        <table className="queue">
          <caption>{t("index.drillCount", { count: dossiers.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("queue.code")}</th>
              <th scope="col">{t("queue.procedure")}</th>
              <th scope="col">{t("index.channel")}</th>
              <th scope="col">{t("dossier.received")}</th>
              <th scope="col">{t("dossier.appointment")}</th>
              <th scope="col">{t("index.ended")}</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.data.map((d) => (
              <tr key={d.code}>
                <td>
                  <Link to={`/ho-so/${d.code}`}>{d.code}</Link>
                </td>
                <td>{d.procedureCode}</td>
                <td>{d.channel}</td>
                <td>{formatInstant(d.receivedAt, i18n.language)}</td>
                <td>{formatInstant(d.appointmentAt, i18n.language)}</td>
                <td>{formatInstant(d.endedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function UnitTable({ units, onPick }: { units: ReadonlyArray<ScopeIndex>; onPick: (code: string) => void }) {
  const { t, i18n } = useTranslation()
  if (units.length === 0) return null
  const groups = units[0]?.index.groups ?? []
  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading">{t("index.byUnit")}</h2>
      <table data-testid="index-units">
        <caption>{t("index.byUnitCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("index.unit")}</th>
            {groups.map((g) => (
              <th key={g.id} scope="col">
                {i18n.language === "en" ? g.nameEn : g.name}
              </th>
            ))}
            <th scope="col">{t("index.total")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.key}>
              <th scope="row">
                <button type="button" className="link" onClick={() => onPick(u.code)}>
                  {u.name}
                </button>
              </th>
              {u.index.groups.map((g) => (
                <td key={g.id}>{number(g.score, i18n.language)}</td>
              ))}
              <td>
                {number(u.index.total, i18n.language)} / {number(u.index.max, i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
