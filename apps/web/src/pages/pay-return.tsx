// Where the payment gateway sends the citizen back (MOTCUA_GATEWAY_RETURN_URL = https://<site>/thanh-toan/ket-qua):
// the gateway's signed parameters are handed to the API's return route as they came (it settles the payment like the
// IPN, whichever arrives first; `Accept: application/json` asks for the outcome as data), then the page says how it
// went and shows the dossier's payment requests as the ledger has them.
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link, useLocation } from "react-router"
import { ErrorNote, Loading } from "../ui.tsx"
import { PAYING_KEY, RequestTable, usePaymentRequests } from "./pay.tsx"

const OUTCOMES = ["confirmed", "duplicate", "held", "not-paid", "rejected"] as const
type Outcome = (typeof OUTCOMES)[number]

function payingCode(): string | undefined {
  try {
    const kept = JSON.parse(sessionStorage.getItem(PAYING_KEY) ?? "null") as { code?: unknown } | null
    return typeof kept?.code === "string" ? kept.code : undefined
  } catch {
    return undefined
  }
}

export default function PayReturnPage() {
  const { t } = useTranslation()
  const { search } = useLocation()
  const settled = useQuery({
    queryKey: ["gateway-return", search],
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    queryFn: async () => {
      const response = await fetch(`/api/v1/payments/gateway/return${search}`, {
        headers: { accept: "application/json" },
        credentials: "same-origin",
      })
      const body = (await response.json()) as { outcome?: string; dossierCode?: string }
      if (!response.ok) throw body
      const outcome: Outcome = (OUTCOMES as ReadonlyArray<string>).includes(body.outcome ?? "")
        ? (body.outcome as Outcome)
        : "rejected"
      return { outcome, dossierCode: body.dossierCode ?? payingCode() }
    },
  })
  const code = settled.data?.dossierCode
  const requests = usePaymentRequests(code)
  return (
    <section aria-labelledby="return-heading">
      <h1 id="return-heading">{t("citizen.payReturn.heading")}</h1>
      {settled.isPending && <p role="status">{t("citizen.payReturn.checking")}</p>}
      {settled.isError && <ErrorNote error={settled.error} />}
      {settled.data !== undefined && (
        <p
          role="status"
          data-testid="pay-outcome"
          className={settled.data.outcome === "confirmed" || settled.data.outcome === "duplicate" ? "done" : "error"}
        >
          {t(`citizen.payReturn.${settled.data.outcome}`)}
        </p>
      )}
      {code !== undefined && (
        <>
          {requests.isPending && <Loading />}
          {requests.data !== undefined && <RequestTable requests={requests.data} />}
          <p>
            <Link to={`/ho-so/${encodeURIComponent(code)}/thanh-toan`}>{t("citizen.payReturn.open", { code })}</Link>
          </p>
        </>
      )}
    </section>
  )
}
