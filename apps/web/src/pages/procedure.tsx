// One procedure as a citizen needs it before filing: documents, fees for each channel (quoted by the API from the
// catalogue, never computed here), time, authority, how online it is, and the way to file.
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { formatMoney } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"

type Channel = "counter" | "online" | "post"

export default function ProcedurePage() {
  const { code = "" } = useParams()
  const { t, i18n } = useTranslation()
  const en = i18n.language === "en"
  const me = useMe()
  const procedure = useQuery({
    queryKey: ["procedure", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/procedures/{code}", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data
    },
  })
  if (procedure.isPending) return <Loading />
  if (procedure.isError) return <ErrorNote error={procedure.error} />
  const p = procedure.data
  const time = p.provincialTime
  return (
    <article aria-labelledby="procedure-heading">
      <h1 id="procedure-heading">{en && p.nameEn ? p.nameEn : p.name}</h1>
      <dl className="facts">
        <dt>{t("procedure.code")}</dt>
        <dd>{p.code}</dd>
        <dt>{t("procedure.field")}</dt>
        <dd>{en && p.field.nameEn ? p.field.nameEn : p.field.name}</dd>
        <dt>{t("procedure.authority")}</dt>
        <dd>{p.authority.title}</dd>
        <dt>{t("procedure.time")}</dt>
        <dd>
          {time.unit === "working-days"
            ? t("procedure.days", { count: time.amount })
            : t("procedure.hours", { count: time.amount })}
        </dd>
        <dt>{t("procedure.online")}</dt>
        <dd>
          {t(
            p.onlineService === "full"
              ? "procedure.onlineFull"
              : p.onlineService === "partial"
                ? "procedure.onlinePartial"
                : "procedure.onlineNone",
          )}
        </dd>
        <dt>{t("procedure.channels")}</dt>
        <dd>{p.channels.map((c) => t(`procedure.channel_${c}`)).join(", ")}</dd>
      </dl>
      <h2>{t("procedure.documents")}</h2>
      <ul>
        {p.documents.map((d) => (
          <li key={d.id}>
            {en && d.nameEn ? d.nameEn : d.name} — {t(d.mandatory ? "procedure.mandatory" : "procedure.optional")},{" "}
            {t("procedure.copies", { originals: d.originals, copies: d.copies })}
          </li>
        ))}
      </ul>
      <h2>{t("procedure.fees")}</h2>
      {p.channels.map((channel) => (
        <FeeTable key={channel} code={p.code} channel={channel} />
      ))}
      {me.intakePointIds.length > 0 && (p.channels.includes("counter") || p.channels.includes("post")) && (
        <p>
          <Link className="button" to={`/thu-tuc/${p.code}/nop`}>
            {t("procedure.fileAtIntake")}
          </Link>
        </p>
      )}
      {me.intakePointIds.length === 0 && p.channels.includes("online") && p.onlineService !== "none" && (
        <p>
          <Link className="button" to={`/thu-tuc/${p.code}/nop`}>
            {t("procedure.fileOnline")}
          </Link>
        </p>
      )}
    </article>
  )
}

function FeeTable({ code, channel }: { code: string; channel: Channel }) {
  const { t, i18n } = useTranslation()
  const quote = useQuery({
    queryKey: ["fee-quote", code, channel],
    queryFn: async (): Promise<Schemas["FeeQuote"] | null> => {
      const { data, response } = await api.POST("/api/v1/fee-quotes", { body: { procedureCode: code, channel } })
      // a fee that needs facts (pages, value, area) cannot be quoted without them: the catalogue's rule is shown
      if (!response.ok || data === undefined) return null
      return data
    },
  })
  if (quote.isPending) return <Loading />
  const q = quote.data
  return (
    <table className="fees">
      <caption>{t(`procedure.channel_${channel}`)}</caption>
      <tbody>
        {q === null || q === undefined ? (
          <tr>
            <td colSpan={2}>—</td>
          </tr>
        ) : q.lines.length === 0 ? (
          <tr>
            <td colSpan={2}>{t("procedure.feeFree")}</td>
          </tr>
        ) : (
          q.lines.map((line) => (
            <tr key={line.itemId}>
              <th scope="row">{line.name}</th>
              <td>{formatMoney(line.amount, i18n.language)}</td>
            </tr>
          ))
        )}
      </tbody>
      {q !== null && q !== undefined && q.lines.length > 0 && (
        <tfoot>
          <tr>
            <th scope="row">{t("procedure.total")}</th>
            <td>{formatMoney(q.total, i18n.language)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  )
}
