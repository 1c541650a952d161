// JSON values as stored by the ports (dossier snapshots, audit details, outbox payloads, idempotent answers), and
// the canonical form the audit hash chain is computed over.

export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped (as JSON.stringify
 * does). Two equal values always give the same text, whichever order their keys were written in, so a hash over it
 * does not depend on how a database (or a JSON library) happens to order keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError(`not JSON: ${value}`)
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`
  const record = value as Record<string, unknown>
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
  return `{${members.join(",")}}`
}
