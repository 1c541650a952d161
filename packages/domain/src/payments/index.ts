export * from "./vietqr.ts"
