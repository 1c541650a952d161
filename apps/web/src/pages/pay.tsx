// Paying a dossier on the payments ledger (issue 9's API): what is owed, a payment request by VietQR (the QR image
// drawn by the API, with the amount, the centre's account and the reference to type for a transfer by hand) or on
// the payment gateway (the browser goes to its pay page and comes back to /thanh-toan/ket-qua); each request's status
// (pending, paid, expired, failed, cancelled), refreshed while one is pending; and the dossier's e-receipts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { saveBlob } from "../download.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { ErrorNote, Loading } from "../ui.tsx"

type Request = Schemas["PaymentRequest"]
export const PAYMENT_STATUSES = ["pending", "paid", "expired", "failed", "cancelled"] as const
export const PAYMENT_CHANNELS = ["vietqr", "gateway"] as const

/** The dossier being paid on the gateway, kept for the return page (the gateway sends back only its own fields). */
export const PAYING_KEY = "motcua.paying"

/** The dossier's payment requests, newest first (refreshed every 5 s while one is pending). */
export function usePaymentRequests(code: string | undefined) {
  return useQuery({
    queryKey: ["payment-requests", code],
    enabled: code !== undefined,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/payment-requests", {
        params: { path: { code: code ?? "" } },
      })
      if (error !== undefined) throw error
      return [...data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === "pending") ? 5_000 : false),
  })
}

export default function PayPage() {
  const { code = "" } = useParams()
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const dossier = useQuery({
    queryKey: ["dossier", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data
    },
  })
  const requests = usePaymentRequests(code)
  const paidNow = requests.data?.filter((r) => r.status === "paid").length ?? 0
  // a request paid meanwhile changes what is owed and the receipts
  useEffect(() => {
    if (paidNow > 0) {
      void client.invalidateQueries({ queryKey: ["dossier", code] })
      void client.invalidateQueries({ queryKey: ["receipts", code] })
    }
  }, [paidNow, code, client])
  const ask = useMutation({
    mutationFn: async (channel: "vietqr" | "gateway") => {
      const { data, error } = await api.POST("/api/v1/dossiers/{code}/payment-requests", {
        params: { path: { code } },
        body: { channel },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["payment-requests", code] }),
  })
  if (dossier.isPending || requests.isPending) return <Loading />
  if (dossier.isError) return <ErrorNote error={dossier.error} />
  if (requests.isError) return <ErrorNote error={requests.error} />
  const owed = dossier.data.payment.outstanding
  const pending = requests.data.filter((r) => r.status === "pending")
  return (
    <article aria-labelledby="pay-heading">
      <h1 id="pay-heading">{t("citizen.pay.heading", { code })}</h1>
      <p>
        <Link to={`/ho-so/${encodeURIComponent(code)}`}>{t("citizen.pay.back", { code })}</Link>
      </p>
      <dl className="facts">
        <dt>{t("dossier.procedure")}</dt>
        <dd>{dossier.data.procedureName}</dd>
        <dt>{t("citizen.pay.paid")}</dt>
        <dd>{formatMoney(dossier.data.payment.paid, i18n.language)}</dd>
        <dt>{t("citizen.pay.owed")}</dt>
        <dd data-testid="pay-owed">{owed === 0 ? t("citizen.pay.nothingOwed") : formatMoney(owed, i18n.language)}</dd>
      </dl>
      {owed > 0 && (
        <section aria-labelledby="choose-heading" className="panel">
          <h2 id="choose-heading">{t("citizen.pay.choose")}</h2>
          {ask.isError && <ErrorNote error={ask.error} />}
          <div className="choices">
            <button type="button" disabled={ask.isPending} onClick={() => ask.mutate("vietqr")}>
              {t("citizen.pay.vietqr")}
            </button>{" "}
            <button type="button" disabled={ask.isPending} onClick={() => ask.mutate("gateway")}>
              {t("citizen.pay.gateway")}
            </button>
          </div>
        </section>
      )}
      {pending.map((r) => (
        <PendingRequest key={r.id} code={code} request={r} />
      ))}
      <RequestTable requests={requests.data} />
      <Receipts code={code} />
    </article>
  )
}

function PendingRequest({ code, request }: { code: string; request: Request }) {
  const { t, i18n } = useTranslation()
  const amount = formatMoney(request.amount, i18n.language)
  if (request.channel === "gateway")
    return (
      <section className="panel" aria-label={t("citizen.pay.channel_gateway")} data-testid="pending-gateway">
        <p>
          {t("citizen.pay.channel_gateway")}: {amount} · {t("citizen.pay.expires")}{" "}
          {formatInstant(request.expiresAt, i18n.language)}
        </p>
        {request.payUrl !== undefined && (
          <a
            className="button"
            href={request.payUrl}
            rel="noopener noreferrer"
            onClick={() => sessionStorage.setItem(PAYING_KEY, JSON.stringify({ code, requestId: request.id }))}
          >
            {t("citizen.pay.toGateway", { amount })}
          </a>
        )}
      </section>
    )
  return <VietQrRequest code={code} request={request} />
}

/** The QR image from the API (fetched with the caller's credentials, shown from a blob URL). */
function useQrImage(code: string, id: string, format: "svg" | "png") {
  return useQuery({
    queryKey: ["payment-qr", code, id, format],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/payment-requests/{id}/qr", {
        params: { path: { code, id }, query: { format } },
        parseAs: "blob",
      })
      if (error !== undefined || data === undefined) throw error ?? new Error("QR")
      return data as Blob
    },
  })
}

