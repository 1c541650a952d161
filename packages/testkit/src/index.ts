// @motcua/testkit: fast-check arbitraries and invariant checks for people who deploy and test motcua workflows.
export * from "./arbitraries/applicant.ts"
export * from "./arbitraries/calendar.ts"
export * from "./arbitraries/procedure.ts"
