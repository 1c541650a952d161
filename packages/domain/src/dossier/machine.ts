/**
 * The dossier lifecycle machine: one xstate v5 machine per procedure (and variant), built with `setup(...)`.
 *
 * - Parameterised by the procedure's internal process (steps, roles, allowances), documents, fees and result, with
 *   the variant applied (`applyVariant`), and by the centre's working calendar.
 * - Its input is the filing (`FileDossier`): the machine starts in `filed` (status 1), so every snapshot has a
 *   national status. Use `open` (decide.ts) to check a filing before starting a dossier.
 * - States and their events: `transitions.ts`; guards: `guards.ts` (one xstate guard, `allowed`, runs every check);
 *   context changes: `reducers.ts`, run by the `apply` action (an `assign`); named actions for the application
 *   layer: `effects.ts`, enqueued by the `effects` action.
 * - The definition of the lifecycle: `decide` and `open` (decide.ts) compute each transition from the same table and
 *   plain functions without running xstate (step.ts), and `step.test.ts` proves they agree with the machine's pure
 *   `transition(machine, snapshot, event)` / `initialTransition(machine, filing)`. The snapshot is plain JSON.
 */
import { Result } from "effect"
import { and, assign, setup } from "xstate"
import type { Calendar } from "../calendar/index.ts"
import { applyVariant, type ProcedureNotFound } from "../catalogue/queries.ts"
import type { Procedure } from "../catalogue/schema.ts"
import type { DossierContext } from "./context.ts"
import type { ApplicantNotice, AuditEntry, DeadlineCheck, PaymentRequest, PortalSync } from "./effects.ts"
import { effectsOf, filingEffects } from "./effects.ts"
import type { DossierEnv } from "./env.ts"
import type { DossierEvent, FileDossier } from "./events.ts"
import { checkEvent, routeConditions } from "./guards.ts"
import { applyEvent, filedContext } from "./reducers.ts"
import { type DossierStateName, dossierStateNames, finalStates } from "./status.ts"
import { inVietnamTime } from "./time.ts"
import { transitionTable } from "./transitions.ts"

export interface DossierMachineOptions {
  readonly procedure: Procedure
  readonly variantId?: string
  readonly calendar: Calendar
  /** See `DossierEnv.pauseForFinancialObligation`; default false. */
  readonly pauseForFinancialObligation?: boolean
}

interface Edge {
  readonly from: DossierStateName
  readonly to: DossierStateName
}

function buildMachine(env: DossierEnv) {
  const machineSetup = setup({
    types: {
      context: {} as DossierContext,
      events: {} as DossierEvent,
      input: {} as FileDossier,
    },
    guards: {
      /** Every check of `guards.ts` for the event in the given state. */
      allowed: ({ context, event }, params: { readonly state: DossierStateName }) =>
        checkEvent(env, params.state, context, event) === undefined,
      /** The payment covers everything requested so far. */
      paymentSettles: ({ context, event }) => routeConditions.paymentSettles(context, event),
    },
    actions: {
      apply: assign(({ context, event }, params: Edge) =>
        applyEvent(env, params.from, params.to, context, inVietnamTime(event)),
      ),
      // The named actions the application layer carries out; here they are data only.
      audit: (_, _params: AuditEntry) => {},
      syncPortal: (_, _params: PortalSync) => {},
      notifyApplicant: (_, _params: ApplicantNotice) => {},
      requestPayment: (_, _params: PaymentRequest) => {},
      scheduleDeadlineCheck: (_, _params: DeadlineCheck) => {},
    },
  })

  // The named actions of `effects.ts`, enqueued after `apply` so that they see the new context.
  const effects = (edge: Edge) =>
    machineSetup.enqueueActions(({ context, event, enqueue }) => {
      for (const action of effectsOf(edge.from, edge.to, context, inVietnamTime(event))) enqueue(action)
    })
  // Only when the dossier is filed: `filed` is entered again when a supplement asked at intake arrives, and that
  // transition's own effects say so (no second "filed" audit, notice or fee request).
  const onFiling = machineSetup.enqueueActions(({ context, enqueue }) => {
    if (context.statusHistory.length > 1) return
    for (const action of filingEffects(context)) enqueue(action)
  })

  type Config = Parameters<typeof machineSetup.createMachine>[0]
  const states = Object.fromEntries(
    dossierStateNames.map((state) => {
      const on = Object.fromEntries(
        Object.entries(transitionTable[state]).map(([eventType, routes]) => [
          eventType,
          (routes ?? []).map((route) => {
            const allowed = { type: "allowed", params: { state } } as const
            return {
              target: route.to,
              guard: route.when === undefined ? allowed : and([allowed, route.when]),
              actions: [
                { type: "apply", params: { from: state, to: route.to } },
                effects({ from: state, to: route.to }),
              ],
            }
          }),
        ]),
      )
      const node = finalStates.has(state) ? { type: "final" as const } : { on }
      return [state, state === "filed" ? { ...node, entry: [onFiling] } : node]
    }),
  ) as Config["states"]

  return machineSetup.createMachine({
    id: "dossier",
    context: ({ input }) => filedContext(env, inVietnamTime(input)),
    initial: "filed",
    states,
  })
}

export type DossierMachine = ReturnType<typeof buildMachine>

// The environment each machine was built with (the one its guards close over), for `decide` to explain refusals.
const environments = new WeakMap<DossierMachine, DossierEnv>()

/** The environment a machine made by {@link createDossierMachine} was built with. */
export function dossierEnv(machine: DossierMachine): DossierEnv | undefined {
  return environments.get(machine)
}

/**
 * Builds the machine of one procedure (and variant). Fails with `ProcedureNotFound` when the variant id is not one
 * of the procedure's variants.
 */
export function createDossierMachine(options: DossierMachineOptions): Result.Result<DossierMachine, ProcedureNotFound> {
  return Result.map(applyVariant(options.procedure, options.variantId), (procedure) => {
    const env: DossierEnv = {
      procedure,
      ...(options.variantId === undefined ? {} : { variantId: options.variantId }),
      calendar: options.calendar,
      pauseForFinancialObligation: options.pauseForFinancialObligation ?? false,
    }
    const machine = buildMachine(env)
    environments.set(machine, env)
    return machine
  })
}
