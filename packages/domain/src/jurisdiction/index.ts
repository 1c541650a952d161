export * from "./competence.ts"
export * from "./schema.ts"
