// @motcua/portal-dvcqg: the national public service portal (DVCQG) — PortalSync (dossier records, progress updates,
// lookups) and PortalInbound (filings made on the portal) over the portal's API. README.md says what it talks to,
// how it is configured and what its tests prove.
export * from "./client.ts"
export * from "./format.ts"
export * from "./inbound.ts"
export * from "./mapping.ts"
export * from "./portal-sync.ts"
