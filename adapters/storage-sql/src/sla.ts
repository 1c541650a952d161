// Service-level notices (SlaStore port, issue 15). A notice's primary key is the dossier, the subject (its
// appointment or a step), the step, the due instant and the threshold: recording it is INSERT … ON CONFLICT DO
// NOTHING, and the outbox row that tells the officer is written in the same transaction only when the notice was
// new — so however many sweeps run, on however many instances, each threshold is noticed and sent once.
import type { SlaNotice, SlaStoreShape } from "@motcua/application"
import type { StaffRole } from "@motcua/domain"
import { Effect } from "effect"
import { type Selectable, sql } from "kysely"
import { scopeSql } from "./indicators.ts"
import type { SlaNoticeTable } from "./schema.ts"
import { affected, type StorageContext } from "./storage-context.ts"

const noticeOf = (row: Selectable<SlaNoticeTable>): SlaNotice => ({
  dossierCode: row.dossier_code,
  subject: row.subject as SlaNotice["subject"],
  stepId: row.step_id === "" ? null : row.step_id,
  threshold: row.threshold as SlaNotice["threshold"],
  dueAt: row.due_at,
  at: row.at,
  role: row.role as StaffRole,
  assigneeId: row.assignee_id,
  agencyCode: row.agency_code,
  unitCode: row.unit_code,
})

export function makeSlaStore(ctx: StorageContext): SlaStoreShape {
  const { db } = ctx
  const overdueNoticed = (subject: "step" | "dossier", due: "d.due_at" | "d.appointment_at") =>
    sql`exists (select 1 from sla_notice n where n.dossier_code = d.code and n.subject = ${subject}
      and n.due_at = ${sql.ref(due)} and n.threshold = 'overdue')`
  return {
    candidates: (threshold, afterCode, limit) =>
      ctx.withDb((x) =>
        x
          .query(
            "sla candidates",
            db
              .selectFrom("dossier as d")
              .select(["d.code", "d.due_at", "d.appointment_at"])
              .where("d.code", ">", afterCode)
              .where("d.status_code", "in", [1, 2, 4])
              .where(
                sql<boolean>`((d.due_at is not null and d.due_at <= ${threshold} and not ${overdueNoticed("step", "d.due_at")})
                  or (d.appointment_at is not null and d.appointment_at <= ${threshold}
                    and not ${overdueNoticed("dossier", "d.appointment_at")}))`,
              )
              .orderBy("d.code")
              .limit(Math.max(0, Math.trunc(limit)))
              .compile(),
          )
          .pipe(
            Effect.map(({ rows }) =>
              rows.map((r) => ({ code: r.code, dueAt: r.due_at, appointmentAt: r.appointment_at })),
            ),
          ),
      ),
    record: (notice, message) =>
      ctx.inTransaction("record sla notice", (x) =>
        Effect.gen(function* () {
          const inserted = yield* x.query(
            "record sla notice",
            db
              .insertInto("sla_notice")
              .values({
                dossier_code: notice.dossierCode,
                subject: notice.subject,
                step_id: notice.stepId ?? "",
                due_at: notice.dueAt,
                threshold: notice.threshold,
                at: notice.at,
                role: notice.role,
                assignee_id: notice.assigneeId,
                agency_code: notice.agencyCode,
                unit_code: notice.unitCode,
              })
              .onConflict((oc) => oc.columns(["dossier_code", "subject", "step_id", "due_at", "threshold"]).doNothing())
              .compile(),
          )
          if (affected(inserted) !== 1) return false
          yield* x.query(
            "record sla notice",
            db
              .insertInto("outbox")
              .values({
                topic: message.topic,
                dossier_code: notice.dossierCode,
                payload: JSON.stringify(message.payload),
                status: "pending",
                attempts: 0,
                available_at: message.availableAt ?? notice.at,
                created_at: notice.at,
                // the outbox's own columns (outbox.ts): a notice is not ordered after other rows
                ordering_key: message.orderingKey ?? null,
                due_at: message.availableAt ?? notice.at,
              })
              .compile(),
          )
          return true
        }),
      ),
    inbox: (query) =>
      ctx.withDb((x) => {
        const forRole =
          query.roles.length === 0
            ? sql<boolean>`1 = 0`
            : sql<boolean>`(role in (${sql.join([...query.roles])}) and ${scopeSql(
                { agencyCodes: query.agencyCodes, unitCodes: query.unitCodes },
                "sla_notice",
              )})`
        return x
          .query(
            "sla inbox",
            db
              .selectFrom("sla_notice")
              .selectAll()
              .where(sql<boolean>`(assignee_id = ${query.recipientId} or ${forRole})`)
              .orderBy("at", "desc")
              .orderBy("dossier_code")
              .orderBy("subject")
              .orderBy("step_id")
              .orderBy("due_at")
              .orderBy("threshold")
              .limit(Math.max(0, Math.trunc(query.limit)))
              .compile(),
          )
          .pipe(Effect.map(({ rows }) => rows.map(noticeOf)))
      }),
    overdueWithoutApology: (scope, limit) =>
      ctx.withDb((x) =>
        x
          .query(
            "overdue without apology",
            db
              .selectFrom("sla_notice as n")
              .innerJoin("dossier as d", "d.code", "n.dossier_code")
              .select([
                "d.code",
                "d.agency_code",
                "d.unit_code",
                "d.procedure_code",
                "n.due_at",
                "n.at",
                "d.status_code",
              ])
              .where("n.subject", "=", "dossier")
              .where("n.threshold", "=", "overdue")
              .whereRef("d.appointment_at", "=", "n.due_at")
              .where("d.status_code", "in", [1, 2, 4, 5, 6])
              .where(scopeSql(scope, "d"))
              .orderBy("n.due_at")
              .orderBy("d.code")
              .limit(Math.max(0, Math.trunc(limit)))
              .compile(),
          )
          .pipe(
            Effect.map(({ rows }) =>
              rows.map((r) => ({
                code: r.code,
                agencyCode: r.agency_code,
                unitCode: r.unit_code,
                procedureCode: r.procedure_code,
                appointmentAt: r.due_at,
                noticedAt: r.at,
                statusCode: Number(r.status_code),
              })),
            ),
          ),
      ),
  }
}
