// What the dossier still owes and how to pay it (GET /api/v1/dossiers/{code} → payment): the gateway's link, and the
// VietQR code drawn from the request's payload when the gateway gives one (the QR library loads only here).
import { lazy, Suspense } from "react"
import { useTranslation } from "react-i18next"
import type { Schemas } from "../api/client.ts"
import { formatInstant, formatMoney } from "../format.ts"

const QrImage = lazy(() => import("../qr.tsx"))

export function PaymentSection({ payment }: { payment: Schemas["DossierPayment"] }) {
  const { t, i18n } = useTranslation()
  const open = payment.requests.filter((r) => r.open)
  return (
    <section aria-labelledby="payment-heading" className="panel">
      <h2 id="payment-heading">{t("payment.heading")}</h2>
      <dl className="facts">
        <dt>{t("dossier.paid")}</dt>
        <dd>{formatMoney(payment.paid, i18n.language)}</dd>
        <dt>{t("dossier.outstanding")}</dt>
        <dd data-testid="dossier-outstanding">
          {payment.outstanding === 0 ? t("dossier.nothingOwed") : formatMoney(payment.outstanding, i18n.language)}
        </dd>
      </dl>
      {payment.outstanding > 0 && open.length === 0 && <p className="muted">{t("payment.noRequest")}</p>}
      {payment.outstanding > 0 &&
        open.map((r) => (
          <div key={r.requestId} className="pay-request" data-testid="payment-request">
            <p>
              {t("payment.request", {
                amount: formatMoney(r.amount, i18n.language),
                at: formatInstant(r.createdAt, i18n.language),
              })}
            </p>
            <ul>
              {r.items.map((item) => (
                <li key={item.name}>
                  {item.name}: {formatMoney(item.amount, i18n.language)}
                </li>
              ))}
            </ul>
            {r.payUrl !== undefined && (
              <p>
                <a className="button" href={r.payUrl} rel="noopener noreferrer">
                  {t("dossier.payNow", { amount: formatMoney(r.amount, i18n.language) })}
                </a>
              </p>
            )}
            {r.qrPayload !== undefined && (
              <figure className="qr-figure">
                <Suspense fallback={null}>
                  <QrImage
                    payload={r.qrPayload}
                    label={t("payment.qrAlt", { amount: formatMoney(r.amount, i18n.language) })}
                  />
                </Suspense>
                <figcaption>
                  {t("payment.scan")}
                  <br />
                  <span className="muted">
                    {t("dossier.qrPayload")}: <code>{r.qrPayload}</code>
                  </span>
                </figcaption>
              </figure>
            )}
          </div>
        ))}
    </section>
  )
}
