export * from "./gateway.ts"
export * from "./scheme.ts"
