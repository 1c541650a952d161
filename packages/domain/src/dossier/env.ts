import type { Calendar } from "../calendar/index.ts"
import type { Procedure } from "../catalogue/schema.ts"

/**
 * What one dossier machine is parameterised by: the procedure as it applies to the variant (its documents, fees,
 * internal process and times), the working calendar of the handling centre, and the pauses the deployment counts.
 */
export interface DossierEnv {
  /** The procedure with the variant applied (`applyVariant`). */
  readonly procedure: Procedure
  readonly variantId?: string
  readonly calendar: Calendar
  /**
   * Whether the time the applicant takes to pay a financial obligation requested during processing is left out of
   * the processing time, like supplementation (the rule for land procedures; configurable because it is not general).
   */
  readonly pauseForFinancialObligation: boolean
}
