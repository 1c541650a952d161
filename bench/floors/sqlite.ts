// The SQLite floor: a hand-written store on better-sqlite3 — the statements of sql.ts prepared once, one
// BEGIN IMMEDIATE … COMMIT per transaction, the same serialisation and audit hashing as the adapter, nothing else.
// Every benchmark's raw side on SQLite is built from these operations.
import { canonicalJson, type Json } from "@motcua/application"
import type Database from "better-sqlite3"
import { type FloorChange, type FloorCommit, type FloorConfirmation, payloadOf, summaryValues } from "./change.ts"
import { rawAuditHash, SQL, type SqlName } from "./sql.ts"

export type SqliteFloor = ReturnType<typeof sqliteFloor>

export function sqliteFloor(db: Database.Database) {
  const s = Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Record<
    SqlName,
    Database.Statement
  >
  /** Document links, audit entries, outbox rows and the dossier's document ids, inside the change's transaction. */
  const attachments = (change: FloorChange) => {
    for (const id of change.documentIds ?? []) {
      if (s.attachDocument.run(change.code, change.at, id, change.attachedBy ?? "", change.code).changes !== 1) {
        throw new Error(`document ${id} missing`)
      }
    }
    const head = s.readHead.get(1) as { last_seq: number; last_hash: string }
    let seq = head.last_seq
    let hash = head.last_hash
    for (const input of change.audit) {
      seq += 1
      const detail = canonicalJson(input.detail)
      const next = rawAuditHash(hash, seq, change.code, input, detail)
      s.insertAudit.run(seq, input.at, change.code, input.actor, input.action, detail, hash, next)
      hash = next
    }
    s.updateHead.run(seq, hash, 1)
    for (const message of change.outbox) {
      s.insertOutbox.run(
        message.topic,
        change.code,
        payloadOf(message),
        "pending",
        0,
        message.availableAt ?? change.at,
        change.at,
        message.orderingKey ?? null,
        message.availableAt ?? change.at,
      )
    }
    s.documentIds.all(change.code)
  }
  return {
    statements: s,
    transaction: <A>(f: () => A): A => {
      s.begin.run()
      try {
        const result = f()
        s.commit.run()
        return result
      } catch (error) {
        s.rollback.run()
        throw error
      }
    },
    /** A new dossier at version 1 with its attachments (inside a transaction). */
    create: (change: FloorChange) => {
      const inserted = s.insertDossier.run(
        change.code,
        1,
        ...summaryValues(change.summary),
        JSON.stringify(change.snapshot),
        change.at,
        change.at,
      )
      if (inserted.changes !== 1) throw new Error(`${change.code} exists`)
      for (const owner of new Set(change.owners ?? [])) s.insertOwner.run(owner, change.code, change.at)
      attachments(change)
    },
    /** The next version of a dossier, checked against the expected one, with its attachments. */
    commit: (change: FloorCommit) => {
      const row = s.updateDossier.get(
        ...summaryValues(change.summary),
        JSON.stringify(change.snapshot),
        change.at,
        change.code,
        change.expectedVersion,
      )
      if (row === undefined) throw new Error(`version conflict on ${change.code}`)
      attachments(change)
    },
    /** Reads a dossier as the adapter's get does: the row (snapshot parsed) and its document ids. */
    load: (code: string) => {
      const row = s.getDossier.get(code) as { snapshot: string; version: number } | undefined
      if (row === undefined) throw new Error(`${code} not found`)
      JSON.parse(row.snapshot)
      s.documentIds.all(code)
      return row
    },
    claim: (scope: string, key: string, requestHash: string, at: string) => {
      if (s.idempotencyInsert.run(scope, key, requestHash, null, at).changes !== 1) {
        throw new Error(`idempotency key ${key} exists`)
      }
    },
    answer: (scope: string, key: string, value: Json) => {
      s.idempotencyAnswer.run(JSON.stringify(value), scope, key)
    },
    /** A payment's ledger entry (storage-sql's payments.ts): the confirmation, its amount added to the balance. */
    confirm: (c: FloorConfirmation) => {
      // the dossier's other pending requests would be closed here (payments/credit.ts); the benchmark's dossiers are
      // paid without a ledger request, so there are none, as the adapter finds
      if (s.requestsOfDossier.all(c.dossierCode).length !== 0) throw new Error(`${c.dossierCode} has payment requests`)
      if (
        s.insertConfirmation.run(
          c.paymentId,
          c.dossierCode,
          c.centreId,
          new Date(c.paidAt).toISOString(),
          JSON.stringify(c),
        ).changes !== 1
      )
        throw new Error(`payment ${c.paymentId} exists`)
      s.addToBalance.run(c.dossierCode, c.amount, 0, c.amount)
    },
    nextSequence: (agency: string, day: string) => (s.nextSequence.get(agency, day, 1) as { value: number }).value,
    workQueue: (role: string, agency: string, limit: number) =>
      s.workQueue.all(role, agency, limit) as Array<{ code: string }>,
    getDocument: (id: string) => s.getDocument.get(id) as { sha256: string } | undefined,
    insertDocument: (values: ReadonlyArray<unknown>) => void s.insertDocument.run(...values),
  }
}
