// The PostgreSQL floor: a hand-written store on plain `pg` — the statements of sql.ts (numbered placeholders, the
// audit head read FOR UPDATE), one pooled client per transaction (BEGIN … COMMIT), reads on the pool, the same
// serialisation and audit hashing as the adapter. Every benchmark's raw side on PostgreSQL is built from these.
import { canonicalJson, type Json } from "@motcua/application"
import type pg from "pg"
import { type FloorChange, type FloorCommit, type FloorConfirmation, payloadOf, summaryValues } from "./change.ts"
import { PG_SQL, rawAuditHash } from "./sql.ts"

export type PostgresFloor = ReturnType<typeof postgresFloor>
type Queryable = pg.Pool | pg.PoolClient

export function postgresFloor(pool: pg.Pool) {
  const q = PG_SQL
  const attachments = async (client: pg.PoolClient, change: FloorChange) => {
    for (const id of change.documentIds ?? []) {
      const attached = await client.query(q.attachDocument, [
        change.code,
        change.at,
        id,
        change.attachedBy ?? "",
        change.code,
      ])
      if (attached.rowCount !== 1) throw new Error(`document ${id} missing`)
    }
    const head = (await client.query(q.readHead, [1])).rows[0] as { last_seq: number | string; last_hash: string }
    let seq = Number(head.last_seq)
    let hash = head.last_hash
    for (const input of change.audit) {
      seq += 1
      const detail = canonicalJson(input.detail)
      const next = rawAuditHash(hash, seq, change.code, input, detail)
      await client.query(q.insertAudit, [seq, input.at, change.code, input.actor, input.action, detail, hash, next])
      hash = next
    }
    await client.query(q.updateHead, [seq, hash, 1])
    for (const message of change.outbox) {
      await client.query(q.insertOutbox, [
        message.topic,
        change.code,
        payloadOf(message),
        "pending",
        0,
        message.availableAt ?? change.at,
        change.at,
        message.orderingKey ?? null,
        message.availableAt ?? change.at,
      ])
    }
    await client.query(q.documentIds, [change.code])
  }
  return {
    pool,
    transaction: async <A>(f: (client: pg.PoolClient) => Promise<A>): Promise<A> => {
      const client = await pool.connect()
      try {
        await client.query(q.begin)
        try {
          const result = await f(client)
          await client.query(q.commit)
          return result
        } catch (error) {
          await client.query(q.rollback)
          throw error
        }
      } finally {
        client.release()
      }
    },
    create: async (client: pg.PoolClient, change: FloorChange) => {
      const inserted = await client.query(q.insertDossier, [
        change.code,
        1,
        ...summaryValues(change.summary),
        JSON.stringify(change.snapshot),
        change.at,
        change.at,
      ])
      if (inserted.rowCount !== 1) throw new Error(`${change.code} exists`)
      for (const owner of new Set(change.owners ?? []))
        await client.query(q.insertOwner, [owner, change.code, change.at])
      await attachments(client, change)
    },
    commit: async (client: pg.PoolClient, change: FloorCommit) => {
      const updated = await client.query(q.updateDossier, [
        ...summaryValues(change.summary),
        JSON.stringify(change.snapshot),
        change.at,
        change.code,
        change.expectedVersion,
      ])
      if (updated.rows.length !== 1) throw new Error(`version conflict on ${change.code}`)
      await attachments(client, change)
    },
    load: async (on: Queryable, code: string) => {
      const row = (await on.query(q.getDossier, [code])).rows[0] as { snapshot: string; version: number } | undefined
      if (row === undefined) throw new Error(`${code} not found`)
      JSON.parse(row.snapshot)
      await on.query(q.documentIds, [code])
      return row
    },
    claim: async (client: pg.PoolClient, scope: string, key: string, requestHash: string, at: string) => {
      const claimed = await client.query(q.idempotencyInsert, [scope, key, requestHash, null, at])
      if (claimed.rowCount !== 1) throw new Error(`idempotency key ${key} exists`)
    },
    answer: async (client: pg.PoolClient, scope: string, key: string, value: Json) => {
      await client.query(q.idempotencyAnswer, [JSON.stringify(value), scope, key])
    },
    /** A payment's ledger entry (storage-sql's payments.ts): the confirmation, its amount added to the balance. */
    confirm: async (client: pg.PoolClient, c: FloorConfirmation) => {
      // the dossier's other pending requests would be closed here (payments/credit.ts); none in the benchmark
      if ((await client.query(q.requestsOfDossier, [c.dossierCode])).rowCount !== 0)
        throw new Error(`${c.dossierCode} has payment requests`)
      const inserted = await client.query(q.insertConfirmation, [
        c.paymentId,
        c.dossierCode,
        c.centreId,
        new Date(c.paidAt).toISOString(),
        JSON.stringify(c),
      ])
      if (inserted.rowCount !== 1) throw new Error(`payment ${c.paymentId} exists`)
      await client.query(q.addToBalance, [c.dossierCode, c.amount, 0, c.amount])
    },
    nextSequence: async (client: pg.PoolClient, agency: string, day: string) =>
      Number((await client.query(q.nextSequence, [agency, day, 1])).rows[0]?.value),
    workQueue: async (role: string, agency: string, limit: number) =>
      (await pool.query(q.workQueue, [role, agency, limit])).rows as Array<{ code: string }>,
    getDocument: async (id: string) =>
      (await pool.query(q.getDocument, [id])).rows[0] as { sha256: string } | undefined,
    insertDocument: async (values: ReadonlyArray<unknown>) => void (await pool.query(q.insertDocument, [...values])),
  }
}
