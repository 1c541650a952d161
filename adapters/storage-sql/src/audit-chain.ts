// The hash-chained audit log: entries appended inside a dossier's create or commit (appendAudit), read back and
// verified (AuditLog port). The `audit_head` row holds the last sequence number and hash; each detail is serialised
// once, in canonical form, and that text is both stored and hashed (audit-hash.ts).
import {
  type AuditEntry,
  type AuditEntryInput,
  type AuditLogShape,
  type ChainHead,
  type ChainReport,
  canonicalJson,
  chainVerifier,
  StoreUnavailable,
} from "@motcua/application"
import { Effect } from "effect"
import { type Kysely, type Selectable, sql } from "kysely"
import { auditHashOf } from "./audit-hash.ts"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, failed, type Outcome, ok, type Program } from "./program.ts"
import type { DB, Dialect } from "./schema.ts"
import { parseJson, type StorageContext } from "./storage-context.ts"

export function prepareAuditQueries(db: Kysely<DB>, dialect: Dialect) {
  const p = <T = never>(name: string) => param<T>(name)
  const headSelect = db.selectFrom("audit_head").select(["last_seq", "last_hash"]).where("id", "=", 1)
  return {
    // The head row's lock serialises appends to the chain across connections (PostgreSQL); on SQLite the
    // transaction already holds the write lock.
    lockHead: prepare((dialect === "postgres" ? headSelect.forUpdate() : headSelect).compile()),
    readHead: prepare(headSelect.compile()),
    insertAudit: prepare(
      db
        .insertInto("audit_entry")
        .values({
          seq: p("seq"),
          at: p<string>("at"),
          dossier_code: p("dossier_code"),
          actor: p("actor"),
          action: p("action"),
          detail: p("detail"),
          prev_hash: p("prev_hash"),
          hash: p("hash"),
        })
        .compile(),
    ),
    updateHead: prepare(
      db
        .updateTable("audit_head")
        .set({ last_seq: p("seq"), last_hash: p("hash") })
        .where("id", "=", 1)
        .compile(),
    ),
  } satisfies Record<string, PreparedQuery<unknown>>
}

export type AuditQueries = ReturnType<typeof prepareAuditQueries>

export const auditHeadMissing = () =>
  new StoreUnavailable({ operation: "audit", cause: "the audit_head row is missing (was the table tampered with?)" })

/** Appends the entries of one dossier change to the chain, inside the change's transaction. */
export function* appendAudit(
  q: AuditQueries,
  dossierCode: string | null,
  entries: ReadonlyArray<AuditEntryInput>,
): Program<Outcome<void, StoreUnavailable>> {
  if (entries.length === 0) return ok(undefined)
  const headRow = (yield* ask(q.lockHead, {})).rows[0]
  if (headRow === undefined) return failed(auditHeadMissing())
  let seq = Number(headRow.last_seq)
  let hash = headRow.last_hash
  for (const input of entries) {
    seq += 1
    const detail = canonicalJson(input.detail)
    const next = auditHashOf(hash, seq, dossierCode, input, detail)
    yield* ask(q.insertAudit, {
      seq,
      at: input.at,
      dossier_code: dossierCode,
      actor: input.actor,
      action: input.action,
      detail,
      prev_hash: hash,
      hash: next,
    })
    hash = next
  }
  yield* ask(q.updateHead, { seq, hash })
  return ok(undefined)
}

export function makeAuditLog(ctx: StorageContext, q: AuditQueries): AuditLogShape {
  const { db, withDb, exec } = ctx
  return {
    append: (dossierCode, entries) => ctx.runProgram("append audit", true, () => appendAudit(q, dossierCode, entries)),
    read: (query) =>
      withDb((k) =>
        k
          .query(
            "read audit",
            db
              .selectFrom("audit_entry")
              .selectAll()
              .$if(query.dossierCode !== undefined, (qb) => qb.where("dossier_code", "=", query.dossierCode ?? ""))
              .$if(query.actor !== undefined, (qb) => qb.where("actor", "=", query.actor ?? ""))
              .$if(query.actionPrefix !== undefined, (qb) => {
                const prefix = query.actionPrefix ?? ""
                return qb.where(sql`substr(action, 1, ${prefix.length})`, "=", prefix)
              })
              .$if(query.afterSeq !== undefined, (qb) => qb.where("seq", ">", query.afterSeq ?? 0))
              // Up to the head, read in the same statement: a row beyond it was not appended by the store.
              .where("seq", "<=", (eb) => eb.selectFrom("audit_head").select("last_seq").where("id", "=", 1))
              .orderBy("seq")
              .limit(Math.max(0, Math.trunc(query.limit)))
              .compile(),
          )
          .pipe(Effect.map(({ rows }) => rows.map(auditEntryOf))),
      ),
    // Reads the head first, then the entries up to it in pages. Then looks for entries beyond that head: the head is
    // read again, and entries it now covers were appended meanwhile (verified on, up to the new head); an entry the
    // head still does not cover was written behind the store's back.
    verifyChain: () =>
      withDb((k) =>
        Effect.gen(function* () {
          const readHead = Effect.flatMap(exec("verify audit", k, q.readHead, {}), ({ rows }) => {
            const row = rows[0]
            return row === undefined
              ? Effect.fail(auditHeadMissing())
              : Effect.succeed<ChainHead>({ seq: Number(row.last_seq), hash: row.last_hash })
          })
          const firstBeyond = (seq: number) =>
            Effect.map(
              k.query(
                "verify audit",
                db.selectFrom("audit_entry").select("seq").where("seq", ">", seq).orderBy("seq").limit(1).compile(),
              ),
              ({ rows }) => (rows[0] === undefined ? undefined : Number(rows[0].seq)),
            )
          let head = yield* readHead
          const verifier = chainVerifier()
          let after = 0
          for (;;) {
            const { rows: page } = yield* k.query(
              "verify audit",
              db
                .selectFrom("audit_entry")
                .selectAll()
                .where("seq", ">", after)
                .where("seq", "<=", head.seq)
                .orderBy("seq")
                .limit(1000)
                .compile(),
            )
            for (const row of page) {
              let entry: AuditEntry
              try {
                entry = auditEntryOf(row)
              } catch {
                // A detail that no longer parses as JSON was edited.
                return { _tag: "Broken", seq: Number(row.seq), reason: "hash-mismatch" } satisfies ChainReport
              }
              if (!verifier.push(entry)) return verifier.finish(head)
            }
            const last = page.at(-1)
            if (last !== undefined && page.length === 1000) {
              after = Number(last.seq)
              continue
            }
            const beyond = yield* firstBeyond(head.seq)
            if (beyond === undefined) break
            const current = yield* readHead
            if (current.seq < beyond) {
              return { _tag: "Broken", seq: beyond, reason: "head-mismatch" } satisfies ChainReport
            }
            head = current
            after = last === undefined ? after : Number(last.seq)
          }
          return verifier.finish(head)
        }),
      ),
  }
}

function auditEntryOf(row: Selectable<DB["audit_entry"]>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    dossierCode: row.dossier_code,
    actor: row.actor,
    action: row.action,
    detail: parseJson(row.detail, `audit entry ${row.seq}`),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}
