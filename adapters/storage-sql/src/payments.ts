// The PaymentStore port over the storage's database (the "payments" migration). Every method runs on the fiber's
// current transaction of this storage (UnitOfWork.transaction: crediting a payment writes the dossier, the request,
// the confirmation, the receipt and the message together), or on its own; the methods that must be atomic by
// themselves open a transaction when called outside one.
//
// The money rules are single statements, so they hold under concurrency on both dialects without explicit locks:
// - a message: `insert … on conflict (channel, msg_key) do nothing` — on PostgreSQL a concurrent insert of the same
//   key waits for the first transaction, then inserts nothing; the first one is then read and answered;
// - a request leaves a status: `update … where id = ? and status = ?` (0 rows: someone else came first);
// - a refund: `update payment_balance set refunded = refunded + x where dossier_code = ? and paid - refunded >= x`
//   (PostgreSQL re-checks the condition on the row's latest version after waiting for its lock); 0 rows: refused;
// - a decision: `update refund … where id = ? and status = 'requested'`;
// - a payout: `update refund … where id = ? and status = 'approved' and not exists (another refund of the centre with
//   that bank reference)`, with a unique index on (centre_id, payout_reference) behind it;
// - a receipt number: `update receipt_series set last_number = last_number + 1 … returning last_number`, in the
//   transaction that inserts the receipt (a rolled-back receipt takes no number).
import {
  type LedgerFilter,
  type MessageFilter,
  type PaymentBalance,
  PaymentStore,
  type PaymentStoreShape,
  StoreUnavailable,
} from "@motcua/application"
import type {
  PaymentConfirmation,
  PaymentMessage,
  PaymentRequestRecord,
  ReceiptRecord,
  RefundRecord,
} from "@motcua/domain"
import { Effect } from "effect"
import { type Compilable, type Kysely, sql } from "kysely"
import type { Executor } from "./connection.ts"
import { param, prepare } from "./prepared.ts"
import { affected, type StorageContext } from "./storage-context.ts"

interface PaymentsDB {
  payment_request: {
    id: string
    reference: string
    dossier_code: string
    centre_id: string
    status: string
    created_at: string
    paid_at: string | null
    body: string
  }
  payment_message: {
    id: string
    channel: string
    msg_key: string | null
    received_at: string
    outcome: string
    centre_id: string | null
    unresolved: number
    body: string
  }
  payment_confirmation: { payment_id: string; dossier_code: string; centre_id: string; paid_at: string; body: string }
  payment_balance: { dossier_code: string; paid: number | string; refunded: number | string }
  refund: {
    id: string
    dossier_code: string | null
    centre_id: string
    status: string
    requested_at: string
    /** The bank reference of the transfer back, once paid out (migration 2026-12-06-091-refund-payout). */
    payout_reference: string | null
    body: string
  }
  receipt_series: { centre_id: string; series: string; last_number: number }
  /** Where the polling of a centre's bank statement API stopped (migration 2026-12-06-101-statement-cursor). */
  statement_cursor: { centre_id: string; cursor: string }
  receipt: {
    id: string
    centre_id: string
    series: string
    number: number
    dossier_code: string
    issued_at: string
    status: string
    body: string
    /**
     * What the tax authority's e-invoice system made of it, JSON (migration 2026-12-06-100-receipt-einvoice): a
     * column of its own, so that recording it never rewrites the receipt's body (a cancellation at the same moment).
     */
    einvoice: string | null
  }
}

/** An instant as the columns keep it: UTC ISO text, so that ranges compare as text. */
const utc = (instant: string): string => {
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) throw new TypeError(`not an instant: ${instant}`)
  return new Date(ms).toISOString()
}

const parse = <T>(row: { body: string }): T => JSON.parse(row.body) as T

/** A receipt's body with what the e-invoice system made of it (its own column). */
const parseReceipt = (row: { body: string; einvoice: string | null }): ReceiptRecord => {
  const { einvoice: _stale, ...receipt } = parse<ReceiptRecord>(row)
  return row.einvoice === null ? receipt : { ...receipt, einvoice: JSON.parse(row.einvoice) }
}

