// What a dossier's page shows beside its lifecycle (issue 11, the citizen's side; officers who may read the dossier
// see the same): the way to the payment page with its receipts, the signed results (download, verification status,
// the public verification page), the notices sent to the applicant with their delivery status, and a petition about
// the dossier.
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { fileNameOf, saveBlob } from "../download.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote } from "../ui.tsx"

/** The kinds of notice the application sends (its notice-text wording); any other is shown as an update. */
export const NOTICE_KINDS = [
  "filed",
  "receipt",
  "refusal",
  "supplementation-request",
  "stop-notice",
  "apology",
  "payment-request",
  "result-ready",
  "result-returned",
  "withdrawal-confirmed",
  "correction",
  "postal-delivery-failed",
] as const
export const NOTICE_CHANNELS = ["sms", "zalo", "email", "portal"] as const
export const DELIVERY_STATUSES = ["sent", "delivered", "retrying", "failed"] as const

export const noticeKindKey = (about: string): string =>
  (NOTICE_KINDS as ReadonlyArray<string>).includes(about)
    ? `citizen.notices.kind_${about}`
    : "citizen.notices.kind_other"

export function DossierCitizenSections({ code, payment }: { code: string; payment: Schemas["DossierPayment"] }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  return (
    <>
      <p className="links">
        <Link to={`/ho-so/${encodeURIComponent(code)}/thanh-toan`} data-testid="pay-link">
          {t("citizen.pay.open")}
        </Link>
        {payment.outstanding > 0 && (
          <span className="muted">
            {" "}
            ({t("citizen.pay.owed")}: {formatMoney(payment.outstanding, i18n.language)})
          </span>
        )}
        {me.isCitizen && (
          <>
            {" · "}
            <Link to={`/phan-anh?ho-so=${encodeURIComponent(code)}`}>{t("citizen.petitions.ask")}</Link>
          </>
        )}
      </p>
      <SignedResults code={code} />
      <DossierNotices code={code} />
    </>
  )
}

function SignedResults({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const [error, setError] = useState<unknown>()
  const results = useQuery({
    queryKey: ["dossier-results", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/results", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data.items
    },
  })
  const download = async (id: string) => {
    setError(undefined)
    const { data, error, response } = await api.GET("/api/v1/results/{id}/pdf", {
      params: { path: { id } },
      parseAs: "blob",
    })
    if (error !== undefined || data === undefined) return setError(error ?? "download failed")
    saveBlob(data as Blob, fileNameOf(response, `${id}.pdf`))
  }
  return (
    <section aria-labelledby="results-heading" className="panel" data-testid="signed-results">
      <h2 id="results-heading">{t("citizen.results.heading")}</h2>
      {results.isError && <ErrorNote error={results.error} />}
      {error !== undefined && <ErrorNote error={error} />}
      {results.data?.length === 0 && <p>{t("citizen.results.none")}</p>}
      {results.data !== undefined && results.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("citizen.results.title")}</th>
              <th scope="col">{t("citizen.results.signedAt")}</th>
              <th scope="col">{t("citizen.results.signer")}</th>
              <th scope="col">{t("citizen.results.status")}</th>
              <th scope="col">{t("citizen.verify.code")}</th>
            </tr>
          </thead>
          <tbody>
            {results.data.map((r) => (
              <tr key={r.verificationId}>
                <td>
                  <button type="button" className="link" onClick={() => download(r.verificationId)}>
                    {t("citizen.results.download", { title: r.title })}
                  </button>
                </td>
                <td>{formatInstant(r.signedAt, i18n.language)}</td>
                <td>{r.signer?.commonName ?? t("citizen.results.devKey")}</td>
                <td data-testid="result-status">
                  {r.status === "valid" ? t("citizen.verify.valid") : t("citizen.verify.revoked")}
                </td>
                <td>
                  <Link
                    to={`/xac-thuc/${r.verificationId}`}
                    aria-label={t("citizen.results.verify", { id: r.verificationId })}
                  >
                    {r.verificationId}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function DossierNotices({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const notices = useQuery({
    queryKey: ["dossier-notices", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/notifications", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby="notices-heading" className="panel">
      <h2 id="notices-heading">{t("citizen.notices.heading")}</h2>
      {notices.isError && <ErrorNote error={notices.error} />}
      {notices.data?.length === 0 && <p>{t("citizen.notices.none")}</p>}
      {notices.data !== undefined && notices.data.length > 0 && (
        <table data-testid="dossier-notices">
          <thead>
            <tr>
              <th scope="col">{t("citizen.notices.about")}</th>
              <th scope="col">{t("citizen.notices.channel")}</th>
              <th scope="col">{t("citizen.notices.status")}</th>
              <th scope="col">{t("citizen.notices.attempts")}</th>
              <th scope="col">{t("citizen.notices.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {notices.data.map((n) => (
              <tr key={`${n.notificationId}-${n.channel}`}>
                <td>{t(noticeKindKey(n.about))}</td>
                <td>
                  {(NOTICE_CHANNELS as ReadonlyArray<string>).includes(n.channel)
                    ? t(`citizen.notices.channel_${n.channel}`)
                    : n.channel}
                </td>
                <td data-status={n.status}>
                  {t(`citizen.notices.status_${n.status}`)}
                  {n.reason === undefined ? "" : ` — ${n.reason}`}
                </td>
                <td>{n.attempts}</td>
                <td>{formatInstant(n.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
