// Petitions (phản ánh, kiến nghị): a signed-in citizen sends one about one of their dossiers or about a procedure,
// follows its status (received, being handled, waiting for more, answered, published, refused) with the answer and
// rates the answer once it is published; everyone reads the answered, published ones (without the sender).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"

export const PETITION_STATUSES = [
  "received",
  "classified",
  "awaiting-supplement",
  "answered",
  "published",
  "refused",
] as const

type Stored = Schemas["StoredPetition"]

export default function PetitionsPage() {
  const { t } = useTranslation()
  const me = useMe()
  return (
    <section aria-labelledby="petitions-heading">
      <h1 id="petitions-heading">{t("citizen.petitions.heading")}</h1>
      {me.isCitizen ? (
        <>
          <SendPetition />
          <MyPetitions />
        </>
      ) : (
        <p>
          <Link to="/dang-nhap?tiep=/phan-anh">{t("citizen.petitions.signInToSend")}</Link>
        </p>
      )}
      <Published />
    </section>
  )
}

function SendPetition() {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [search] = useSearchParams()
  const [about, setAbout] = useState<"dossier" | "procedure">("dossier")
  const [dossierCode, setDossierCode] = useState(search.get("ho-so") ?? "")
  const [procedureCode, setProcedureCode] = useState("")
  const [unitCode, setUnitCode] = useState("")
  const [content, setContent] = useState("")
  const [sent, setSent] = useState<string>()
  const mine = useQuery({
    queryKey: ["my-dossiers"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers")
      if (error !== undefined) throw error
      return data
    },
  })
  const units = useQuery({
    queryKey: ["units"],
    enabled: about === "procedure",
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/units")
      if (error !== undefined) throw error
      return data
    },
  })
  const send = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/petitions", {
        body: {
          content: content.trim(),
          ...(about === "dossier"
            ? { dossierCode: dossierCode.trim() }
            : {
                procedureCode: procedureCode.trim(),
                ...(unitCode === "" ? {} : { unitCode }),
              }),
        },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async (stored) => {
      setSent(stored.petition.id)
      setContent("")
      await client.invalidateQueries({ queryKey: ["my-petitions"] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSent(undefined)
    send.mutate()
  }
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="send-heading">
      <h2 id="send-heading">{t("citizen.petitions.send")}</h2>
      <fieldset>
        <legend>{t("citizen.petitions.about")}</legend>
        <div className="check">
          <input
            id="about-dossier"
            type="radio"
            name="about"
            checked={about === "dossier"}
            onChange={() => setAbout("dossier")}
          />
          <label htmlFor="about-dossier">{t("citizen.petitions.aboutDossier")}</label>
        </div>
        <div className="check">
          <input
            id="about-procedure"
            type="radio"
            name="about"
            checked={about === "procedure"}
            onChange={() => setAbout("procedure")}
          />
          <label htmlFor="about-procedure">{t("citizen.petitions.aboutProcedure")}</label>
        </div>
      </fieldset>
      {about === "dossier" ? (
        <>
          <label htmlFor="petition-dossier">{t("citizen.petitions.dossier")}</label>
          <select id="petition-dossier" value={dossierCode} onChange={(e) => setDossierCode(e.target.value)} required>
            <option value="">{t("citizen.petitions.chooseDossier")}</option>
            {dossierCode !== "" && !mine.data?.items.some((d) => d.code === dossierCode) && (
              <option value={dossierCode}>{dossierCode}</option>
            )}
            {(mine.data?.items ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {d.summary.procedureCode}
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label htmlFor="petition-procedure">{t("citizen.petitions.procedure")}</label>
          <input
            id="petition-procedure"
            value={procedureCode}
            onChange={(e) => setProcedureCode(e.target.value)}
            required
            autoComplete="off"
          />
          <label htmlFor="petition-unit">{t("citizen.petitions.unit")}</label>
          <select id="petition-unit" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            <option value="">{t("file.chooseUnit")}</option>
            {(units.data?.items ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="petition-content">{t("citizen.petitions.content")}</label>
      <textarea
        id="petition-content"
        value={content}
        onChange={(e) => setContent(e.target.value)}
        required
        maxLength={4000}
        rows={5}
      />
      <button type="submit" disabled={send.isPending}>
        {t("citizen.petitions.submit")}
      </button>
      {send.isError && <ErrorNote error={send.error} />}
      <p role="status" className="done">
        {sent === undefined ? "" : t("citizen.petitions.sent", { id: sent })}
      </p>
    </form>
  )
}

function MyPetitions() {
  const { t } = useTranslation()
  const mine = useQuery({
    queryKey: ["my-petitions"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/petitions")
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby="mine-petitions-heading">
      <h2 id="mine-petitions-heading">{t("citizen.petitions.mine")}</h2>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorNote error={mine.error} />}
      {mine.data?.length === 0 && <p>{t("citizen.petitions.noneMine")}</p>}
      {mine.data !== undefined && mine.data.length > 0 && (
        <ul className="cards" data-testid="my-petitions">
          {mine.data.map((stored) => (
            <MyPetition key={stored.petition.id} stored={stored} />
          ))}
        </ul>
      )}
    </section>
  )
}

function MyPetition({ stored }: { stored: Stored }) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const p = stored.petition
  const rate = useMutation({
    mutationFn: async (satisfied: boolean) => {
      const { data, error } = await api.POST("/api/v1/petitions/{id}/events", {
        params: { path: { id: p.id } },
        body: { event: { type: "rate", satisfied }, expectedVersion: stored.version },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["my-petitions"] }),
  })
  return (
    <li className="card" data-petition={p.id}>
      <strong>
        {p.id} · {p.dossierCode ?? p.procedureCode}
      </strong>
      <span className="muted">
        {t("citizen.petitions.sentAt")} {formatInstant(p.sentAt, i18n.language)} · {t("citizen.petitions.due")}{" "}
        {formatInstant(p.due.handling, i18n.language)}
      </span>
      <p>{p.content}</p>
      <p data-testid="petition-status">
        {t("citizen.petitions.status")}: <strong>{t(`petition.status_${p.status}`)}</strong>
      </p>
      {p.refusal !== undefined && (
        <p>
          {t("citizen.petitions.refusedReason")}: {p.refusal.reason}
        </p>
      )}
      {p.supplementation !== undefined && p.supplementation.receivedAt === undefined && (
        <p>
          {t("citizen.petitions.supplement")}: {p.supplementation.what}
        </p>
      )}
      {p.answer !== undefined && (
        <blockquote data-testid="petition-answer">
          <strong>{t("citizen.petitions.answer")}</strong> ({formatInstant(p.answer.at, i18n.language)}):{" "}
          {p.answer.text}
        </blockquote>
      )}
      {p.rating !== undefined ? (
        <p>
          {t("citizen.petitions.rated", {
            answer: p.rating.satisfied ? t("citizen.petitions.satisfied") : t("citizen.petitions.dissatisfied"),
          })}
        </p>
      ) : (
        p.status === "published" && (
          <fieldset>
            <legend>{t("citizen.petitions.rate")}</legend>
            <button type="button" disabled={rate.isPending} onClick={() => rate.mutate(true)}>
              {t("citizen.petitions.satisfied")}
            </button>{" "}
            <button type="button" className="secondary" disabled={rate.isPending} onClick={() => rate.mutate(false)}>
              {t("citizen.petitions.dissatisfied")}
            </button>
            {rate.isError && <ErrorNote error={rate.error} />}
          </fieldset>
        )
      )}
    </li>
  )
}

function Published() {
  const { t, i18n } = useTranslation()
  const published = useQuery({
    queryKey: ["published-petitions"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/petitions/published")
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby="published-heading">
      <h2 id="published-heading">{t("citizen.petitions.published")}</h2>
      {published.isPending && <Loading />}
      {published.isError && <ErrorNote error={published.error} />}
      {published.data?.length === 0 && <p>{t("citizen.petitions.nonePublished")}</p>}
      {published.data !== undefined && published.data.length > 0 && (
        <ul className="cards" data-testid="published-petitions">
          {published.data.map((p) => (
            <li key={p.id} className="card">
              <span className="muted">
                {p.procedureCode ?? p.agencyCode} · {t("citizen.petitions.sentAt")}{" "}
                {formatInstant(p.sentAt, i18n.language)}
              </span>
              <p>{p.content}</p>
              <blockquote>
                <strong>{t("citizen.petitions.answer")}</strong> ({formatInstant(p.answeredAt, i18n.language)}):{" "}
                {p.answer}
              </blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