/**
 * The statements of a payment's confirmation at the counter or by transfer (a dossier's requests read, the
 * confirmation and the balance written), on every dossier's path: compiled once (prepared.ts), not built per call.
 */
function prepareLedgerQueries(db: Kysely<PaymentsDB>) {
  const p = <T = never>(name: string) => param<T>(name)
  return {
    requestsOf: prepare(
      db
        .selectFrom("payment_request")
        .select("body")
        .where("dossier_code", "=", p("code"))
        .orderBy("created_at")
        .orderBy("id")
        .compile(),
    ),
    confirmationInsert: prepare(
      db
        .insertInto("payment_confirmation")
        .values({
          payment_id: p("payment_id"),
          dossier_code: p("dossier_code"),
          centre_id: p("centre_id"),
          paid_at: p("paid_at"),
          body: p("body"),
        })
        .onConflict((oc) => oc.column("payment_id").doNothing())
        .compile(),
    ),
    balanceCredit: prepare(
      db
        .insertInto("payment_balance")
        .values({ dossier_code: p("dossier_code"), paid: p("amount"), refunded: 0 })
        .onConflict((oc) =>
          oc.column("dossier_code").doUpdateSet({ paid: sql`payment_balance.paid + ${p<number>("amount")}` }),
        )
        .compile(),
    ),
  }
}

