// One dossier machine per procedure version and variant, built once and reused: building a machine is far more
// work than deciding one event, and a deployment has at most a few thousand procedure versions.
import { createDossierMachine, type DossierMachine, type Procedure } from "@motcua/domain"
import { Effect, Result } from "effect"
import { FilingRefused } from "../errors.ts"
import type { CatalogStoreShape } from "../ports/catalog-store.ts"

// Keyed by the catalog (its calendar is part of every machine), then by code, version and variant.
const cache = new WeakMap<CatalogStoreShape, Map<string, DossierMachine>>()

const keyOf = (procedure: Procedure, variantId: string | undefined) =>
  `${procedure.code}@${procedure.effectiveFrom}#${variantId ?? ""}`

/** The machine of `procedure` (the version in force) and `variantId`; an unknown variant is refused. */
export function machineFor(
  catalog: CatalogStoreShape,
  procedure: Procedure,
  variantId: string | undefined,
): Effect.Effect<DossierMachine, FilingRefused> {
  return Effect.suspend(() => {
    const machine = machineOf(catalog, procedure, variantId)
    return machine instanceof FilingRefused ? Effect.fail(machine) : Effect.succeed(machine)
  })
}

/** {@link machineFor} as a plain function: the machine, or why not. */
export function machineOf(
  catalog: CatalogStoreShape,
  procedure: Procedure,
  variantId: string | undefined,
): DossierMachine | FilingRefused {
  let machines = cache.get(catalog)
  if (machines === undefined) {
    machines = new Map()
    cache.set(catalog, machines)
  }
  const key = keyOf(procedure, variantId)
  const cached = machines.get(key)
  if (cached !== undefined) return cached
  const built = createDossierMachine({
    procedure,
    calendar: catalog.calendar,
    ...(variantId === undefined ? {} : { variantId }),
  })
  if (Result.isFailure(built)) return new FilingRefused({ reason: "unknown-variant", detail: built.failure.message })
  machines.set(key, built.success)
  return built.success
}

/** How many machines are cached for a catalog (for tests of the cache). */
export const cachedMachineCount = (catalog: CatalogStoreShape): number => cache.get(catalog)?.size ?? 0
