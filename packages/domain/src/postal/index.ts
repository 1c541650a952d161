export * from "./postal.ts"
