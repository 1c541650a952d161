export * from "./petition.ts"