function VietQrRequest({ code, request }: { code: string; request: Request }) {
  const { t, i18n } = useTranslation()
  const svg = useQrImage(code, request.id, "svg")
  const [url, setUrl] = useState<string>()
  useEffect(() => {
    if (svg.data === undefined) return
    const made = URL.createObjectURL(svg.data)
    setUrl(made)
    return () => URL.revokeObjectURL(made)
  }, [svg.data])
  const downloadPng = async () => {
    const { data } = await api.GET("/api/v1/dossiers/{code}/payment-requests/{id}/qr", {
      params: { path: { code, id: request.id }, query: { format: "png" } },
      parseAs: "blob",
    })
    if (data !== undefined) saveBlob(data as Blob, `vietqr-${request.reference}.png`)
  }
  const amount = formatMoney(request.amount, i18n.language)
  const account = request.account
  return (
    <section className="panel" aria-labelledby={`qr-${request.id}`} data-testid="pending-vietqr">
      <h2 id={`qr-${request.id}`}>{t("citizen.pay.channel_vietqr")}</h2>
      <p>{t("citizen.pay.scan")}</p>
      <div className="qr-figure">
        {svg.isError && <ErrorNote error={svg.error} />}
        {url !== undefined && (
          <img
            className="qr"
            data-testid="ledger-vietqr"
            src={url}
            width={220}
            height={220}
            alt={t("citizen.pay.qrAlt", {
              amount,
              account: account?.accountNumber ?? "",
              reference: request.reference,
            })}
          />
        )}
        <dl className="facts" data-testid="transfer-details">
          <dt>{t("citizen.pay.amount")}</dt>
          <dd>{amount}</dd>
          {account !== undefined && (
            <>
              <dt>{t("citizen.pay.bank")}</dt>
              <dd>{account.bankName}</dd>
              <dt>{t("citizen.pay.accountNumber")}</dt>
              <dd>
                <code>{account.accountNumber}</code>
              </dd>
              <dt>{t("citizen.pay.accountName")}</dt>
              <dd>{account.accountName}</dd>
            </>
          )}
          <dt>{t("citizen.pay.content")}</dt>
          <dd>
            <code>{request.reference}</code>
          </dd>
          <dt>{t("citizen.pay.expires")}</dt>
          <dd>{formatInstant(request.expiresAt, i18n.language)}</dd>
        </dl>
      </div>
      <p className="muted" role="status">
        {t("citizen.pay.waiting")}
      </p>
      <button type="button" className="link" onClick={downloadPng}>
        {t("citizen.pay.png")}
      </button>
    </section>
  )
}

