// Row checks after every round (and in the smoke test): each side holds exactly the rows its lifecycles wrote, and
// both audit chains end at the same head hash.
import { type Kysely, sql } from "kysely"

export interface RowCounts {
  readonly dossiers: number
  readonly audit: number
  readonly outbox: number
  /** The audit chain's head hash: equal on both sides when both wrote the same entries in the same order. */
  readonly headHash: string
}

/** Rows one lifecycle writes. */
export interface RowsPerLifecycle {
  readonly audit: number
  readonly outbox: number
}

export class RowsLost extends Error {}

// biome-ignore lint/suspicious/noExplicitAny: any storage database (the adapter's Kysely<DB>, or a raw one)
export const countRows = async (db: Kysely<any>): Promise<RowCounts> => {
  const { rows } = await sql<{ dossiers: number; audit: number; outbox: number; head_hash: string }>`
    select (select count(*) from dossier) as dossiers, (select count(*) from audit_entry) as audit,
           (select count(*) from outbox) as outbox, (select last_hash from audit_head where id = 1) as head_hash`.execute(
    db,
  )
  const row = rows[0]
  if (row === undefined) throw new Error("no counts")
  return {
    dossiers: Number(row.dossiers),
    audit: Number(row.audit),
    outbox: Number(row.outbox),
    headHash: row.head_hash,
  }
}

export function checkRows(side: string, counts: RowCounts, lifecycles: number, per: RowsPerLifecycle): void {
  const expected = { dossiers: lifecycles, audit: lifecycles * per.audit, outbox: lifecycles * per.outbox }
  if (counts.dossiers !== expected.dossiers || counts.audit !== expected.audit || counts.outbox !== expected.outbox) {
    throw new RowsLost(
      `${side}: after ${lifecycles} lifecycles expected ${expected.dossiers} dossiers, ${expected.audit} audit rows, ${expected.outbox} outbox rows; found ${counts.dossiers}, ${counts.audit}, ${counts.outbox}`,
    )
  }
}

/** Both sides hold the rows of `done` lifecycles, and their audit chains end at the same head. */
export function checkBothSides(
  sideName: string,
  measured: RowCounts,
  raw: RowCounts,
  done: number,
  per: RowsPerLifecycle,
): void {
  checkRows(sideName, measured, done, per)
  checkRows("raw floor", raw, done, per)
  if (measured.headHash !== raw.headHash) {
    throw new RowsLost(
      `the audit chains differ after ${done} lifecycles (${sideName} ${measured.headHash}, raw ${raw.headHash})`,
    )
  }
}
