// One dossier for the officer handling it, its citizen or the post office that took it in: its summary, what is owed
// and how to pay (VietQR drawn), the answer to a supplementation request, the documents, postal orders, what
// happened when, and exactly the lifecycle actions the API says the caller may take now (the policy's and the
// machine's own answer), each sent with the version shown; an action a rule blocks is listed with the machine's
// reason, and a refusal of what was sent is shown with the API's reason (Vietnamese first).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, lazy, Suspense, useState } from "react"
import { useTranslation } from "react-i18next"
import { useParams } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { contextView, openSupplementation } from "../context.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { useMe } from "../session.tsx"
import { DossierStatus, ErrorNote, Loading } from "../ui.tsx"
import { uploadDocument } from "../upload.ts"
import { ACTION_FIELDS, type ActionName, actionBody, IDEMPOTENT } from "./actions.ts"
import { AuditTrail } from "./audit.tsx"
import { DownloadButton } from "./document-download.tsx"
import { DocumentPreview } from "./document-preview.tsx"
import { DossierCitizenSections } from "./dossier-citizen.tsx"
import { DossierHistory } from "./dossier-history.tsx"
import { DossierForms } from "./forms.tsx"
import { PaymentSection } from "./payment.tsx"
import { PostalOrders } from "./postal.tsx"
import { SupplementAnswer } from "./supplement.tsx"

// receipts and refunds, for staff only (its own chunk)
const DossierMoney = lazy(() => import("./dossier-money.tsx"))
// the digitised papers, for staff who read the dossier (its own chunk)
const DossierPapers = lazy(() => import("./dossier-papers.tsx"))

type Offered = Schemas["OfferedAction"]
const isActionName = (name: string): name is ActionName => Object.hasOwn(ACTION_FIELDS, name)

