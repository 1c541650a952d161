// Local accounts: officers' passwords and sessions, integration clients' API keys.
export * from "./accounts.ts"
export * from "./agent-pairing.ts"
export * from "./citizen-sessions.ts"
export * from "./credentials.ts"
