// One event against both the machine and the reference model: the model predicts, the machine decides, and any
// disagreement (taken vs refused, the reason's tag, the state reached, a refusal that changed the snapshot) throws.
import { type DossierStateName, decide, describeRefusal, stateOf } from "@motcua/domain"
import { type EventIntent, eventFor } from "./events.ts"
import type { Run } from "./filing.ts"
import type { Prediction } from "./model.ts"
import { persisted } from "./trace.ts"

/** A short line for an event: type, who, when and the payload fields that matter. */
export function describeEvent(input: Record<string, unknown>): string {
  const { type, actor, at, ...rest } = input
  const who = typeof actor === "object" && actor !== null ? (actor as { role?: string; id?: string }) : undefined
  const payload = Object.keys(rest).length === 0 ? "" : ` ${JSON.stringify(rest)}`
  return `${String(type)} by ${who === undefined ? "(no actor)" : `${who.role}:${who.id}`} at ${String(at)}${payload}`
}

const showPrediction = (p: Prediction) => (p.ok ? `taken, to ${p.to}` : `refused (${p.tag})`)

/** Sends the event of `intent`; returns a one-line account of what happened. Throws on any disagreement. */
export function runStep(run: Run, intent: EventIntent): string {
  const { model, setup } = run
  const built = eventFor(model, setup.calendar, intent)
  const prediction = model.predict(built.read)
  const given = intent.persisted ? JSON.parse(JSON.stringify(persisted(run.snapshot))) : run.snapshot
  const contextBefore = JSON.stringify(run.snapshot.context)
  const decision = decide(setup.machine, given, built.input)
  const line = describeEvent(built.input)
  const where = () =>
    `\n  event: ${line}\n  dossier: ${stateOf(run.snapshot)}, step ${model.step} (${model.holderRole() ?? "none"}), ` +
    `paid ${model.paid} of ${model.owed("before-result")}, decision ${model.decision ?? "none"}, ` +
    `${model.signed ? "signed" : "unsigned"}, ${model.supplementations} supplementation(s)`
  if (!decision.ok) {
    if (JSON.stringify(run.snapshot.context) !== contextBefore)
      throw new Error(`a refused event changed the snapshot${where()}`)
    if (prediction.ok || prediction.tag !== decision.reason._tag) {
      throw new Error(
        `the machine refused: ${decision.reason._tag} (${describeRefusal(decision.reason)}); the model expected it ${showPrediction(prediction)}${where()}`,
      )
    }
    model.refused++
    run.trace.steps.push({ event: built.input, decision, snapshot: persisted(run.snapshot), actions: [] })
    return `${line} → refused ${decision.reason._tag}`
  }
  const to: DossierStateName = stateOf(decision.snapshot)
  if (!prediction.ok || prediction.to !== to) {
    throw new Error(
      `the machine took the event to ${to}; the model expected it ${showPrediction(prediction)}${where()}`,
    )
  }
  if (built.read === "malformed") throw new Error(`a malformed event was taken${where()}`)
  const appointment = decision.snapshot.context.appointment
  model.apply(built.read, to, appointment === undefined ? undefined : Date.parse(appointment))
  run.snapshot = decision.snapshot
  run.trace.steps.push({
    event: built.input,
    decision: { ok: true },
    snapshot: persisted(decision.snapshot),
    actions: decision.actions,
  })
  return `${line} → ${to}`
}
