export * from "./draw.ts"
export * from "./notices.ts"
