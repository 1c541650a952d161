/**
 * One transition computed from the plain functions the machine is built from, without running xstate: the route of
 * `transitionTable` (its `when` condition from `routeConditions`), the context from `applyEvent` (the machine's
 * `apply` action), the named actions from `effectsOf` (its `effects` action), and, on entering `filed` for the first
 * time, `filingEffects` (the `filed` state's entry action). `decide` and `open` answer with these; the machine stays
 * the definition, and `step.test.ts` proves both give the same next state, context and actions (or the same
 * refusal) on every transition of the testkit's model-based runs and on property-generated events.
 *
 * The caller has run `checkEvent` (the machine's `allowed` guard) on the same state and context.
 */
import type { DossierContext } from "./context.ts"
import type { DossierAction } from "./effects.ts"
import { effectsOf, filingEffects } from "./effects.ts"
import type { DossierEnv } from "./env.ts"
import type { DossierEvent, FileDossier } from "./events.ts"
import { routeConditions } from "./guards.ts"
import { applyEvent, filedContext } from "./reducers.ts"
import type { DossierStateName } from "./status.ts"
import { inVietnamTime } from "./time.ts"
import { transitionTable } from "./transitions.ts"

export interface Step {
  readonly value: DossierStateName
  readonly context: DossierContext
  readonly actions: DossierAction[]
}

/** The first route of the table whose condition holds, or undefined when the state takes no such event. */
export function routeOf(from: DossierStateName, context: DossierContext, event: DossierEvent) {
  const routes = transitionTable[from][event.type]
  if (routes === undefined) return undefined
  for (const route of routes) {
    if (route.when === undefined || routeConditions[route.when](context, event)) return route
  }
  return undefined
}

/** The next state, context and named actions of an event already checked on `from` and `context`. */
export function stepOf(
  env: DossierEnv,
  from: DossierStateName,
  context: DossierContext,
  event: DossierEvent,
): Step | undefined {
  const route = routeOf(from, context, event)
  if (route === undefined) return undefined
  const timed = inVietnamTime(event)
  const next = applyEvent(env, from, route.to, context, timed)
  const actions = effectsOf(from, route.to, next, timed)
  // The `filed` state's entry action: entered again (from `awaitingIntakeSupplement`) it adds nothing, as the
  // machine's `onFiling` says; a transition from `filed` to itself does not enter it again (xstate's default).
  if (route.to === "filed" && from !== "filed" && next.statusHistory.length <= 1) actions.push(...filingEffects(next))
  return { value: route.to, context: next, actions }
}

/** The first state of a dossier filed with `filing` (already decoded and checked by `filingRefusal`). */
export function filedStep(env: DossierEnv, filing: FileDossier): Step {
  const context = filedContext(env, inVietnamTime(filing))
  return { value: "filed", context, actions: filingEffects(context) }
}
