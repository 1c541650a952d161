// What will happen to one simulated dossier, drawn when it is filed: most go straight to their result; some are
// refused at intake, withdrawn, asked for a supplement (which the applicant brings, or not), asked for a financial
// obligation, delayed (one step takes well over its allowance, or the authority extends with an apology), rejected
// by the leader, or left open at the end of the simulated period.
import type { Random } from "./random.ts"

export const scenarios = {
  normal: 52,
  supplement: 12,
  "supplement-abandoned": 3,
  obligation: 7,
  late: 8,
  apology: 3,
  "refused-at-intake": 5,
  withdrawn: 4,
  rejected: 2,
  open: 4,
} as const

export type Scenario = keyof typeof scenarios

export interface Plan {
  readonly scenario: Scenario
  /** For `open`: how many actions after filing before the simulated period ends. */
  readonly openAfter: number
  /** For `late`: which step of the process overruns (index into the process), and by how much (× allowance). */
  readonly lateStep: number
  readonly lateFactor: number
}

export function drawPlan(random: Random, steps: number): Plan {
  return {
    scenario: random.weighted(scenarios),
    openAfter: random.int(1, 5),
    lateStep: random.int(1, Math.max(1, steps - 1)),
    lateFactor: random.between(1.6, 3),
  }
}
