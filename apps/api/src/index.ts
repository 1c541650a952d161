// @motcua/api: the HTTP API as a hono app, for main.ts and the CLI to serve and for embedders and tests to call.
export { API_INFO, type AppOptions, createApp, DEFAULT_BODY_LIMIT } from "./app.ts"
export { type AssistantSource, assistantsFor, DEFAULT_ASSISTANT_PER_MINUTE, DEFAULT_FILING_LINK } from "./assistant.ts"
export {
  DEFAULT_RELAY,
  DEFAULT_RELAY_TRAFFIC,
  defaultWorkerId,
  type RelaySettings,
  relayPass,
  startRelay,
} from "./background.ts"
export {
  DEMO_ACCOUNTS,
  DEMO_AGENCY,
  DEMO_GATEWAY_KEY,
  DEMO_INTAKE_POINT,
  DEMO_PASSWORD,
  DEMO_UNIT,
  type DemoAccount,
  demoCitizens,
  type SeededDemo,
  type SeedOptions,
  seedDemoAccounts,
} from "./demo.ts"
export type { ApiDeps, ReadinessCheck } from "./deps.ts"
export { ConfigurationError, type EnvironmentSettings, settingsFromEnvironment } from "./environment.ts"
export { toProblem } from "./errors.ts"
export {
  jsonLogger,
  type Logger,
  type LogLevel,
  MASKED,
  maskPersonalData,
  maskText,
  memoryLogger,
  type RequestLogFields,
} from "./logging.ts"
export type { PortalSettings } from "./portal.ts"
export { ApiProblem, PROBLEM_CONTENT_TYPE, ProblemDetails } from "./problem.ts"
export {
  type ApiRuntime,
  type AppServices,
  createRuntime,
  DataLoadError,
  type RuntimeOptions,
  type StorageKind,
  storageKindOf,
} from "./runtime.ts"
export { type RunningServer, type ServerOptions, startServer } from "./server.ts"
