export * from "./code.ts"
