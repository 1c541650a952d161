// The national population database (Cơ sở dữ liệu quốc gia về dân cư), as a deployment reaches it (usually through the
// province's data integration platform, LGSP): look up a citizen by their personal identification number, with their
// consent, to verify the applicant of a filing and prefill the intake form. The law allows the lookup only with the
// citizen's consent and for the procedure at hand (Decree 13/2023, Decree 104/2022): every lookup carries both, and
// the use case audits it like a read of personal data. The adapter: adapters/population-http; in memory for tests.
import { Context, Effect, Layer } from "effect"
import { ExternalServiceFailed } from "./external-errors.ts"
import type { Instant } from "./records.ts"

export type PopulationConsentKind = "signed-at-counter" | "e-id" | "declared-online"

export interface PopulationQuery {
  /** The 12-digit personal identification number (số định danh cá nhân). */
  readonly personalId: string
  readonly consent: { readonly kind: PopulationConsentKind; readonly at: Instant }
  /** Why: the procedure the lookup is for (its code), as the registry's log asks. */
  readonly purpose: string
  /** The account asking (an officer, an agent, the citizen). */
  readonly requestedBy: string
}

/** What the registry answers about a citizen (the fields a filing needs). */
export interface PopulationRecord {
  readonly personalId: string
  readonly fullName: string
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string
  readonly sex: "Nam" | "Nữ"
  readonly permanentAddress?: string
  /** The registry's reference for this lookup (its trace id), when it gives one. */
  readonly reference?: string
}

export interface PopulationRegistryShape {
  /** The citizen's record; undefined when the registry has no one with that number. */
  readonly lookup: (query: PopulationQuery) => Effect.Effect<PopulationRecord | undefined, ExternalServiceFailed>
}

/** No registry configured: every lookup fails as unavailable (503), saying so. */
export const populationNotConfigured: PopulationRegistryShape = {
  lookup: () =>
    Effect.fail(
      new ExternalServiceFailed({
        port: "PopulationRegistry",
        operation: "lookup",
        cause: new Error(
          "chưa kết nối cơ sở dữ liệu quốc gia về dân cư (population database not configured: MOTCUA_POPULATION_URL)",
        ),
      }),
    ),
}

export class PopulationRegistry extends Context.Service<PopulationRegistry, PopulationRegistryShape>()(
  "@motcua/application/PopulationRegistry",
) {
  /** A registry holding `records` (tests, demos); every query is kept in `queries`. */
  static readonly makeMemory = (records: ReadonlyArray<PopulationRecord>) => {
    const queries: PopulationQuery[] = []
    const shape: PopulationRegistryShape = {
      lookup: (query) =>
        Effect.sync(() => {
          queries.push(query)
          return records.find((r) => r.personalId === query.personalId)
        }),
    }
    return { shape, queries }
  }
  static readonly layerMemory = (records: ReadonlyArray<PopulationRecord>) =>
    Layer.succeed(PopulationRegistry, PopulationRegistry.makeMemory(records).shape)
  /** No registry configured (the same as none in the environment). */
  static readonly layerNotConfigured = Layer.succeed(PopulationRegistry, populationNotConfigured)
}
