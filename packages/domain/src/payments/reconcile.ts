// Daily reconciliation of one centre: what motcua asked for (requests), what it credited to dossiers
// (confirmations), what it held or refused (messages), what it agreed to send back (refunds), and — when given — the
// bank statement of the centre's account for the day. Every difference is listed with its reason; a day with none
// has `mismatches` empty. Pure: the application gathers the records, the CLI prints the report.
//
// Rules:
// - A statement credit is matched by its transaction id to a confirmation of the same amount. A credit whose money
//   was held and then sent back (a returned held message) is explained by that; anything else is a mismatch, with
//   what motcua knows of it (held for an officer and why, refused and why, or never notified).
// - A confirmation by bank transfer or gateway on the day that no statement line carries is a mismatch (money
//   credited to a dossier that the bank does not show). Counter payments are not on the account's statement and
//   are only totalled.
// - A statement debit is explained by a refund paid out (its recorded transfer: the debit's transaction id is the
//   payout's bank reference) or approved, whose reference (`HT…`) its description carries — for the same amount,
//   each refund once. A refund recorded as paid out on the day that no debit carries is a mismatch; approved
//   refunds whose payout is not recorded yet are listed as pending, not as mismatches.
// - Without a statement, requests and confirmations must agree (a paid request has its confirmation and the other
//   way round), and money held for an officer and not yet resolved is a mismatch.
import { formatDong } from "../fees/money.ts"
import type { PaymentConfirmation, PaymentMessage, PaymentRequestRecord, RefundRecord } from "./ledger.ts"
import { findRefundReferences } from "./reference.ts"
import type { StatementLine } from "./statement.ts"

export type MismatchKind =
  | "credit-not-confirmed"
  | "confirmed-not-credited"
  | "amount-differs"
  | "debit-unexplained"
  | "refund-not-debited"
  | "held-unresolved"
  | "request-without-confirmation"
  | "confirmation-without-request"

export interface Mismatch {
  readonly kind: MismatchKind
  /** Vietnamese, then English. */
  readonly reason: string
  readonly transactionId?: string
  readonly paymentId?: string
  readonly dossierCode?: string
  readonly messageId?: string
  readonly amount?: number
  /** The statement line, when the mismatch is about one. */
  readonly line?: number
}

export interface ReconciliationInput {
  /** The civil day in Vietnam, `YYYY-MM-DD`. */
  readonly date: string
  readonly centreId: string
  /** The centre's account: statement lines of other accounts are not this centre's. */
  readonly accountNumber: string
  /** Requests of the centre created or paid on the day (or still open). */
  readonly requests: ReadonlyArray<PaymentRequestRecord>
  /** Confirmations of the centre paid on the day. */
  readonly confirmations: ReadonlyArray<PaymentConfirmation>
  /**
   * Every message about the centre's account received on the day, and any held one of any day still unresolved
   * (messages that named no centre — forged, unreadable — belong to no centre's report: they are in the rejected log).
   */
  readonly messages: ReadonlyArray<PaymentMessage>
  /** Every refund of the centre (approved and paid refunds explain debits whenever they were decided). */
  readonly refunds: ReadonlyArray<RefundRecord>
  readonly statement?: ReadonlyArray<StatementLine>
}

export interface ReconciliationReport {
  readonly date: string
  readonly centreId: string
  readonly statement: boolean
  readonly totals: {
    /** Confirmed on the day, by channel: count and đồng. */
    readonly confirmed: Readonly<Record<string, { readonly count: number; readonly amount: number }>>
    readonly statementCredits: number
    readonly statementDebits: number
    readonly held: number
    readonly rejected: number
    readonly duplicates: number
  }
  /** Statement lines (or, without a statement, confirmations) that agree. */
  readonly matched: number
  readonly mismatches: ReadonlyArray<Mismatch>
  /** Approved refunds whose transfer back is neither recorded nor on the statement yet. */
  readonly pendingRefunds: ReadonlyArray<{ readonly id: string; readonly reference: string; readonly amount: number }>
}

/** The civil date in Vietnam of an ISO instant. */
const vnDate = (instant: string): string => new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10)

const BANKED = new Set(["vietqr", "gateway", "callback"])

