// Which role may take which event in which state: read from the machine's own tables (transitions.ts for the
// states, permissions.ts for the roles), never restated. docs/lifecycle-actions.md and the OpenAPI descriptions of
// the lifecycle actions are generated from it, and a test keeps the doc equal to it.
import type { DossierEventType } from "./events.ts"
import { actorGrants, intakeGrantsOf, stepBoundEvents } from "./permissions.ts"
import { type DossierStateName, dossierStateNames } from "./status.ts"
import { transitionTable } from "./transitions.ts"

export interface EventRule {
  readonly event: DossierEventType
  /** The states that take it, and where each leads. */
  readonly states: ReadonlyArray<{ readonly from: DossierStateName; readonly to: ReadonlyArray<DossierStateName> }>
  /** Who may send it, in words (Vietnamese, then English). */
  readonly who: string
}

/** The lifecycle's order: the states of dossierStateNames, the final ones last. */
const FINAL: ReadonlySet<DossierStateName> = new Set(["refused", "withdrawn", "stopped"])
const STATE_ORDER: ReadonlyArray<DossierStateName> = [
  ...dossierStateNames.filter((s) => !FINAL.has(s)),
  ...dossierStateNames.filter((s) => FINAL.has(s)),
]

function whoMay(event: DossierEventType): string {
  const bound = stepBoundEvents[event]
  if (bound !== undefined) {
    const holder =
      bound === "any"
        ? "người giữ bước hiện tại (the holder of the current step, any role)"
        : `người giữ bước hiện tại, vai trò ${bound.join(" hoặc ")} (the current step's holder: ${bound.join(" or ")})`
    const atIntake = intakeGrantsOf(event)
    return atIntake.length === 0
      ? holder
      : `${holder}; trước khi tiếp nhận (before intake): ${atIntake.map(([role, scope]) => `${role} (${scope})`).join(", ")}`
  }
  const byMethod = Object.entries(actorGrants(event)).filter(([, list]) => list.length > 0)
  if (byMethod.length === 0) return "—"
  return byMethod
    .map(([method, list]) => {
      const roles = list.map(([role, scope]) => (scope === "none" ? role : `${role} (${scope})`)).join(", ")
      return method === "" ? roles : `${method}: ${roles}`
    })
    .join("; ")
}

/** Every event with the states that take it and who may send it, in the order of the lifecycle. */
export function lifecycleRules(): ReadonlyArray<EventRule> {
  const events = new Set<DossierEventType>()
  for (const state of STATE_ORDER)
    for (const event of Object.keys(transitionTable[state])) events.add(event as DossierEventType)
  return [...events].map((event) => ({
    event,
    states: STATE_ORDER.flatMap((from) => {
      const routes = transitionTable[from][event]
      return routes === undefined ? [] : [{ from, to: [...new Set(routes.map((r) => r.to))] }]
    }),
    who: whoMay(event),
  }))
}

/** The rules as a Markdown table (docs/lifecycle-actions.md). */
export function lifecycleRulesMarkdown(): string {
  const rows = lifecycleRules().map(
    (r) => `| \`${r.event}\` | ${r.states.map((s) => `${s.from} → ${s.to.join(" / ")}`).join("; ")} | ${r.who} |`,
  )
  return ["| event | states that take it → where it leads | who may send it |", "|---|---|---|", ...rows].join("\n")
}
