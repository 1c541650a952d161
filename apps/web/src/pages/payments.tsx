// A centre's money, for its counter officers and its head (the policy's payment.ledger): the money held at the
// centre's account that did not credit itself (GET …/payments/held) — applied to a dossier or returned to the payer
// through a refund; the refunds waiting for a decision (GET …/refunds?status=requested), approved or rejected by
// another account than the one that asked; and the day's reconciliation, with the bank's statement as a CSV file
// (POST …/payments/reconciliation): each mismatch with its reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"

/** Why money is held (the API's HeldPayment.reason): each has its text in both catalogues. */
export const HELD_REASONS = [
  "underpayment",
  "overpayment",
  "no-reference",
  "several-references",
  "unknown-reference",
  "wrong-account",
  "request-closed",
  "dossier-refused",
  "paid-by-another-request",
] as const
/** Why a refund was asked and where it stands (the API's Refund.reason and status). */
export const REFUND_REASONS = ["refused", "withdrawn", "unmatched", "overpaid"] as const
export const REFUND_STATUSES = ["requested", "approved", "rejected"] as const

const known = (list: ReadonlyArray<string>, value: string) => list.includes(value)

/** Today in Vietnam, as a date input takes it. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)

export default function PaymentsPage() {
  const { t } = useTranslation()
  const me = useMe()
  return (
    <section aria-labelledby="payments-heading">
      <h1 id="payments-heading">{t("pay.heading")}</h1>
      {me.paymentCentreIds.length === 0 && <p>{t("pay.noCentre")}</p>}
      {me.paymentCentreIds.map((centreId) => (
        <Centre key={centreId} centreId={centreId} />
      ))}
    </section>
  )
}

function Centre({ centreId }: { centreId: string }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="muted">{t("pay.centre", { id: centreId })}</p>
      <Held centreId={centreId} />
      <Refunds centreId={centreId} />
      <Reconciliation centreId={centreId} />
    </>
  )
}

function Held({ centreId }: { centreId: string }) {
  const { t, i18n } = useTranslation()
  const held = useQuery({
    queryKey: ["held", centreId],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/centres/{centreId}/payments/held", {
        params: { path: { centreId } },
      })
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby={`held-${centreId}`} className="panel">
      <h2 id={`held-${centreId}`}>{t("pay.held")}</h2>
      {held.isPending && <Loading />}
      {held.isError && <ErrorNote error={held.error} />}
      {held.data?.length === 0 && <p>{t("pay.noHeld")}</p>}
      <ul className="plain held" data-testid="held-list">
        {held.data?.map((m) => (
          <li key={m.id} className="held-item" data-testid="held-item">
            <dl className="facts">
              <dt>{t("pay.amount")}</dt>
              <dd>{m.amount === undefined ? "—" : formatMoney(m.amount, i18n.language)}</dd>
              <dt>{t("pay.reason")}</dt>
              <dd>{known(HELD_REASONS, m.reason) ? t(`pay.held_${m.reason}`) : m.reason}</dd>
              <dt>{t("pay.receivedAt")}</dt>
              <dd>{formatInstant(m.receivedAt, i18n.language)}</dd>
              <dt>{t("pay.description")}</dt>
              <dd>{m.description ?? "—"}</dd>
              <dt>{t("pay.transaction")}</dt>
              <dd>{m.key ?? "—"}</dd>
              {m.dossierCode !== undefined && (
                <>
                  <dt>{t("pay.dossier")}</dt>
                  <dd>
                    <Link to={`/ho-so/${m.dossierCode}`}>{m.dossierCode}</Link>
                  </dd>
                </>
              )}
            </dl>
            <p className="muted" lang="vi">
              {m.detail}
            </p>
            <Resolve message={m} centreId={centreId} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function Resolve({ message, centreId }: { message: Schemas["HeldPayment"]; centreId: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [action, setAction] = useState<"apply" | "return">("apply")
  const [dossierCode, setDossierCode] = useState(message.dossierCode ?? "")
  const [note, setNote] = useState("")
  const run = useMutation({
    mutationFn: async () => {
      const body =
        action === "apply"
          ? { action, dossierCode: dossierCode.trim(), ...(note.trim() === "" ? {} : { note: note.trim() }) }
          : { action, note: note.trim() }
      const { data, error } = await api.POST("/api/v1/payments/held/{id}/resolution", {
        params: { path: { id: message.id } },
        body,
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["held", centreId] })
      await client.invalidateQueries({ queryKey: ["centre-refunds", centreId] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    run.mutate()
  }
  const id = `resolve-${message.id.replace(/\W/g, "")}`
  return (
    <form onSubmit={submit} className="resolve" aria-label={t("pay.resolve")}>
      <fieldset>
        <legend>{t("pay.resolve")}</legend>
        <div className="check">
          <input
            id={`${id}-apply`}
            type="radio"
            name={`${id}-action`}
            checked={action === "apply"}
            onChange={() => setAction("apply")}
          />
          <label htmlFor={`${id}-apply`}>{t("pay.apply")}</label>
        </div>
        <div className="check">
          <input
            id={`${id}-return`}
            type="radio"
            name={`${id}-action`}
            checked={action === "return"}
            onChange={() => setAction("return")}
          />
          <label htmlFor={`${id}-return`}>{t("pay.return")}</label>
        </div>
      </fieldset>
      {action === "apply" && (
        <>
          <label htmlFor={`${id}-dossier`}>{t("pay.dossierCode")}</label>
          <input id={`${id}-dossier`} value={dossierCode} onChange={(e) => setDossierCode(e.target.value)} required />
        </>
      )}
      <label htmlFor={`${id}-note`}>{action === "return" ? t("pay.returnNote") : t("pay.note")}</label>
      <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} required={action === "return"} />
      <button type="submit" disabled={run.isPending}>
        {action === "apply" ? t("pay.apply") : t("pay.return")}
      </button>
      {run.isError && <ErrorNote error={run.error} />}
    </form>
  )
}

function Refunds({ centreId }: { centreId: string }) {
  const { t, i18n } = useTranslation()
  const refunds = useQuery({
    queryKey: ["centre-refunds", centreId],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/centres/{centreId}/refunds", {
        params: { path: { centreId }, query: { status: "requested" } },
      })
      if (error !== undefined) throw error
      return data.items
    },
  })
  const [done, setDone] = useState("")
  return (
    <section aria-labelledby={`refunds-${centreId}`} className="panel">
      <h2 id={`refunds-${centreId}`}>{t("pay.refundsWaiting")}</h2>
      <p role="status">{done}</p>
      {refunds.isPending && <Loading />}
      {refunds.isError && <ErrorNote error={refunds.error} />}
      {refunds.data?.length === 0 && <p>{t("pay.noRefunds")}</p>}
      <ul className="plain" data-testid="refunds-waiting">
        {refunds.data?.map((r) => (
          <li key={r.id} className="held-item">
            <p>
              <strong>{r.reference}</strong> — {formatMoney(r.amount, i18n.language)} —{" "}
              {known(REFUND_REASONS, r.reason) ? t(`pay.refund_${r.reason}`) : r.reason}
              {r.dossierCode !== undefined && (
                <>
                  {" "}
                  — <Link to={`/ho-so/${r.dossierCode}`}>{r.dossierCode}</Link>
                </>
              )}
            </p>
            <p className="muted">
              {t("pay.askedBy", { who: r.requestedBy, at: formatInstant(r.requestedAt, i18n.language) })}
              {r.note !== "" && ` — ${r.note}`}
            </p>
            <RefundDecision refund={r} onDone={setDone} invalidate={[["centre-refunds", centreId]]} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Approve or reject a refund (never by the account that asked: the API says so when it is). */
