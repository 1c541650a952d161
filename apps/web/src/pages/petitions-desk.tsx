// Petitions (phản ánh, kiến nghị) for the staff of the authority that handles them (GET /api/v1/petitions, newest
// first, by status): what was sent, by whom, about which dossier, the deadlines of indicator 5.2, and the step the
// lifecycle allows now (POST /api/v1/petitions/{id}/events with the version shown): classify (kind and topic),
// refuse, ask once for more, record what came back, answer, publish. Staff who only read (administrators, auditors)
// see no form; a refusal comes back with the API's reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"
import { PETITION_STATUSES } from "./petitions.tsx"

type Stored = Schemas["StoredPetition"]
type Petition = Stored["petition"]

export const PETITION_KINDS = ["feedback", "recommendation"] as const
export const PETITION_TOPICS = ["conduct", "delay", "procedure", "fees", "regulation", "other"] as const
/** The handling steps staff take (the domain's petition events but the sender's rating). */
export const PETITION_STEPS = [
  "classify",
  "refuse",
  "requestSupplement",
  "supplementReceived",
  "answer",
  "publish",
] as const
type Step = (typeof PETITION_STEPS)[number]

/** The roles that handle petitions (the policy's petition.handle). */
const HANDLER_ROLES = ["counter-officer", "specialist", "unit-leader", "authority-leader"]

/** The steps the lifecycle allows in each status (domain petitions/petition.ts). */
function stepsFor(p: Petition): ReadonlyArray<Step> {
  switch (p.status) {
    case "received":
      return ["classify", "refuse"]
    case "classified":
      return p.supplementation === undefined ? ["answer", "requestSupplement", "refuse"] : ["answer", "refuse"]
    case "awaiting-supplement":
      return ["supplementReceived"]
    case "answered":
      return ["publish"]
    default:
      return []
  }
}

export default function PetitionsPage() {
  const { t } = useTranslation()
  const me = useMe()
  const handles = HANDLER_ROLES.some((r) => me.principal?.roles.includes(r))
  const [status, setStatus] = useState("")
  const petitions = useQuery({
    queryKey: ["petitions", status],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/petitions", {
        params: { query: status === "" ? {} : { status: status as Petition["status"] } },
      })
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby="petitions-heading">
      <h1 id="petitions-heading">{t("petition.heading")}</h1>
      <p className="muted">{t("petition.intro")}</p>
      <div className="search">
        <label htmlFor="petition-status">{t("petition.status")}</label>
        <select id="petition-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t("petition.allStatuses")}</option>
          {PETITION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`petition.status_${s}`)}
            </option>
          ))}
        </select>
      </div>
      {petitions.isPending && <Loading />}
      {petitions.isError && <ErrorNote error={petitions.error} />}
      {petitions.data?.length === 0 && <p>{t("petition.none")}</p>}
      <ul className="plain" data-testid="petitions">
        {petitions.data?.map((stored) => (
          <PetitionItem key={stored.petition.id} stored={stored} handles={handles} />
        ))}
      </ul>
    </section>
  )
}

function PetitionItem({ stored, handles }: { stored: Stored; handles: boolean }) {
  const { t, i18n } = useTranslation()
  const p = stored.petition
  const [done, setDone] = useState("")
  return (
    <li className="panel petition" data-testid="petition" aria-labelledby={`petition-${p.id}`}>
      <h2 id={`petition-${p.id}`}>
        {t("petition.from", { name: p.sender.name, at: formatInstant(p.sentAt, i18n.language) })}
      </h2>
      <dl className="facts">
        <dt>{t("petition.status")}</dt>
        <dd data-testid="petition-status">{t(`petition.status_${p.status}`)}</dd>
        {p.dossierCode !== undefined && (
          <>
            <dt>{t("petition.dossier")}</dt>
            <dd>
              <Link to={`/ho-so/${p.dossierCode}`}>{p.dossierCode}</Link>
            </dd>
          </>
        )}
        {p.kind !== undefined && p.topic !== undefined && (
          <>
            <dt>{t("petition.classification")}</dt>
            <dd>
              {t(`petition.kind_${p.kind}`)} — {t(`petition.topic_${p.topic}`)}
            </dd>
          </>
        )}
        <dt>{t("petition.dueHandling")}</dt>
        <dd>{formatInstant(p.due.handling, i18n.language)}</dd>
      </dl>
      <blockquote lang="vi">{p.content}</blockquote>
      {p.supplementation !== undefined && (
        <p>
          {t("petition.askedFor", { what: p.supplementation.what })}
          {p.supplementation.addition !== undefined && ` — ${p.supplementation.addition}`}
        </p>
      )}
      {p.answer !== undefined && (
        <div data-testid="petition-answer">
          <h3>{t("petition.answer")}</h3>
          <p lang="vi">{p.answer.text}</p>
        </div>
      )}
      {p.refusal !== undefined && <p>{t("petition.refusedBecause", { reason: p.refusal.reason })}</p>}
      <p role="status">{done}</p>
      {handles &&
        stepsFor(p).map((step) => (
          <StepForm
            key={step}
            stored={stored}
            step={step}
            onDone={(s) => setDone(t("petition.done", { step: t(`petition.step_${s}`) }))}
          />
        ))}
    </li>
  )
}

function StepForm({ stored, step, onDone }: { stored: Stored; step: Step; onDone: (step: Step) => void }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const p = stored.petition
  const [kind, setKind] = useState<(typeof PETITION_KINDS)[number]>("feedback")
  const [topic, setTopic] = useState<(typeof PETITION_TOPICS)[number]>("conduct")
  const [text, setText] = useState("")
  const event = (): Record<string, unknown> => {
    switch (step) {
      case "classify":
        return { type: step, kind, topic }
      case "refuse":
        return { type: step, reason: text.trim() }
      case "requestSupplement":
        return { type: step, what: text.trim() }
      case "supplementReceived":
        return { type: step, addition: text.trim() }
      case "answer":
        return { type: step, text: text.trim() }
      case "publish":
        return { type: step }
    }
  }
  const run = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/petitions/{id}/events", {
        params: { path: { id: p.id } },
        body: { event: event() as { type: "publish" }, expectedVersion: stored.version },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async () => {
      onDone(step)
      await client.invalidateQueries({ queryKey: ["petitions"] })
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    run.mutate()
  }
  const id = `${step}-${p.id.replace(/\W/g, "")}`
  const label = t(`petition.step_${step}`)
  return (
    <details className="action">
      <summary>{label}</summary>
      <form onSubmit={submit} data-step={step}>
        {step === "classify" && (
          <>
            <label htmlFor={`${id}-kind`}>{t("petition.kind")}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {PETITION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`petition.kind_${k}`)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-topic`}>{t("petition.topic")}</label>
            <select id={`${id}-topic`} value={topic} onChange={(e) => setTopic(e.target.value as typeof topic)}>
              {PETITION_TOPICS.map((k) => (
                <option key={k} value={k}>
                  {t(`petition.topic_${k}`)}
                </option>
              ))}
            </select>
          </>
        )}
        {step !== "classify" && step !== "publish" && (
          <>
            <label htmlFor={`${id}-text`}>{t(`petition.text_${step}`)}</label>
            <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} required rows={4} />
          </>
        )}
        <button type="submit" disabled={run.isPending}>
          {label}
        </button>
        {run.isError && <ErrorNote error={run.error} />}
      </form>
    </details>
  )
}
