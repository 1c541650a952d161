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

/** The dossier and request the citizen left to pay on the gateway (pay.tsx keeps them for the tab's life). */
function paying(): { code?: string; requestId?: string } {
  try {
    const kept = JSON.parse(sessionStorage.getItem(PAYING_KEY) ?? "null") as Record<string, unknown> | null
    return {
      ...(typeof kept?.code === "string" ? { code: kept.code } : {}),
      ...(typeof kept?.requestId === "string" ? { requestId: kept.requestId } : {}),
    }
  } catch {
    return {}
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
      return { outcome, dossierCode: body.dossierCode ?? paying().code }
    },
  })
  const code = settled.data?.dossierCode
  const requests = usePaymentRequests(code)
  // A repeat (the IPN arrived first, as it usually does) says nothing new: what the ledger holds for the request
  // the citizen left to pay says how it went.
  const left = requests.data?.find((r) => r.id === paying().requestId)
  const outcome =
    settled.data?.outcome === "duplicate" && left?.status === "paid"
      ? "confirmed"
      : settled.data?.outcome === "duplicate" && left?.status === "failed"
        ? "not-paid"
        : settled.data?.outcome
  return (
    <section aria-labelledby="return-heading">
      <h1 id="return-heading">{t("citizen.payReturn.heading")}</h1>
      {settled.isPending && <p role="status">{t("citizen.payReturn.checking")}</p>}
      {settled.isError && <ErrorNote error={settled.error} />}
      {outcome !== undefined && (
        <p
          role="status"
          data-testid="pay-outcome"
          className={outcome === "confirmed" || outcome === "duplicate" ? "done" : "error"}
        >
          {t(`citizen.payReturn.${outcome}`)}
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