export default function DossierPage() {
  const { code = "" } = useParams()
  const { t, i18n } = useTranslation()
  // what was just done, said here (the form that did it may be gone once the dossier moved on)
  const [lastDone, setLastDone] = useState<string>()
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
  const context = contextView(d.context)
  const supplement = openSupplementation(context)
  const answerOffered = d.actions.some((a) => a.action === "receive-supplement" && a.allowed)
  const allowed = d.actions.filter((a) => a.allowed && a.action !== "receive-supplement" && isActionName(a.action))
  const blocked = d.actions.filter((a) => !a.allowed)
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
          <DossierStatus code={d.summary.statusCode} />
        </dd>
        {context.applicant !== undefined && (
          <>
            <dt>{t("dossier.applicant")}</dt>
            <dd>{context.applicant.name}</dd>
          </>
        )}
        <dt>{t("dossier.received")}</dt>
        <dd>{formatInstant(context.receivedAt, i18n.language)}</dd>
        <dt>{t("dossier.appointment")}</dt>
        <dd>{formatInstant(d.summary.appointmentAt, i18n.language)}</dd>
        <dt>{t("dossier.due")}</dt>
        <dd>{formatInstant(d.summary.dueAt, i18n.language)}</dd>
        <dt>{t("dossier.role")}</dt>
        <dd>{d.summary.currentRole === null ? "—" : t(`role.${d.summary.currentRole}`)}</dd>
        <dt>{t("dossier.fee")}</dt>
        <dd>{formatMoney(d.summary.feeTotal, i18n.language)}</dd>
        <dt>{t("dossier.version")}</dt>
        <dd>{d.version}</dd>
      </dl>
      <p role="status" className="done">
        {lastDone}
      </p>
      {supplement !== undefined && answerOffered && (
        <SupplementAnswer
          code={d.code}
          version={d.version}
          request={supplement}
          onDone={() => setLastDone(t("supplement.done"))}
        />
      )}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t("dossier.actions")}</h2>
        {allowed.length === 0 && !answerOffered && <p>{t("dossier.noActions")}</p>}
        <div className="actions" data-testid="dossier-actions">
          {allowed.map((offered) => (
            <ActionForm
              key={offered.action}
              code={d.code}
              version={d.version}
              offered={offered}
              outstanding={d.payment.outstanding}
              onDone={(action) => setLastDone(t("dossier.done", { action: t(`action.${action}`) }))}
              procedureCode={d.summary.procedureCode}
            />
          ))}
        </div>
        {blocked.length > 0 && (
          <>
            <h3>{t("dossier.blocked")}</h3>
            <ul data-testid="dossier-blocked">
              {blocked.map((b) => (
                <li key={b.action}>
                  <strong>{isActionName(b.action) ? t(`action.${b.action}`) : b.action}</strong>: {b.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <PaymentSection payment={d.payment} />
      {me.isOfficer && (
        <Suspense fallback={<Loading />}>
          <DossierMoney
            code={d.code}
            state={d.summary.state}
            asksRefunds={me.principal?.roles.includes("counter-officer") ?? false}
          />
        </Suspense>
      )}
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("dossier.documents")}</h2>
        {d.documentIds.length === 0 ? (
          <p>—</p>
        ) : (
          <ul className="plain">
            {d.documentIds.map((id) => (
              <li key={id}>
                <DownloadButton code={d.code} documentId={id} /> <DocumentPreview code={d.code} documentId={id} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {me.isOfficer && (
        <Suspense fallback={<Loading />}>
          <DossierPapers
            code={d.code}
            version={d.version}
            procedureCode={d.summary.procedureCode}
            variantId={context.variantId}
            records={me.digitises}
          />
        </Suspense>
      )}
      <DossierCitizenSections code={d.code} payment={d.payment} />
      <PostalOrders code={d.code} />
      {me.isCitizen && d.summary.statusCode === 10 && <RatingForm code={d.code} />}
      <DossierHistory context={context} />
      <DossierForms code={d.code} version={d.version} />
      {me.readsAudit && <AuditTrail code={d.code} />}
    </article>
  )
}

/** Default values a form starts with: a payment's amount is what is owed, its receipt number made up here. */
function initialValues(
  action: ActionName,
  outstanding: number,
  methods: ReadonlyArray<string>,
): Record<string, string> {
  if (action === "confirm-payment")
    return { amount: String(outstanding), paymentId: `TM-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}` }
  if (action === "return-result" && methods[0] !== undefined) return { method: methods[0] }
  if (action === "correct") return { field: "applicant.phone" }
  return {}
}

function ActionForm({
  code,
  version,
  offered,
  outstanding,
  onDone,
  procedureCode,
}: {
  code: string
  procedureCode: string
  version: number
  offered: Offered
  outstanding: number
  onDone: (action: ActionName) => void
}) {
  const action = offered.action as ActionName
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const methods = offered.methods ?? []
  const fields = ACTION_FIELDS[action]
  const papers = useQuery({
    queryKey: ["procedure", procedureCode],
    enabled: fields.some((f) => f.kind === "documents"),
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/procedures/{code}", { params: { path: { code: procedureCode } } })
      if (error !== undefined) throw error
      return data
    },
  })
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(action, outstanding, methods))
  const [files, setFiles] = useState<Record<string, File[]>>({})
  const run = useMutation({
    mutationFn: async () => {
      const uploaded: Record<string, string[]> = {}
      for (const [name, list] of Object.entries(files)) uploaded[name] = await Promise.all(list.map(uploadDocument))
      // The path is one of the typed action routes; openapi-fetch checks the body shape per route at compile time,
      // which a table of seventeen actions cannot name one by one, so the body is built by actionBody.
      const { data, error } = await api.POST(`/api/v1/dossiers/{code}/${action}` as "/api/v1/dossiers/{code}/accept", {
        params: { path: { code } },
        // confirm-payment needs one (a payment recorded twice must count once); others ignore it
        ...(IDEMPOTENT.has(action) ? { headers: { "Idempotency-Key": crypto.randomUUID() } } : {}),
        body: actionBody(action, values, version, uploaded) as { expectedVersion: number },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async () => {
      onDone(action)
      await client.invalidateQueries({ queryKey: ["dossier", code] })
      await client.invalidateQueries({ queryKey: ["work-queue"] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    run.mutate()
  }
  const id = (name: string) => `${action}-${name}`
  const set = (name: string) => (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value })
  return (
    <details className="action">
      <summary>{t(`action.${action}`)}</summary>
      <form onSubmit={submit} data-action={action}>
        {fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={id(field.name)}>{t(`field.${field.name}`)}</label>
            {field.kind === "documents" ? (
              <>
                <fieldset>
                  <legend>{t("field.missingPapers")}</legend>
                  {(papers.data?.documents ?? []).map((paper) => {
                    const key = `${field.name}:${paper.id}`
                    const name = i18n.language === "en" && paper.nameEn ? paper.nameEn : paper.name
                    return (
                      <div key={paper.id} className="check">
                        <input
                          id={id(key)}
                          type="checkbox"
                          checked={(values[key] ?? "") !== ""}
                          onChange={(e) => setValues({ ...values, [key]: e.target.checked ? name : "" })}
                        />
                        <label htmlFor={id(key)}>{name}</label>
                      </div>
                    )
                  })}
                </fieldset>
                <textarea id={id(field.name)} value={values[field.name] ?? ""} onChange={set(field.name)} />
              </>
            ) : field.kind === "reasons" ? (
              <textarea id={id(field.name)} value={values[field.name] ?? ""} onChange={set(field.name)} required />
            ) : field.kind === "choice" ? (
              <select id={id(field.name)} value={values[field.name] ?? ""} onChange={set(field.name)}>
                {(field.name === "method" ? methods : field.options).map((o) => (
                  <option key={o} value={o}>
                    {t(`choice.${o.replace(".", "_")}`)}
                  </option>
                ))}
              </select>
            ) : field.kind === "file" ? (
              <input
                id={id(field.name)}
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                multiple={field.many === true}
                required={field.optional !== true}
                onChange={(e) => setFiles({ ...files, [field.name]: [...(e.target.files ?? [])] })}
              />
            ) : (
              <input
                id={id(field.name)}
                type={field.kind === "number" ? "number" : field.kind === "instant" ? "datetime-local" : "text"}
                value={values[field.name] ?? ""}
                onChange={set(field.name)}
                required={!("optional" in field && field.optional === true)}
              />
            )}
          </div>
        ))}
        <button type="submit" disabled={run.isPending}>
          {t(`action.${action}`)}
        </button>
        {run.isError && <ErrorNote error={run.error} title={t("dossier.refused")} />}
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
