// A dossier's money for the officers (loaded with the dossier's page for staff only): its e-receipts, a wrong one
// cancelled and replaced (never edited: the centre's head or a leader, once), and its refunds — asked by a counter
// officer when the dossier was refused, stopped or withdrawn, decided by another account (a leader, the centre's
// head). The API says who may; a refusal is shown with its reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { api, type Schemas } from "../api/client.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { ErrorNote, Loading } from "../ui.tsx"
import { useReceipts } from "./pay.tsx"
import { REFUND_REASONS, REFUND_STATUSES, RefundDecision } from "./payments.tsx"

/** The states in which a dossier's fees may be refunded (the application's refund rule). */
const REFUNDABLE = new Set(["refused", "withdrawn", "stopped"])

export default function DossierMoney({
  code,
  state,
  asksRefunds,
}: {
  code: string
  state: string
  /** The account asks for refunds (a counter officer). */
  asksRefunds: boolean
}) {
  const { t } = useTranslation()
  const [done, setDone] = useState("")
  return (
    <section aria-labelledby="money-heading" data-testid="dossier-money">
      <h2 id="money-heading">{t("money.heading")}</h2>
      <p role="status">{done}</p>
      <Receipts code={code} onDone={setDone} />
      <Refunds code={code} onDone={setDone} canAsk={asksRefunds && REFUNDABLE.has(state)} />
    </section>
  )
}

function Receipts({ code, onDone }: { code: string; onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation()
  const receipts = useReceipts(code)
  return (
    <>
      <h3>{t("money.receipts")}</h3>
      {receipts.isPending && <Loading />}
      {receipts.isError && <ErrorNote error={receipts.error} />}
      {receipts.data?.length === 0 && <p>{t("money.noReceipts")}</p>}
      <ul className="plain" data-testid="receipts">
        {receipts.data?.map((r) => (
          <li key={r.id} className="held-item" data-testid="receipt">
            <p>
              <strong>{t("money.receiptNumber", { series: r.series, number: r.number })}</strong> —{" "}
              {formatMoney(r.total, i18n.language)} — {r.payer.name} —{" "}
              <span data-testid="receipt-status">
                {r.status === "issued" ? t("money.issued") : t("money.cancelled")}
              </span>
            </p>
            <p className="muted">
              {formatInstant(r.issuedAt, i18n.language)} · {r.collector}
              {r.replaces !== undefined && ` · ${t("money.replaces", { id: r.replaces })}`}
              {r.cancelled !== undefined && ` · ${t("money.cancelledBecause", { reason: r.cancelled.reason })}`}
            </p>
            {r.status === "issued" && <Replace receipt={r} onDone={onDone} />}
          </li>
        ))}
      </ul>
    </>
  )
}

function Replace({ receipt, onDone }: { receipt: Schemas["Receipt"]; onDone: (text: string) => void }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [reason, setReason] = useState("")
  const [payer, setPayer] = useState({
    name: receipt.payer.name,
    id: receipt.payer.id ?? "",
    address: receipt.payer.address ?? "",
  })
  const run = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/receipts/{id}/replacement", {
        params: { path: { id: receipt.id } },
        body: {
          reason: reason.trim(),
          payer: {
            name: payer.name.trim(),
            ...(payer.id.trim() === "" ? {} : { id: payer.id.trim() }),
            ...(payer.address.trim() === "" ? {} : { address: payer.address.trim() }),
          },
        },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async (answer) => {
      onDone(t("money.replacedDone", { number: answer.replacement.number }))
      await client.invalidateQueries({ queryKey: ["receipts", receipt.dossierCode] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    run.mutate()
  }
  const id = `replace-${receipt.id.replace(/\W/g, "")}`
  return (
    <details className="action">
      <summary>{t("money.replace")}</summary>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-reason`}>{t("money.replaceReason")}</label>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required />
        <label htmlFor={`${id}-name`}>{t("money.payerName")}</label>
        <input
          id={`${id}-name`}
          value={payer.name}
          onChange={(e) => setPayer({ ...payer, name: e.target.value })}
          required
        />
        <label htmlFor={`${id}-id`}>{t("money.payerId")}</label>
        <input id={`${id}-id`} value={payer.id} onChange={(e) => setPayer({ ...payer, id: e.target.value })} />
        <label htmlFor={`${id}-address`}>{t("money.payerAddress")}</label>
        <input
          id={`${id}-address`}
          value={payer.address}
          onChange={(e) => setPayer({ ...payer, address: e.target.value })}
        />
        <button type="submit" disabled={run.isPending}>
          {t("money.replace")}
        </button>
        {run.isError && <ErrorNote error={run.error} />}
      </form>
    </details>
  )
}

function Refunds({ code, onDone, canAsk }: { code: string; onDone: (text: string) => void; canAsk: boolean }) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [note, setNote] = useState("")
  const refunds = useQuery({
    queryKey: ["refunds", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/refunds", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data.items
    },
  })
  const ask = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/dossiers/{code}/refunds", {
        params: { path: { code } },
        body: { note: note.trim() },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async (refund) => {
      onDone(t("money.askedDone", { ref: refund.reference, amount: formatMoney(refund.amount, i18n.language) }))
      setNote("")
      await client.invalidateQueries({ queryKey: ["refunds", code] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    ask.mutate()
  }
  return (
    <>
      <h3>{t("money.refunds")}</h3>
      {refunds.isPending && <Loading />}
      {refunds.isError && <ErrorNote error={refunds.error} />}
      {refunds.data?.length === 0 && <p>{t("money.noRefunds")}</p>}
      <ul className="plain" data-testid="refunds">
        {refunds.data?.map((r) => (
          <li key={r.id} className="held-item" data-testid="refund">
            <p>
              <strong>{r.reference}</strong> — {formatMoney(r.amount, i18n.language)} —{" "}
              {(REFUND_REASONS as ReadonlyArray<string>).includes(r.reason) ? t(`pay.refund_${r.reason}`) : r.reason} —{" "}
              <span data-testid="refund-status">
                {(REFUND_STATUSES as ReadonlyArray<string>).includes(r.status) ? t(`pay.status_${r.status}`) : r.status}
              </span>
            </p>
            <p className="muted">
              {t("pay.askedBy", { who: r.requestedBy, at: formatInstant(r.requestedAt, i18n.language) })}
              {r.decidedBy !== undefined && ` · ${t("money.decidedBy", { who: r.decidedBy })}`}
            </p>
            {r.status === "requested" && <RefundDecision refund={r} onDone={onDone} invalidate={[["refunds", code]]} />}
          </li>
        ))}
      </ul>
      {canAsk && (
        <form onSubmit={submit} className="panel">
          <label htmlFor="refund-note">{t("money.askNote")}</label>
          <input id="refund-note" value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={ask.isPending}>
            {t("money.ask")}
          </button>
          {ask.isError && <ErrorNote error={ask.error} />}
        </form>
      )}
    </>
  )
}