export function reconcile(input: ReconciliationInput): ReconciliationReport {
  const mismatches: Mismatch[] = []
  const onDay = (instant: string | undefined) => instant !== undefined && vnDate(instant) === input.date
  const confirmations = input.confirmations.filter((c) => c.centreId === input.centreId && onDay(c.paidAt))
  const messages = input.messages.filter((m) => m.centreId === input.centreId)
  const confirmed: Record<string, { count: number; amount: number }> = {}
  for (const c of confirmations) {
    const t = confirmed[c.channel] ?? { count: 0, amount: 0 }
    confirmed[c.channel] = { count: t.count + 1, amount: t.amount + c.amount }
  }
  const dayMessages = messages.filter((m) => onDay(m.receivedAt))
  const count = (outcome: PaymentMessage["outcome"]) => dayMessages.filter((m) => m.outcome === outcome).length
  let matched = 0
  let credits = 0
  let debits = 0
  const pendingRefunds: Array<{ id: string; reference: string; amount: number }> = []

  if (input.statement !== undefined) {
    const lines = input.statement.filter((l) => l.accountNumber === input.accountNumber && onDay(l.bookedAt))
    const byExternal = new Map<string, PaymentConfirmation>()
    for (const c of input.confirmations) if (c.externalId !== undefined) byExternal.set(c.externalId, c)
    const messageByKey = new Map<string, PaymentMessage>()
    for (const m of messages) if (m.key !== undefined && m.outcome !== "duplicate") messageByKey.set(m.key, m)
    const seenExternal = new Set<string>()
    const ours = input.refunds.filter((r) => r.centreId === input.centreId)
    const approved = ours.filter((r) => r.status === "approved")
    const paidOut = ours.filter((r) => r.status === "paid")
    const refundByReference = new Map([...approved, ...paidOut].map((r) => [r.reference, r]))
    const refundByPayout = new Map(
      paidOut.flatMap((r) => (r.payout === undefined ? [] : [[r.payout.bankReference, r]])),
    )
    const paidBack = new Set<string>()
    for (const line of lines) {
      if (line.amount > 0) {
        credits += line.amount
        const c = byExternal.get(line.transactionId)
        if (c !== undefined) {
          seenExternal.add(line.transactionId)
          if (c.amount === line.amount) matched++
          else
            mismatches.push({
              kind: "amount-differs",
              reason: `Sao kê ghi ${formatDong(line.amount)}, hệ thống ghi nhận ${formatDong(c.amount)} / the statement and the confirmation differ`,
              transactionId: line.transactionId,
              paymentId: c.paymentId,
              dossierCode: c.dossierCode,
              amount: line.amount,
              line: line.line,
            })
          continue
        }
        const m = messageByKey.get(line.transactionId)
        if (m?.resolution?.action === "returned") {
          matched++
          continue
        }
        mismatches.push({
          kind: "credit-not-confirmed",
          reason:
            m === undefined
              ? "Tiền đã vào tài khoản nhưng không nhận được thông báo nào / credited, but no notice was received"
              : m.outcome === "held"
                ? `Đang giữ chờ cán bộ xử lý: ${m.detail}`
                : `Thông báo đã bị từ chối (${m.reason}): ${m.detail}`,
          transactionId: line.transactionId,
          amount: line.amount,
          line: line.line,
          ...(m === undefined ? {} : { messageId: m.id }),
          ...(m?.dossierCode === undefined ? {} : { dossierCode: m.dossierCode }),
        })
      } else {
        debits += -line.amount
        const refund =
          refundByPayout.get(line.transactionId) ??
          findRefundReferences(line.description)
            .map((ref) => refundByReference.get(ref))
            .find((r) => r !== undefined)
        const recorded = refund?.payout?.bankReference
        const problem =
          refund === undefined
            ? "Tiền ra khỏi tài khoản không ứng với khoản hoàn trả nào đã duyệt / a debit no approved refund explains"
            : paidBack.has(refund.id)
              ? `Khoản hoàn trả ${refund.reference} đã khớp với giao dịch khác / the refund is already matched to another debit`
              : refund.amount !== -line.amount
                ? `Khoản hoàn trả ${refund.reference} là ${formatDong(refund.amount)}, sao kê ghi ${formatDong(-line.amount)} / the refund's amount differs`
                : recorded !== undefined && recorded !== line.transactionId
                  ? `Giao dịch mang mã hoàn trả ${refund.reference} nhưng khoản chi trả đã ghi là giao dịch ${recorded} / the recorded payout names another transaction`
                  : undefined
        if (refund !== undefined && problem === undefined) {
          paidBack.add(refund.id)
          matched++
        } else
          mismatches.push({
            kind: "debit-unexplained",
            reason: problem ?? "",
            transactionId: line.transactionId,
            amount: line.amount,
            line: line.line,
            ...(refund?.dossierCode === undefined ? {} : { dossierCode: refund.dossierCode }),
          })
      }
    }
    for (const c of confirmations) {
      if (!BANKED.has(c.channel) || c.channel === "callback") continue
      if (c.externalId !== undefined && seenExternal.has(c.externalId)) continue
      mismatches.push({
        kind: "confirmed-not-credited",
        reason: `Đã ghi nhận thanh toán ${formatDong(c.amount)} nhưng sao kê không có giao dịch ${c.externalId ?? "(không mã)"} / confirmed, but not on the statement`,
        paymentId: c.paymentId,
        dossierCode: c.dossierCode,
        amount: c.amount,
        ...(c.externalId === undefined ? {} : { transactionId: c.externalId }),
      })
    }
    for (const r of approved)
      if (!paidBack.has(r.id)) pendingRefunds.push({ id: r.id, reference: r.reference, amount: r.amount })
    for (const r of paidOut)
      if (!paidBack.has(r.id) && r.payout?.paidOn === input.date)
        mismatches.push({
          kind: "refund-not-debited",
          reason: `Đã ghi chi trả khoản hoàn trả ${r.reference} (${formatDong(r.amount)}, giao dịch ${r.payout.bankReference}) nhưng sao kê không có / the recorded payout is not on the statement`,
          transactionId: r.payout.bankReference,
          amount: r.amount,
          ...(r.dossierCode === undefined ? {} : { dossierCode: r.dossierCode }),
        })
  } else {
    const requestById = new Map(input.requests.map((r) => [r.id, r]))
    const confirmationById = new Map(input.confirmations.map((c) => [c.paymentId, c]))
    for (const c of confirmations) {
      if (c.requestId === undefined) {
        matched++
        continue
      }
      const r = requestById.get(c.requestId)
      if (r !== undefined && r.status === "paid" && r.paymentId === c.paymentId) matched++
      else
        mismatches.push({
          kind: "confirmation-without-request",
          reason: `Thanh toán ${c.paymentId} ghi cho yêu cầu ${c.requestId} nhưng yêu cầu không ở trạng thái đã thanh toán / the request does not show this payment`,
          paymentId: c.paymentId,
          dossierCode: c.dossierCode,
          amount: c.amount,
        })
    }
    for (const r of input.requests)
      if (r.centreId === input.centreId && r.status === "paid" && onDay(r.paidAt)) {
        const c = r.paymentId === undefined ? undefined : confirmationById.get(r.paymentId)
        if (c === undefined)
          mismatches.push({
            kind: "request-without-confirmation",
            reason: `Yêu cầu ${r.reference} ở trạng thái đã thanh toán nhưng không có ghi nhận thanh toán / paid without a confirmation`,
            dossierCode: r.dossierCode,
            amount: r.amount,
          })
      }
    for (const r of input.refunds)
      if (r.centreId === input.centreId && r.status === "approved")
        pendingRefunds.push({ id: r.id, reference: r.reference, amount: r.amount })
  }
  // Held money not yet resolved, that no statement line already reported.
  const reported = new Set(mismatches.flatMap((m) => (m.messageId === undefined ? [] : [m.messageId])))
  for (const m of messages)
    if (m.outcome === "held" && m.resolution === undefined && !reported.has(m.id))
      mismatches.push({
        kind: "held-unresolved",
        reason: `Đang giữ chờ cán bộ xử lý: ${m.detail}`,
        messageId: m.id,
        ...(m.key === undefined ? {} : { transactionId: m.key }),
        ...(m.dossierCode === undefined ? {} : { dossierCode: m.dossierCode }),
        ...(m.amount === undefined ? {} : { amount: m.amount }),
      })
  return {
    date: input.date,
    centreId: input.centreId,
    statement: input.statement !== undefined,
    totals: {
      confirmed,
      statementCredits: credits,
      statementDebits: debits,
      held: count("held"),
      rejected: count("rejected"),
      duplicates: count("duplicate"),
    },
    matched,
    mismatches,
    pendingRefunds,
  }
}