export function RefundDecision({
  refund,
  onDone,
  invalidate,
}: {
  refund: Schemas["Refund"]
  onDone: (text: string) => void
  invalidate: ReadonlyArray<ReadonlyArray<string>>
}) {
  const { t } = useTranslation()
  const me = useMe()
  const client = useQueryClient()
  const [note, setNote] = useState("")
  const run = useMutation({
    mutationFn: async (approve: boolean) => {
      const { data, error } = await api.POST("/api/v1/refunds/{id}/decision", {
        params: { path: { id: refund.id } },
        body: { approve, note: note.trim() },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async (decided) => {
      onDone(t(decided.status === "approved" ? "pay.approvedDone" : "pay.rejectedDone", { ref: decided.reference }))
      for (const key of invalidate) await client.invalidateQueries({ queryKey: [...key] })
    },
  })
  const id = `decide-${refund.id.replace(/\W/g, "")}`
  // the account that asked may not decide: another one does (the API refuses it as well)
  if (me.principal?.id === refund.requestedBy) return <p className="muted">{t("pay.notYours")}</p>
  return (
    <div className="decide">
      <label htmlFor={`${id}-note`}>{t("pay.decisionNote")}</label>
      <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" onClick={() => run.mutate(true)} disabled={run.isPending}>
        {t("pay.approve")}
      </button>{" "}
      <button type="button" className="secondary" onClick={() => run.mutate(false)} disabled={run.isPending}>
        {t("pay.reject")}
      </button>
      {run.isError && <ErrorNote error={run.error} />}
    </div>
  )
}

function Reconciliation({ centreId }: { centreId: string }) {
  const { t, i18n } = useTranslation()
  const [date, setDate] = useState(today)
  const [file, setFile] = useState<File>()
  const run = useMutation({
    mutationFn: async () => {
      const statementCsv = file === undefined ? undefined : await file.text()
      const { data, error } = await api.POST("/api/v1/centres/{centreId}/payments/reconciliation", {
        params: { path: { centreId } },
        body: { date, ...(statementCsv === undefined ? {} : { statementCsv }) },
      })
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    run.mutate()
  }
  const report = run.data
  return (
    <section aria-labelledby={`reconcile-${centreId}`} className="panel">
      <h2 id={`reconcile-${centreId}`}>{t("pay.reconcile")}</h2>
      <form onSubmit={submit} className="filters">
        <div>
          <label htmlFor={`${centreId}-date`}>{t("pay.date")}</label>
          <input id={`${centreId}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </div>
        <div>
          <label htmlFor={`${centreId}-statement`}>{t("pay.statement")}</label>
          <input
            id={`${centreId}-statement`}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <button type="submit" disabled={run.isPending}>
          {t("pay.reconcileRun")}
        </button>
      </form>
      {run.isError && <ErrorNote error={run.error} title={t("pay.statementRefused")} />}
      {report !== undefined && (
        <div data-testid="reconciliation">
          <dl className="facts">
            <dt>{t("pay.withStatement")}</dt>
            <dd>{report.statement ? t("pay.yes") : t("pay.no")}</dd>
            <dt>{t("pay.matched")}</dt>
            <dd data-testid="reconciliation-matched">{report.matched}</dd>
            {Object.entries(report.totals.confirmed).map(([channel, total]) => (
              <div key={channel} className="form-line">
                <dt>{t("pay.confirmedBy", { channel })}</dt>
                <dd>
                  {total.count} — {formatMoney(total.amount, i18n.language)}
                </dd>
              </div>
            ))}
            <dt>{t("pay.credits")}</dt>
            <dd>{formatMoney(report.totals.statementCredits, i18n.language)}</dd>
            <dt>{t("pay.heldCount")}</dt>
            <dd>{report.totals.held}</dd>
          </dl>
          {report.mismatches.length === 0 ? (
            <p className="ok">{t("pay.balanced")}</p>
          ) : (
            <table data-testid="mismatches">
              <caption>{t("pay.mismatches", { count: report.mismatches.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("pay.kind")}</th>
                  <th scope="col">{t("pay.transaction")}</th>
                  <th scope="col">{t("pay.amount")}</th>
                  <th scope="col">{t("pay.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {report.mismatches.map((m, i) => (
                  <tr key={`${m.kind}-${m.transactionId ?? m.paymentId ?? m.messageId ?? i}`}>
                    <td>
                      <code>{m.kind}</code>
                    </td>
                    <td>{m.transactionId ?? m.paymentId ?? "—"}</td>
                    <td>{m.amount === undefined ? "—" : formatMoney(m.amount, i18n.language)}</td>
                    <td lang="vi">{m.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.pendingRefunds.length > 0 && (
            <p>
              {t("pay.pendingRefunds", {
                list: report.pendingRefunds
                  .map((r) => `${r.reference} (${formatMoney(r.amount, i18n.language)})`)
                  .join(", "),
              })}
            </p>
          )}
        </div>
      )}
    </section>
  )
}
