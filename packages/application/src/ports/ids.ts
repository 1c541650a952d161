// Identifiers the application makes up: payment request ids, correlation ids of outbox messages, signature request
// ids, ... (dossier codes are not among them: they come from the agency's daily sequence, see fileDossier). The real
// layer uses random UUIDs; the test layer counts, so that a test run always produces the same ids.
import { Context, Effect, Layer } from "effect"

export interface IdsShape {
  /** A new id for something of `kind` (e.g. "payment", "notification"), unique within the deployment. */
  readonly next: (kind: string) => Effect.Effect<string>
}

export class Ids extends Context.Service<Ids, IdsShape>()("@motcua/application/Ids") {
  static readonly layer = Layer.succeed(
    Ids,
    Ids.of({ next: (kind) => Effect.sync(() => `${kind}-${crypto.randomUUID()}`) }),
  )

  /** Deterministic: `<kind>-0001`, `<kind>-0002`, ... counted per kind from a fresh counter for each layer build. */
  static readonly layerTest = Layer.sync(Ids, () => {
    const counters = new Map<string, number>()
    return Ids.of({
      next: (kind) =>
        Effect.sync(() => {
          const n = (counters.get(kind) ?? 0) + 1
          counters.set(kind, n)
          return `${kind}-${String(n).padStart(4, "0")}`
        }),
    })
  })
}
