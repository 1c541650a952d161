// The national working day's check (workloads/national-day.ts): every row afterwards, or DayCheckFailed naming
// the first one that is lost or wrong.
import { AuditLog, DossierStore, Outbox, topics } from "@motcua/application"
import type { SimulatedDossier } from "@motcua/cli"
import { Effect, type ManagedRuntime } from "effect"

export class DayCheckFailed extends Error {}

/** Every row afterwards: dossiers and their states, the audit chain, the outbox drained, the simulator's records. */
export async function checkDay(
  runtime: ManagedRuntime.ManagedRuntime<DossierStore | AuditLog | Outbox, unknown>,
  simUrl: string,
  dossiers: ReadonlyArray<SimulatedDossier>,
  delivered: number,
): Promise<void> {
  const stuck = dossiers.filter((d) => d.stuck !== undefined)
  if (stuck.length > 0)
    throw new DayCheckFailed(`${stuck.length} dossiers stuck, e.g. ${stuck[0]?.code}: ${stuck[0]?.stuck}`)
  const codes = new Set(dossiers.map((d) => d.code))
  if (codes.size !== dossiers.length) throw new DayCheckFailed(`${dossiers.length - codes.size} dossier codes repeated`)
  await runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* DossierStore
      for (const d of dossiers) {
        const record = yield* store.get(d.code)
        if (record.summary.state !== d.finalState)
          return yield* Effect.fail(
            new DayCheckFailed(
              `${d.code}: stored in state ${record.summary.state}, the client left it ${d.finalState}`,
            ),
          )
        if (record.version !== d.transitions)
          return yield* Effect.fail(
            new DayCheckFailed(
              `${d.code}: stored at version ${record.version}, ${d.transitions} transitions committed`,
            ),
          )
      }
      const chain = yield* (yield* AuditLog).verifyChain()
      if (chain._tag !== "Intact") return yield* Effect.fail(new DayCheckFailed(`audit chain: ${chain._tag}`))
      const backlog = yield* (yield* Outbox).backlog()
      if (backlog.dead > 0) return yield* Effect.fail(new DayCheckFailed(`${backlog.dead} outbox rows dead`))
      for (const status of ["pending", "claimed"] as const) {
        const left = yield* (yield* Outbox).list({ topic: topics.portalSync, status, limit: 5 })
        if (left.length > 0)
          return yield* Effect.fail(new DayCheckFailed(`portal rows left ${status}, e.g. outbox row ${left[0]?.id}`))
      }
    }),
  )
  const stats = (await (await fetch(`${simUrl}/sim/stats`)).json()) as { dossiers: number; progressItems: number }
  if (stats.dossiers !== dossiers.length)
    throw new DayCheckFailed(`the portal simulator holds ${stats.dossiers} dossiers, ${dossiers.length} were filed`)
  if (delivered < dossiers.length)
    throw new DayCheckFailed(
      `${delivered} portal pushes delivered for ${dossiers.length} dossiers (a record each at least)`,
    )
}
