export * from "./policy.ts"
export * from "./principal.ts"
