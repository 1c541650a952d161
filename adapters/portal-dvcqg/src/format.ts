// The portal's value formats (dvcqg-contract.md, "Values"): instants as `yyyyMMddHHmmss` in Vietnam time (UTC+7, no
// daylight saving), an absent date as "", booleans and codes as strings ("True", "1").

const VIETNAM_OFFSET_MS = 7 * 3_600_000
const PORTAL_INSTANT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/

/** `yyyyMMddHHmmss` in Vietnam time for an ISO-8601 instant; "" for none. Throws on text that is not an instant. */
export function portalInstant(instant: string | null | undefined): string {
  if (instant === null || instant === undefined || instant === "") return ""
  const millis = Date.parse(instant)
  if (Number.isNaN(millis)) throw new RangeError(`not an instant: ${instant}`)
  const iso = new Date(millis + VIETNAM_OFFSET_MS).toISOString()
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`
}

/** The ISO-8601 instant (`…+07:00`) of a portal instant, or undefined when it is not one (or does not exist). */
export function fromPortalInstant(text: string): string | undefined {
  const m = PORTAL_INSTANT.exec(text)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s] = m
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`
  const millis = Date.parse(iso)
  // Date.parse rolls 31 February over into March: the text must come back the same
  if (Number.isNaN(millis) || portalInstant(iso) !== text) return undefined
  return iso
}

/** "True" / "False". */
export const portalBool = (value: boolean): "True" | "False" => (value ? "True" : "False")

/** A portal boolean: "True"/"False" (any case), "1"/"0", or a JSON boolean; undefined otherwise. */
export function fromPortalBool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value
  if (typeof value !== "string") return undefined
  const v = value.trim().toLowerCase()
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : undefined
}
