// One dossier for the officer handling it (or its citizen): its summary, documents, and the lifecycle actions, each
// sent with the version shown; a refusal is shown with the API's reason (Vietnamese first).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { useParams } from "react-router"
import { api } from "../api/client.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"
import { ACTION_FIELDS, type ActionName, actionBody } from "./actions.ts"
import { PostalOrders } from "./postal.tsx"

const OFFICER_ACTIONS: ReadonlyArray<ActionName> = Object.keys(ACTION_FIELDS).filter(
  (a) => a !== "withdraw",
) as ActionName[]
const CITIZEN_ACTIONS: ReadonlyArray<ActionName> = ["withdraw"]

export default function DossierPage() {
  const { code = "" } = useParams()
  const { t, i18n } = useTranslation()
  const me = useMe()
  const dossier = useQuery({
    queryKey: ["dossier", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data
    },
  })
  if (dossier.isPending) return <Loading />
  if (dossier.isError) return <ErrorNote error={dossier.error} />
  const d = dossier.data
  const actions = me.isCitizen ? CITIZEN_ACTIONS : OFFICER_ACTIONS
  return (
    <article aria-labelledby="dossier-heading">
      <h1 id="dossier-heading">{t("dossier.heading", { code: d.code })}</h1>
      <dl className="facts">
        <dt>{t("dossier.procedure")}</dt>
        <dd>
          {d.procedureName} ({d.summary.procedureCode})
        </dd>
        <dt>{t("dossier.state")}</dt>
        <dd data-testid="dossier-state">
          <span className="badge" data-status={d.summary.statusCode}>
            {d.summary.statusCode}
          </span>{" "}
          {d.summary.state}
        </dd>
        <dt>{t("dossier.version")}</dt>
        <dd>{d.version}</dd>
        <dt>{t("dossier.appointment")}</dt>
        <dd>{formatInstant(d.summary.appointmentAt, i18n.language)}</dd>
        <dt>{t("dossier.due")}</dt>
        <dd>{formatInstant(d.summary.dueAt, i18n.language)}</dd>
        <dt>{t("dossier.role")}</dt>
        <dd>{d.summary.currentRole ?? "—"}</dd>
        <dt>{t("dossier.fee")}</dt>
        <dd>{formatMoney(d.summary.feeTotal, i18n.language)}</dd>
        <dt>{t("dossier.documents")}</dt>
        <dd>
          {d.documentIds.length === 0 ? (
            "—"
          ) : (
            <ul className="plain">
              {d.documentIds.map((id) => (
                <li key={id}>
                  <DownloadButton code={d.code} documentId={id} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <PostalOrders code={d.code} />
      {me.isCitizen && d.summary.statusCode === 10 && <RatingForm code={d.code} />}
      <h2>{t("dossier.actions")}</h2>
      <div className="actions">
        {actions.map((action) => (
          <ActionForm key={action} code={d.code} version={d.version} action={action} />
        ))}
      </div>
    </article>
  )
}

/**
 * A dossier's document, fetched with the caller's credentials (a citizen's bearer token cannot ride on a plain link)
 * and handed to the browser as a file.
 */
function DownloadButton({ code, documentId }: { code: string; documentId: string }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>()
  const download = async () => {
    const { data, error, response } = await api.GET("/api/v1/dossiers/{code}/documents/{documentId}", {
      params: { path: { code, documentId } },
      parseAs: "blob",
    })
    if (error !== undefined || data === undefined) return setError(error ?? "download failed")
    const url = URL.createObjectURL(data as Blob)
    const link = document.createElement("a")
    link.href = url
    link.download = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? documentId
    link.click()
    URL.revokeObjectURL(url)
  }
  return (
    <>
      <button type="button" className="link" onClick={download}>
        {t("dossier.download", { id: documentId.slice(0, 8) })}
      </button>
      {error !== undefined && <ErrorNote error={error} />}
    </>
  )
}

function ActionForm({ code, version, action }: { code: string; version: number; action: ActionName }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [values, setValues] = useState<Record<string, string>>({})
  const [open, setOpen] = useState(false)
  const run = useMutation({
    mutationFn: async () => {
      // The path is one of the typed action routes; openapi-fetch checks the body shape per route at compile time,
      // which a table of sixteen actions cannot name one by one, so the body is built by actionBody.
      const { data, error } = await api.POST(`/api/v1/dossiers/{code}/${action}` as "/api/v1/dossiers/{code}/accept", {
        params: { path: { code } },
        body: actionBody(action, values, version) as { expectedVersion: number },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["dossier", code] }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    run.mutate()
  }
  const fields = ACTION_FIELDS[action]
  const id = (name: string) => `${action}-${name}`
  return (
    <details className="action" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t(`action.${action}`)}</summary>
      <form onSubmit={submit} data-action={action}>
        {fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={id(field.name)}>{field.kind === "reasons" ? t("dossier.reasons") : field.name}</label>
            {field.kind === "reasons" ? (
              <textarea
                id={id(field.name)}
                value={values[field.name] ?? ""}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              />
            ) : field.kind === "choice" ? (
              <select
                id={id(field.name)}
                value={values[field.name] ?? field.options[0]}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              >
                {field.options.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            ) : (
              <input
                id={id(field.name)}
                type={field.kind === "number" ? "number" : field.kind === "instant" ? "datetime-local" : "text"}
                value={values[field.name] ?? ""}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              />
            )}
          </div>
        ))}
        <button type="submit" disabled={run.isPending}>
          {t(`action.${action}`)}
        </button>
        {run.isError && <ErrorNote error={run.error} title={t("dossier.refused")} />}
        {run.isSuccess && <p role="status">{t("dossier.done", { action: t(`action.${action}`) })}</p>}
      </form>
    </details>
  )
}

const ASPECTS = ["access", "procedure", "officer", "result"] as const

/** The applicant's rating of a returned dossier (once): four aspects from 1 to 5, and like or dislike. */
function RatingForm({ code }: { code: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [scores, setScores] = useState<Record<(typeof ASPECTS)[number], number>>({
    access: 5,
    procedure: 5,
    officer: 5,
    result: 5,
  })
  const [liked, setLiked] = useState(true)
  const rating = useQuery({
    queryKey: ["rating", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/rating", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data.rating
    },
  })
  const send = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/dossiers/{code}/rating", {
        params: { path: { code } },
        body: { ...scores, liked },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["rating", code] }),
  })
  if (rating.isPending) return <Loading />
  if (rating.data !== null && rating.data !== undefined)
    return (
      <section aria-labelledby="rating-heading">
        <h2 id="rating-heading">{t("rating.heading")}</h2>
        <p role="status">{t("rating.thanks")}</p>
      </section>
    )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    send.mutate()
  }
  return (
    <section aria-labelledby="rating-heading">
      <h2 id="rating-heading">{t("rating.heading")}</h2>
      <form onSubmit={submit} data-form="rating">
        {ASPECTS.map((aspect) => (
          <div key={aspect}>
            <label htmlFor={`rating-${aspect}`}>{t(`rating.${aspect}`)}</label>
            <select
              id={`rating-${aspect}`}
              value={scores[aspect]}
              onChange={(e) => setScores({ ...scores, [aspect]: Number(e.target.value) })}
            >
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {t(`rating.score${n}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <fieldset>
          <legend>{t("rating.overall")}</legend>
          <label>
            <input type="radio" name="liked" checked={liked} onChange={() => setLiked(true)} /> {t("rating.like")}
          </label>
          <label>
            <input type="radio" name="liked" checked={!liked} onChange={() => setLiked(false)} /> {t("rating.dislike")}
          </label>
        </fieldset>
        <button type="submit" disabled={send.isPending}>
          {t("rating.send")}
        </button>
        {send.isError && <ErrorNote error={send.error} />}
      </form>
    </section>
  )
}
