export { type AgentOptions, createAgent } from "./agent.ts"
