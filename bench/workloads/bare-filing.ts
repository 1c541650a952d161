// The floor of http.bench.ts: a bare hono app on the same node server adapter whose one handler files a
// dossier with the same SQL statements as the API's filing (idempotency key claimed, daily sequence, dossier row,
// audit entry on the hash chain, outbox rows, attached document ids, stored answer), issued raw through the SQLite
// floor (floors/sqlite.ts) in one BEGIN IMMEDIATE … COMMIT. It does no validation, no authorisation beyond a token compare, no
// domain decision and no logging: the rows are built from those of one filing made through the API (the template),
// with this filing's code, applicant, instant and the same serialisation and hashing.
import { createHash } from "node:crypto"
import { type ServerType, serve } from "@hono/node-server"
import { canonicalJson, type DossierSummary } from "@motcua/application"
import { vietnamDate } from "@motcua/domain"
import { migrateToLatest, openSqlite, type SqliteSynchronous } from "@motcua/storage-sql"
import { Hono } from "hono"
import type { Kysely } from "kysely"
import { sqliteFloor } from "../floors/sqlite.ts"

/** What the floor copies from one filing made through the API. */
export interface FilingTemplate {
  readonly code: string
  readonly row: Record<string, unknown> & { readonly snapshot: string }
  readonly audit: { readonly actor: string; readonly action: string; readonly detail: string }
  readonly outbox: ReadonlyArray<{ readonly topic: string; readonly payload: string }>
}

export interface BareServer {
  readonly port: number
  readonly db: Kysely<unknown>
  readonly close: () => Promise<void>
}

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
  const floor = sqliteFloor(raw)
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
  } as DossierSummary
  const scope = `dossier.file/${options.citizenId}`

  const app = new Hono()
  app.post("/api/v1/dossiers", async (c) => {
    if (c.req.header("authorization") !== `Bearer ${options.token}`) return c.json({ title: "unauthenticated" }, 401)
    const key = c.req.header("idempotency-key")
    if (key === undefined) return c.json({ title: "no key" }, 422)
    const body = (await c.req.json()) as { applicant: unknown; summary?: string; documents: unknown }
    const millis = options.now().getTime()
    const at = new Date(millis).toISOString()
    const day = vietnamDate(at)
    try {
      const answer = floor.transaction(() => {
        floor.claim(
          scope,
          key,
          createHash("sha256")
            .update(canonicalJson(body as never))
            .digest("hex"),
          at,
        )
        const sequence = floor.nextSequence(agency, day)
        const code = `${agency}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, "0")}`
        const context = {
          ...snapshot.context,
          dossierCode: code,
          applicant: body.applicant,
          summary: body.summary,
          receivedAt: at,
        }
        floor.create({
          code,
          owners: [body.applicant.id, options.citizenId],
          summary,
          snapshot: { value: snapshot.value, context },
          at,
          audit: [
            {
              at,
              actor: t.audit.actor,
              action: t.audit.action,
              detail: { ...detail, data: { ...(detail.data as object), documents: body.documents } } as never,
            },
          ],
          outbox: t.outbox.map((message) => ({
            topic: message.topic,
            payloadText: message.payload.split(t.code).join(code),
          })),
        })
        const answer = { code, version: 1, summary }
        floor.answer(scope, key, answer as never)
        return answer
      })
      return c.json(answer, 201)
    } catch (error) {
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
