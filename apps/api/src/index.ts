// @motcua/api: the HTTP API as a hono app, for main.ts to serve and for embedders and tests to call.
export { API_INFO, type AppOptions, createApp, DEFAULT_BODY_LIMIT } from "./app.ts"
export type { ApiDeps, ReadinessCheck } from "./deps.ts"
export { toProblem } from "./errors.ts"
export { jsonLogger, type Logger, type LogLevel, MASKED, maskPersonalData, maskText, memoryLogger } from "./logging.ts"
export { ApiProblem, PROBLEM_CONTENT_TYPE, ProblemDetails } from "./problem.ts"