export function makePaymentStore(ctx: StorageContext): PaymentStoreShape {
  const db = ctx.db as unknown as Kysely<PaymentsDB>
  const ledger = prepareLedgerQueries(db)
  const query = <Row>(x: Executor, operation: string, q: Compilable<Row>) =>
    Effect.suspend(() => x.query(operation, q.compile()))
  const rows = <Row>(operation: string, q: Compilable<Row>) =>
    ctx.withDb((x) => Effect.map(query(x, operation, q), (r) => r.rows))
  const changed = (operation: string, q: Compilable<unknown>) =>
    ctx.withDb((x) => Effect.map(query(x, operation, q), (r) => affected(r) > 0))
  const atomically = <A>(operation: string, f: (x: Executor) => Effect.Effect<A, StoreUnavailable>) =>
    ctx.inTransaction(operation, f)
  const guard = <A>(operation: string, f: () => A) =>
    Effect.try({ try: f, catch: (cause) => new StoreUnavailable({ operation, cause }) })

  const requestColumns = (r: PaymentRequestRecord) =>
    guard("payment request", () => ({
      status: r.status,
      paid_at: r.paidAt === undefined ? null : utc(r.paidAt),
      body: JSON.stringify(r),
    }))
  const messageColumns = (m: PaymentMessage) => ({
    outcome: m.outcome,
    centre_id: m.centreId ?? null,
    unresolved: m.outcome === "held" && m.resolution === undefined ? 1 : 0,
    body: JSON.stringify(m),
  })
  const balanceOf = (x: Executor, code: string) =>
    Effect.map(
      query(
        x,
        "payment balance",
        db.selectFrom("payment_balance").select(["paid", "refunded"]).where("dossier_code", "=", code),
      ),
      (r): PaymentBalance => {
        const row = r.rows[0]
        return row === undefined ? { paid: 0, refunded: 0 } : { paid: Number(row.paid), refunded: Number(row.refunded) }
      },
    )

  return PaymentStore.of({
    addRequest: (r) =>
      Effect.flatMap(requestColumns(r), (columns) =>
        changed(
          "add payment request",
          db.insertInto("payment_request").values({
            id: r.id,
            reference: r.reference,
            dossier_code: r.dossierCode,
            centre_id: r.centreId,
            created_at: utc(r.createdAt),
            ...columns,
          }),
        ).pipe(Effect.asVoid),
      ),
    request: (id) =>
      Effect.map(rows("payment request", db.selectFrom("payment_request").select("body").where("id", "=", id)), (rs) =>
        rs[0] === undefined ? undefined : parse<PaymentRequestRecord>(rs[0]),
      ),
    requestByReference: (reference) =>
      Effect.map(
        rows("payment request", db.selectFrom("payment_request").select("body").where("reference", "=", reference)),
        (rs) => (rs[0] === undefined ? undefined : parse<PaymentRequestRecord>(rs[0])),
      ),
    requestsOf: (code) =>
      ctx.withDb((x) =>
        Effect.map(ctx.exec("payment requests", x, ledger.requestsOf, { code }), (r) =>
          r.rows.map((row) => parse<PaymentRequestRecord>(row)),
        ),
      ),
    pendingRequests: ({ createdBefore, limit }) =>
      Effect.flatMap(
        guard("pending payment requests", () => utc(createdBefore)),
        (before) =>
          Effect.map(
            rows(
              "pending payment requests",
              db
                .selectFrom("payment_request")
                .select("body")
                .where("status", "=", "pending")
                .where("created_at", "<=", before)
                .orderBy("created_at")
                .orderBy("id")
                .limit(limit),
            ),
            (rs) => rs.map((row) => parse<PaymentRequestRecord>(row)),
          ),
      ),
    requestsOfCentre: (centreId, from, to) =>
      Effect.flatMap(
        guard("payment requests of a centre", () => [utc(from), utc(to)] as const),
        ([f, t]) =>
          Effect.map(
            rows(
              "payment requests of a centre",
              db
                .selectFrom("payment_request")
                .select("body")
                .where("centre_id", "=", centreId)
                .where((eb) =>
                  eb.or([
                    eb.and([eb("created_at", ">=", f), eb("created_at", "<", t)]),
                    eb.and([eb("paid_at", ">=", f), eb("paid_at", "<", t)]),
                  ]),
                )
                .orderBy("created_at")
                .orderBy("id"),
            ),
            (rs) => rs.map((row) => parse<PaymentRequestRecord>(row)),
          ),
      ),
    updateRequest: (r, from) =>
      Effect.flatMap(requestColumns(r), (columns) =>
        changed(
          "update payment request",
          db.updateTable("payment_request").set(columns).where("id", "=", r.id).where("status", "=", from),
        ),
      ),

    addMessage: (m) =>
      atomically("add payment message", (x) =>
        Effect.gen(function* () {
          const inserted = yield* query(
            x,
            "add payment message",
            db
              .insertInto("payment_message")
              .values({
                id: m.id,
                channel: m.channel,
                msg_key: m.key ?? null,
                received_at: utc(m.receivedAt),
                ...messageColumns(m),
              })
              .onConflict((oc) => oc.columns(["channel", "msg_key"]).doNothing()),
          )
          if (affected(inserted) > 0) return { recorded: true as const }
          const first = yield* query(
            x,
            "add payment message",
            db
              .selectFrom("payment_message")
              .select("body")
              .where("channel", "=", m.channel)
              .where("msg_key", "=", m.key ?? ""),
          )
          const row = first.rows[0]
          if (row === undefined)
            return yield* Effect.fail(
              new StoreUnavailable({ operation: "add payment message", cause: `message ${m.id} was not recorded` }),
            )
          return { recorded: false as const, first: parse<PaymentMessage>(row) }
        }),
      ),
    updateMessage: (m) =>
      changed(
        "update payment message",
        db.updateTable("payment_message").set(messageColumns(m)).where("id", "=", m.id),
      ).pipe(Effect.asVoid),
    message: (id) =>
      Effect.map(rows("payment message", db.selectFrom("payment_message").select("body").where("id", "=", id)), (rs) =>
        rs[0] === undefined ? undefined : parse<PaymentMessage>(rs[0]),
      ),
    messages: (f: MessageFilter) =>
      Effect.flatMap(
        guard("payment messages", () => ({
          from: f.from === undefined ? undefined : utc(f.from),
          to: f.to === undefined ? undefined : utc(f.to),
        })),
        ({ from, to }) => {
          let q = db.selectFrom("payment_message").select("body")
          if (f.outcome !== undefined) q = q.where("outcome", "=", f.outcome)
          if (f.centreId !== undefined) q = q.where("centre_id", "=", f.centreId)
          if (f.unresolved === true) q = q.where("unresolved", "=", 1)
          if (from !== undefined) q = q.where("received_at", ">=", from)
          if (to !== undefined) q = q.where("received_at", "<", to)
          q = q.orderBy("received_at").orderBy("id")
          if (f.limit !== undefined) q = q.limit(f.limit)
          return Effect.map(rows("payment messages", q), (rs) => rs.map((row) => parse<PaymentMessage>(row)))
        },
      ),
    resolveMessage: (id, resolution) =>
      atomically("resolve payment message", (x) =>
        Effect.gen(function* () {
          const found = yield* query(
            x,
            "resolve payment message",
            db.selectFrom("payment_message").select("body").where("id", "=", id),
          )
          const row = found.rows[0]
          if (row === undefined) return false
          const m = parse<PaymentMessage>(row)
          if (m.outcome !== "held" || (resolution === undefined) === (m.resolution === undefined)) return false
          const { resolution: _, ...rest } = m
          const next: PaymentMessage = resolution === undefined ? rest : { ...rest, resolution }
          const updated = yield* query(
            x,
            "resolve payment message",
            db
              .updateTable("payment_message")
              .set(messageColumns(next))
              .where("id", "=", id)
              .where("unresolved", "=", resolution === undefined ? 0 : 1),
          )
          return affected(updated) > 0
        }),
      ),

    addConfirmation: (c) =>
      atomically("add payment confirmation", (x) =>
        Effect.gen(function* () {
          const paidAt = yield* guard("add payment confirmation", () => utc(c.paidAt))
          const inserted = yield* ctx.exec("add payment confirmation", x, ledger.confirmationInsert, {
            payment_id: c.paymentId,
            dossier_code: c.dossierCode,
            centre_id: c.centreId,
            paid_at: paidAt,
            body: JSON.stringify(c),
          })
          if (affected(inserted) === 0) return false
          yield* ctx.exec("add payment confirmation", x, ledger.balanceCredit, {
            dossier_code: c.dossierCode,
            amount: c.amount,
          })
          return true
        }),
      ),
    confirmations: (f: LedgerFilter) =>
      Effect.flatMap(
        guard("payment confirmations", () => ({
          from: f.from === undefined ? undefined : utc(f.from),
          to: f.to === undefined ? undefined : utc(f.to),
        })),
        ({ from, to }) => {
          let q = db.selectFrom("payment_confirmation").select("body")
          if (f.centreId !== undefined) q = q.where("centre_id", "=", f.centreId)
          if (f.dossierCode !== undefined) q = q.where("dossier_code", "=", f.dossierCode)
          if (from !== undefined) q = q.where("paid_at", ">=", from)
          if (to !== undefined) q = q.where("paid_at", "<", to)
          return Effect.map(rows("payment confirmations", q.orderBy("paid_at").orderBy("payment_id")), (rs) =>
            rs.map((row) => parse<PaymentConfirmation>(row)),
          )
        },
      ),
    balance: (code) => ctx.withDb((x) => balanceOf(x, code)),

    addRefund: (r) =>
      atomically("add refund", (x) =>
        Effect.gen(function* () {
          if (r.dossierCode !== undefined) {
            const counted = yield* query(
              x,
              "add refund",
              db
                .updateTable("payment_balance")
                .set({ refunded: sql`refunded + ${r.amount}` })
                .where("dossier_code", "=", r.dossierCode)
                .where(sql<boolean>`paid - refunded >= ${r.amount}`),
            )
            if (affected(counted) === 0) return { added: false as const, balance: yield* balanceOf(x, r.dossierCode) }
          }
          yield* query(
            x,
            "add refund",
            db.insertInto("refund").values({
              id: r.id,
              dossier_code: r.dossierCode ?? null,
              centre_id: r.centreId,
              status: r.status,
              requested_at: utc(r.requestedAt),
              payout_reference: r.payout?.bankReference ?? null,
              body: JSON.stringify(r),
            }),
          )
          return { added: true as const }
        }),
      ),
    decideRefund: (id, d) =>
      atomically("decide refund", (x) =>
        Effect.gen(function* () {
          const found = yield* query(x, "decide refund", db.selectFrom("refund").select("body").where("id", "=", id))
          const row = found.rows[0]
          if (row === undefined) return undefined
          const r = parse<RefundRecord>(row)
          if (r.status !== "requested") return undefined
          const decided: RefundRecord = {
            ...r,
            status: d.status,
            decidedBy: d.by,
            decidedAt: d.at,
            decisionNote: d.note,
          }
          const updated = yield* query(
            x,
            "decide refund",
            db
              .updateTable("refund")
              .set({ status: d.status, body: JSON.stringify(decided) })
              .where("id", "=", id)
              .where("status", "=", "requested"),
          )
          if (affected(updated) === 0) return undefined
          if (d.status === "rejected" && r.dossierCode !== undefined)
            yield* query(
              x,
              "decide refund",
              db
                .updateTable("payment_balance")
                .set({ refunded: sql`refunded - ${r.amount}` })
                .where("dossier_code", "=", r.dossierCode),
            )
          return decided
        }),
      ),
    payRefund: (id, payout) =>
      atomically("pay refund", (x) =>
        Effect.gen(function* () {
          const found = yield* query(x, "pay refund", db.selectFrom("refund").select("body").where("id", "=", id))
          const row = found.rows[0]
          const r = row === undefined ? undefined : parse<RefundRecord>(row)
          if (r === undefined || r.status !== "approved")
            return { paid: false as const, reason: "not-approved" as const }
          const paid: RefundRecord = { ...r, status: "paid", payout }
          // One statement decides (see the top): on PostgreSQL a second instance paying the same refund waits for
          // the first one's row lock, then finds it paid; the bank reference is checked in the same statement.
          const updated = yield* query(
            x,
            "pay refund",
            db
              .updateTable("refund")
              .set({ status: "paid", payout_reference: payout.bankReference, body: JSON.stringify(paid) })
              .where("id", "=", id)
              .where("status", "=", "approved")
              .where((eb) =>
                eb.not(
                  eb.exists(
                    eb
                      .selectFrom("refund as other")
                      .select("other.id")
                      .whereRef("other.centre_id", "=", "refund.centre_id")
                      .where("other.payout_reference", "=", payout.bankReference),
                  ),
                ),
              ),
          )
          if (affected(updated) === 0) {
            // why not: the refund is no longer approved (someone paid it first), or the reference is taken
            const now = yield* query(x, "pay refund", db.selectFrom("refund").select("status").where("id", "=", id))
            return now.rows[0]?.status === "approved"
              ? { paid: false as const, reason: "reference-used" as const }
              : { paid: false as const, reason: "not-approved" as const }
          }
          return { paid: true as const, refund: paid }
        }),
      ),
    refund: (id) =>
      Effect.map(rows("refund", db.selectFrom("refund").select("body").where("id", "=", id)), (rs) =>
        rs[0] === undefined ? undefined : parse<RefundRecord>(rs[0]),
      ),
    refunds: (f) => {
      let q = db.selectFrom("refund").select("body")
      if (f.centreId !== undefined) q = q.where("centre_id", "=", f.centreId)
      if (f.dossierCode !== undefined) q = q.where("dossier_code", "=", f.dossierCode)
      if (f.status !== undefined) q = q.where("status", "=", f.status)
      return Effect.map(rows("refunds", q.orderBy("requested_at").orderBy("id")), (rs) =>
        rs.map((row) => parse<RefundRecord>(row)),
      )
    },

    issueReceipt: (draft) =>
      atomically("issue receipt", (x) =>
        Effect.gen(function* () {
          const issuedAt = yield* guard("issue receipt", () => utc(draft.issuedAt))
          yield* query(
            x,
            "issue receipt",
            db
              .insertInto("receipt_series")
              .values({ centre_id: draft.centreId, series: draft.series, last_number: 0 })
              .onConflict((oc) => oc.columns(["centre_id", "series"]).doNothing()),
          )
          const next = yield* query(
            x,
            "issue receipt",
            db
              .updateTable("receipt_series")
              .set({ last_number: sql`last_number + 1` })
              .where("centre_id", "=", draft.centreId)
              .where("series", "=", draft.series)
              .returning("last_number"),
          )
          const number = Number(next.rows[0]?.last_number)
          if (!Number.isSafeInteger(number) || number < 1)
            return yield* Effect.fail(new StoreUnavailable({ operation: "issue receipt", cause: "no receipt number" }))
          const receipt: ReceiptRecord = { ...draft, number }
          yield* query(
            x,
            "issue receipt",
            db.insertInto("receipt").values({
              id: receipt.id,
              centre_id: receipt.centreId,
              series: receipt.series,
              number,
              dossier_code: receipt.dossierCode,
              issued_at: issuedAt,
              status: receipt.status,
              body: JSON.stringify(receipt),
            }),
          )
          return receipt
        }),
      ),
    cancelReceipt: (id, cancelled, replacedBy) =>
      atomically("cancel receipt", (x) =>
        Effect.gen(function* () {
          const found = yield* query(x, "cancel receipt", db.selectFrom("receipt").select("body").where("id", "=", id))
          const row = found.rows[0]
          if (row === undefined) return false
          const r = parse<ReceiptRecord>(row)
          if (r.status !== "issued") return false
          const next: ReceiptRecord = {
            ...r,
            status: "cancelled",
            cancelled,
            ...(replacedBy === undefined ? {} : { replacedBy }),
          }
          const updated = yield* query(
            x,
            "cancel receipt",
            db
              .updateTable("receipt")
              .set({ status: "cancelled", body: JSON.stringify(next) })
              .where("id", "=", id)
              .where("status", "=", "issued"),
          )
          return affected(updated) > 0
        }),
      ),
    receipt: (id) =>
      Effect.map(rows("receipt", db.selectFrom("receipt").select(["body", "einvoice"]).where("id", "=", id)), (rs) =>
        rs[0] === undefined ? undefined : parseReceipt(rs[0]),
      ),
    statementCursor: (centreId) =>
      Effect.map(
        rows("statement cursor", db.selectFrom("statement_cursor").select("cursor").where("centre_id", "=", centreId)),
        (rs) => rs[0]?.cursor,
      ),
    saveStatementCursor: (centreId, cursor) =>
      Effect.asVoid(
        changed(
          "save statement cursor",
          db
            .insertInto("statement_cursor")
            .values({ centre_id: centreId, cursor })
            .onConflict((oc) => oc.column("centre_id").doUpdateSet({ cursor })),
        ),
      ),
    recordEInvoice: (id, einvoice) =>
      Effect.asVoid(
        changed(
          "record e-invoice",
          db
            .updateTable("receipt")
            .set({ einvoice: JSON.stringify(einvoice) })
            .where("id", "=", id),
        ),
      ),
    receipts: (f) =>
      Effect.flatMap(
        guard("receipts", () => ({
          from: f.from === undefined ? undefined : utc(f.from),
          to: f.to === undefined ? undefined : utc(f.to),
        })),
        ({ from, to }) => {
          let q = db.selectFrom("receipt").select(["body", "einvoice"])
          if (f.centreId !== undefined) q = q.where("centre_id", "=", f.centreId)
          if (f.dossierCode !== undefined) q = q.where("dossier_code", "=", f.dossierCode)
          if (from !== undefined) q = q.where("issued_at", ">=", from)
          if (to !== undefined) q = q.where("issued_at", "<", to)
          return Effect.map(rows("receipts", q.orderBy("issued_at").orderBy("number")), (rs) =>
            rs.map((row) => parseReceipt(row)),
          )
        },
      ),
  })
}
