// The floor of bench/http.bench.ts: a bare hono app on the same node server adapter whose one handler files a
// dossier with the same SQL statements as the API's filing (idempotency key claimed, daily sequence, dossier row,
// audit entry on the hash chain, outbox rows, attached document ids, stored answer), issued raw through
// better-sqlite3 in one BEGIN IMMEDIATE … COMMIT. It does no validation, no authorisation beyond a token compare, no
// domain decision and no logging: the rows are built from those of one filing made through the API (the template),
// with this filing's code, applicant, instant and the same serialisation and hashing.
import { createHash } from "node:crypto"
import { type ServerType, serve } from "@hono/node-server"
import { canonicalJson } from "@motcua/application"
import { migrateToLatest, openSqlite, type SqliteSynchronous } from "@motcua/storage-sql"
import { Hono } from "hono"
import type { Kysely } from "kysely"

/** What the floor copies from one filing made through the API. */
export interface FilingTemplate {
  readonly code: string
  readonly row: Record<string, unknown> & { readonly snapshot: string }
  readonly audit: { readonly actor: string; readonly action: string; readonly detail: string }
  readonly outbox: ReadonlyArray<{ readonly topic: string; readonly payload: string }>
}

/** The SQL the API's filing issues on SQLite (checked against the API's own, in order, before timing). */
export const FILING_SQL = {
  begin: "begin immediate",
  commit: "commit",
  rollback: "rollback",
  idempotencyInsert:
    'insert into "idempotency" ("scope", "idem_key", "request_hash", "response", "created_at") values (?, ?, ?, ?, ?) on conflict ("scope", "idem_key") do nothing',
  nextSequence:
    'insert into "daily_sequence" ("agency_code", "day", "value") values (?, ?, ?) on conflict ("agency_code", "day") do update set "value" = daily_sequence.value + 1 returning "value"',
  insertDossier:
    'insert into "dossier" ("code", "version", "status_code", "state", "procedure_code", "agency_code", "unit_code", "current_role", "due_at", "appointment_at", "fee_total_dong", "snapshot", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("code") do nothing',
  readHead: 'select "last_seq", "last_hash" from "audit_head" where "id" = ?',
  insertAudit:
    'insert into "audit_entry" ("seq", "at", "dossier_code", "actor", "action", "detail", "prev_hash", "hash") values (?, ?, ?, ?, ?, ?, ?, ?)',
  updateHead: 'update "audit_head" set "last_seq" = ?, "last_hash" = ? where "id" = ?',
  insertOutbox:
    'insert into "outbox" ("topic", "dossier_code", "payload", "status", "attempts", "available_at", "created_at") values (?, ?, ?, ?, ?, ?, ?)',
  documentIds: 'select "id" from "document" where "dossier_code" = ? order by "attached_at", "id"',
  idempotencyAnswer: 'update "idempotency" set "response" = ? where "scope" = ? and "idem_key" = ?',
} as const

export interface BareServer {
  readonly port: number
  readonly db: Kysely<unknown>
  readonly close: () => Promise<void>
}

const vietnamDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10)

export async function startBareServer(options: {
  readonly file: string
  readonly synchronous: SqliteSynchronous
  readonly template: FilingTemplate
  readonly token: string
  readonly citizenId: string
  readonly now: () => Date
}): Promise<BareServer> {
  const { db, raw } = openSqlite({ file: options.file, synchronous: options.synchronous })
  await migrateToLatest(db as unknown as Kysely<unknown>, "sqlite")
  const s = Object.fromEntries(Object.entries(FILING_SQL).map(([name, text]) => [name, raw.prepare(text)])) as Record<
    keyof typeof FILING_SQL,
    ReturnType<typeof raw.prepare>
  >
  const t = options.template
  const agency = String(t.row.agency_code)
  const snapshot = JSON.parse(t.row.snapshot) as { value: string; context: Record<string, unknown> }
  const detail = JSON.parse(t.audit.detail) as Record<string, unknown>
  const summary = {
    statusCode: t.row.status_code,
    state: t.row.state,
    procedureCode: t.row.procedure_code,
    agencyCode: t.row.agency_code,
    unitCode: t.row.unit_code,
    currentRole: t.row.current_role,
    dueAt: t.row.due_at,
    appointmentAt: t.row.appointment_at,
    feeTotal: t.row.fee_total_dong,
  }
  const scope = `dossier.file/${options.citizenId}`

  const app = new Hono()
  app.post("/api/v1/dossiers", async (c) => {
    if (c.req.header("authorization") !== `Bearer ${options.token}`) return c.json({ title: "unauthenticated" }, 401)
    const key = c.req.header("idempotency-key")
    if (key === undefined) return c.json({ title: "no key" }, 422)
    const body = (await c.req.json()) as { applicant: unknown; summary?: string; documents: unknown }
    const millis = options.now().getTime()
    const at = new Date(millis).toISOString()
    const day = vietnamDay(millis)
    s.begin.run()
    try {
      if (
        s.idempotencyInsert.run(scope, key, createHash("sha256").update(canonicalJson(body)).digest("hex"), null, at)
          .changes !== 1
      ) {
        throw new Error("key reused")
      }
      const sequence = (s.nextSequence.get(agency, day, 1) as { value: number }).value
      const code = `${agency}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, "0")}`
      const context = {
        ...snapshot.context,
        dossierCode: code,
        applicant: body.applicant,
        summary: body.summary,
        receivedAt: at,
      }
      s.insertDossier.run(
        code,
        1,
        summary.statusCode,
        summary.state,
        summary.procedureCode,
        summary.agencyCode,
        summary.unitCode,
        summary.currentRole,
        summary.dueAt,
        summary.appointmentAt,
        summary.feeTotal,
        JSON.stringify({ value: snapshot.value, context }),
        at,
        at,
      )
      const head = s.readHead.get(1) as { last_seq: number; last_hash: string }
      const seq = head.last_seq + 1
      const detailText = canonicalJson({
        ...detail,
        data: { ...(detail.data as object), documents: body.documents },
      } as never)
      const hashed = `${head.last_hash}\n{"action":${JSON.stringify(t.audit.action)},"actor":${JSON.stringify(t.audit.actor)},"at":${JSON.stringify(at)},"detail":${detailText},"dossierCode":${JSON.stringify(code)},"seq":${seq}}`
      const hash = createHash("sha256").update(hashed).digest("hex")
      s.insertAudit.run(seq, at, code, t.audit.actor, t.audit.action, detailText, head.last_hash, hash)
      s.updateHead.run(seq, hash, 1)
      for (const message of t.outbox) {
        s.insertOutbox.run(message.topic, code, message.payload.split(t.code).join(code), "pending", 0, at, at)
      }
      s.documentIds.all(code)
      const answer = { code, version: 1, summary }
      s.idempotencyAnswer.run(JSON.stringify(answer), scope, key)
      s.commit.run()
      return c.json(answer, 201)
    } catch (error) {
      s.rollback.run()
      return c.json({ title: String(error) }, 500)
    }
  })

  let server: ServerType | undefined
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port))
    server.once("error", reject)
  })
  return {
    port,
    db: db as unknown as Kysely<unknown>,
    close: async () => {
      await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
      await db.destroy()
    },
  }
}
