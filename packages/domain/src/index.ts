// @motcua/domain: the pure core. No I/O, no clock, no randomness: time and ids come in as arguments.
export * from "./calendar/index.ts"
export * from "./catalogue/index.ts"
export * from "./contact/index.ts"
export * from "./dossier/index.ts"
export * from "./dossier-code/index.ts"
export * from "./fees/index.ts"
export * from "./jurisdiction/index.ts"
export * from "./shared/decode.ts"
