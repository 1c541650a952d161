// @motcua/api/relay-process: what a process that runs the outbox relay apart from the API needs — the settings from
// the environment, the runtime over the configured storage and adapters, the relay task, the JSON logger — without
// the HTTP app (hono, routes, OpenAPI document). `motcua outbox relay` starts from here (apps/cli
// commands/outbox-relay.ts), so that a relay restarted after a crash loads only these (docs/performance.md).
export { DEFAULT_RELAY, defaultWorkerId, type RelaySettings, startRelay } from "./background.ts"
export { ConfigurationError, type EnvironmentSettings, settingsFromEnvironment } from "./environment.ts"
export { jsonLogger, type Logger } from "./logging.ts"
export { type ApiRuntime, createRuntime } from "./runtime.ts"
