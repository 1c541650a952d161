// @motcua/portal-sim: a stand-in national public service portal (DVCQG) for demos and tests (README.md).
export * from "./args.ts"
export * from "./server.ts"
export * from "./validate.ts"