export function RequestTable({ requests }: { requests: ReadonlyArray<Request> }) {
  const { t, i18n } = useTranslation()
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t("citizen.pay.requests")}</h2>
      {requests.length === 0 ? (
        <p>{t("citizen.pay.noRequests")}</p>
      ) : (
        <table data-testid="payment-requests">
          <thead>
            <tr>
              <th scope="col">{t("citizen.pay.reference")}</th>
              <th scope="col">{t("citizen.pay.channel")}</th>
              <th scope="col">{t("citizen.pay.amount")}</th>
              <th scope="col">{t("citizen.pay.created")}</th>
              <th scope="col">{t("citizen.pay.status")}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} data-request={r.id}>
                <td>
                  <code>{r.reference}</code>
                </td>
                <td>{t(`citizen.pay.channel_${r.channel}`)}</td>
                <td>{formatMoney(r.amount, i18n.language)}</td>
                <td>{formatInstant(r.createdAt, i18n.language)}</td>
                <td data-status={r.status}>
                  <span className={r.status === "paid" ? "due-ok" : r.status === "pending" ? "due-soon" : "due-late"}>
                    {t(`citizen.pay.status_${r.status}`)}
                  </span>
                  {r.paidAt === undefined ? "" : ` (${formatInstant(r.paidAt, i18n.language)})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** A dossier's e-receipts (the citizen's payment page and the officers' money panel show the same list). */
export function useReceipts(code: string) {
  return useQuery({
    queryKey: ["receipts", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/receipts", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data.items
    },
  })
}

function Receipts({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const receipts = useReceipts(code)
  return (
    <section aria-labelledby="receipts-heading">
      <h2 id="receipts-heading">{t("citizen.pay.receipts")}</h2>
      {receipts.isError && <ErrorNote error={receipts.error} />}
      {receipts.data?.length === 0 && <p>{t("citizen.pay.noReceipts")}</p>}
      {receipts.data !== undefined && receipts.data.length > 0 && (
        <>
          <table data-testid="receipts">
            <thead>
              <tr>
                <th scope="col">{t("citizen.pay.receiptNumber")}</th>
                <th scope="col">{t("citizen.pay.issued")}</th>
                <th scope="col">{t("citizen.pay.items")}</th>
                <th scope="col">{t("citizen.pay.amount")}</th>
                <th scope="col">{t("citizen.pay.method")}</th>
                <th scope="col">{t("citizen.pay.status")}</th>
              </tr>
            </thead>
            <tbody>
              {receipts.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {String(r.number).padStart(7, "0")}
                    <br />
                    <span className="muted">
                      {t("citizen.pay.receiptSeries")} {r.form} · {r.series}
                    </span>
                  </th>
                  <td>{formatInstant(r.issuedAt, i18n.language)}</td>
                  <td>
                    {r.items.map((item) => (
                      <div key={item.name}>
                        {item.name}: {formatMoney(item.amount, i18n.language)}
                      </div>
                    ))}
                    <span className="muted">
                      {t("citizen.pay.inWords")}: {r.totalInWords}
                    </span>
                  </td>
                  <td>{formatMoney(r.total, i18n.language)}</td>
                  <td>{r.method}</td>
                  <td>
                    {r.status === "issued"
                      ? t("citizen.pay.receiptIssued")
                      : t("citizen.pay.receiptCancelled", { by: r.replacedBy ?? "—" })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t("citizen.pay.pdfNone")}</p>
        </>
      )}
    </section>
  )
}
