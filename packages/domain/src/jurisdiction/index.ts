export * from "./schema.ts"
