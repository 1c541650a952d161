export * from "./draw.ts"
