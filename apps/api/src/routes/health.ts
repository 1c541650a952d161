// Liveness and readiness for the orchestrator: /healthz says the process answers; /readyz says the data is loaded
// and every readiness check (the database, once there is one) passes.
import { outboxLag } from "@motcua/application"
import { Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { ApiProblem } from "../problem.ts"

const operation = defineOperation<ApiDeps>()

const Health = Schema.Struct({ status: Schema.Literal("ok") }).annotate({ identifier: "Health" })
const Readiness = Schema.Struct({
  status: Schema.Literal("ready"),
  procedures: Schema.Number.check(Schema.isInt()),
  units: Schema.Number.check(Schema.isInt()),
  checks: Schema.Array(Schema.Struct({ name: Schema.String, ok: Schema.Boolean })),
  relay: Schema.NullOr(
    Schema.Struct({
      lagMs: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)).annotate({
        description: "Độ trễ: hàng chờ lâu nhất đã đến hạn mà chưa gửi (how long the oldest due row has waited)",
      }),
      oldestDueAt: Schema.NullOr(Schema.String),
      pending: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
      claimed: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)),
      dead: Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0)).annotate({
        description: "Hàng đã bỏ cuộc, chờ người vận hành (rows given up on, waiting for an operator)",
      }),
    }),
  ).annotate({ description: "Hàng đợi gửi đi (the outbox relay's backlog); null without a database" }),
}).annotate({ identifier: "Readiness" })

/** Runs a check, counting a throw or a rejection as "not ready" rather than an error of the probe. */
async function passes(check: () => boolean | Promise<boolean>): Promise<boolean> {
  try {
    return (await check()) === true
  } catch {
    return false
  }
}

export const healthOperations = [
  operation({
    method: "get",
    path: "/healthz",
    operationId: "health",
    tag: "health",
    summary: "Tiến trình đang hoạt động",
    description: "Liveness: the process answers.",
    response: { status: 200, description: "Đang hoạt động", schema: Health },
    problems: [],
    handle: () => Result.succeed({ status: "ok" as const }),
  }),
  operation({
    method: "get",
    path: "/readyz",
    operationId: "readiness",
    tag: "health",
    summary: "Dịch vụ sẵn sàng phục vụ",
    description:
      "Readiness: the catalogue and jurisdiction data are loaded and every dependency answers; with the outbox " +
      "relay's backlog and lag (details only: a lagging relay does not make the instance unready).",
    response: { status: 200, description: "Sẵn sàng", schema: Readiness },
    problems: ["not-ready"],
    handle: async (_, deps) => {
      const checks = await Promise.all(deps.readiness.map(async (r) => ({ name: r.name, ok: await passes(r.check) })))
      const procedures = deps.catalogue.length
      const units = deps.jurisdiction.units.length
      const failing = checks.filter((c) => !c.ok).map((c) => c.name)
      if (procedures === 0) failing.push("catalogue")
      if (units === 0) failing.push("jurisdiction")
      if (failing.length > 0)
        return Result.fail(new ApiProblem({ kind: "not-ready", detail: `Chưa sẵn sàng: ${failing.join(", ")}.` }))
      const lag = deps.runtime === undefined ? undefined : await deps.runtime.run(outboxLag).catch(() => undefined)
      const relay =
        lag === undefined || Result.isFailure(lag)
          ? null
          : {
              lagMs: lag.success.lagMs,
              oldestDueAt: lag.success.oldestDueAt,
              pending: lag.success.pending,
              claimed: lag.success.claimed,
              dead: lag.success.dead,
            }
      return Result.succeed({ status: "ready" as const, procedures, units, checks, relay })
    },
  }),
]
