export * from "./sla.ts"
