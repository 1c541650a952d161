// The public verification of a signed result (/xac-thuc/{code}, the code printed under the result's QR): what was
// issued under the code — title, dossier, procedure, authority, who signed and when, valid or revoked — with
// nothing personal (GET /api/v1/verify/{id}); and a PDF uploaded to compare with it (POST /api/v1/verify/{id}): is
// it byte for byte the copy issued, and does its own signature verify. Anyone may use it, signed in or not.
import { useMutation, useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { ErrorNote, Loading } from "../ui.tsx"

const CODE = /^[A-Z0-9]{1,32}$/

export default function VerifyPage() {
  const { id } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [text, setText] = useState(id ?? "")
  const code = id?.toUpperCase()
  const result = useQuery({
    queryKey: ["verify", code],
    enabled: code !== undefined && CODE.test(code),
    queryFn: async () => {
      const { data, error, response } = await api.GET("/api/v1/verify/{id}", { params: { path: { id: code ?? "" } } })
      if (response.status === 404) return null
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const typed = text.trim().toUpperCase()
    if (typed !== "") navigate(`/xac-thuc/${encodeURIComponent(typed)}`)
  }
  return (
    <section aria-labelledby="verify-heading">
      <h1 id="verify-heading">{t("citizen.verify.heading")}</h1>
      <p>{t("citizen.verify.intro")}</p>
      <form className="search" onSubmit={submit}>
        <label htmlFor="verify-code">{t("citizen.verify.code")}</label>
        <input
          id="verify-code"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          pattern="[A-Za-z0-9]{1,32}"
          required
        />
        <button type="submit">{t("citizen.verify.submit")}</button>
      </form>
      {code !== undefined && !CODE.test(code) && <p role="status">{t("citizen.verify.notFound")}</p>}
      {result.isLoading && <Loading />}
      {result.isError && <ErrorNote error={result.error} />}
      {result.data === null && (
        <p role="status" className="error" data-testid="verify-missing">
          {t("citizen.verify.notFound")}
        </p>
      )}
      {result.data !== null && result.data !== undefined && (
        <>
          <VerificationFacts result={result.data} />
          <CheckFile id={result.data.verificationId} />
        </>
      )}
    </section>
  )
}

function VerificationFacts({ result: r }: { result: Schemas["ResultVerification"] }) {
  const { t, i18n } = useTranslation()
  return (
    <>
      <p role="status" className={r.status === "valid" ? "done" : "error"} data-testid="verify-status">
        {r.status === "valid" ? t("citizen.verify.valid") : t("citizen.verify.revoked")} — {r.statusLabel}
      </p>
      <dl className="facts" data-testid="verify-result">
        <dt>{t("citizen.verify.title")}</dt>
        <dd>{r.title}</dd>
        <dt>{t("citizen.verify.dossier")}</dt>
        <dd>{r.dossierCode}</dd>
        <dt>{t("citizen.verify.procedure")}</dt>
        <dd>
          {r.procedureName} ({r.procedureCode})
        </dd>
        <dt>{t("citizen.verify.agency")}</dt>
        <dd>{r.agency.name}</dd>
        <dt>{t("citizen.verify.signer")}</dt>
        <dd>{r.signer?.commonName ?? t("citizen.results.devKey")}</dd>
        {r.signer !== undefined && (
          <>
            <dt>{t("citizen.verify.serial")}</dt>
            <dd>{r.signer.serialNumber}</dd>
            <dt>{t("citizen.verify.issuer")}</dt>
            <dd>{r.signer.issuer}</dd>
          </>
        )}
        <dt>{t("citizen.verify.signedAt")}</dt>
        <dd>{formatInstant(r.signedAt, i18n.language)}</dd>
        <dt>{t("citizen.verify.algorithm")}</dt>
        <dd>{r.algorithm}</dd>
        <dt>SHA-256</dt>
        <dd className="hash">{r.sha256}</dd>
        {r.revokedAt !== undefined && (
          <>
            <dt>{t("citizen.verify.revokedAt")}</dt>
            <dd>{formatInstant(r.revokedAt, i18n.language)}</dd>
            <dt>{t("citizen.verify.reason")}</dt>
            <dd>{r.revocationReason ?? "—"}</dd>
          </>
        )}
      </dl>
    </>
  )
}

function CheckFile({ id }: { id: string }) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File>()
  const check = useMutation({
    mutationFn: async () => {
      if (file === undefined) throw new Error(t("citizen.verify.file"))
      const { data, error } = await api.POST("/api/v1/verify/{id}", {
        params: { path: { id } },
        body: file as unknown as never,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { "content-type": "application/pdf" },
      })
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    check.mutate()
  }
  const c = check.data
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="check-heading">
      <h2 id="check-heading">{t("citizen.verify.check")}</h2>
      <p>{t("citizen.verify.checkIntro")}</p>
      <label htmlFor="verify-file">{t("citizen.verify.file")}</label>
      <input
        id="verify-file"
        type="file"
        accept="application/pdf"
        required
        onChange={(e) => {
          setFile(e.target.files?.[0])
          check.reset()
        }}
      />
      <button type="submit" disabled={check.isPending}>
        {t("citizen.verify.checkSubmit")}
      </button>
      {check.isError && <ErrorNote error={check.error} />}
      {c !== undefined && (
        <div role="status" data-testid="verify-check">
          <p className={c.authentic ? "done" : "error"}>
            <strong>{c.authentic ? t("citizen.verify.authentic") : t("citizen.verify.notAuthentic")}</strong>
          </p>
          <p>{c.verdict}</p>
          <ul>
            <li>
              {t("citizen.verify.matches")}: {c.matchesIssued ? t("citizen.verify.yes") : t("citizen.verify.no")}
            </li>
            <li>
              {!c.signature.checked
                ? t("citizen.verify.signatureUnchecked")
                : c.signature.valid
                  ? t("citizen.verify.signatureValid")
                  : t("citizen.verify.signatureInvalid")}
              {c.signature.problems.length > 0 && `: ${c.signature.problems.join("; ")}`}
            </li>
          </ul>
        </div>
      )}
    </form>
  )
}
