// The national public service portal (DVCQG) from the environment (docs/integrations/portal.md, "Configuration"):
// with MOTCUA_PORTAL_URL the server syncs through adapters/portal-dvcqg and fetches the filings made on the portal;
// without it the development stand-in logs each push and sends nothing, and no filing is fetched.
import type { PortalInboundSettings, PortalSyncSettings } from "@motcua/portal-dvcqg"
import type { Environment } from "./environment.ts"

export type PortalSettings = PortalSyncSettings & PortalInboundSettings

type Problems = Array<{ variable: string; message: string }>

/** Reads the MOTCUA_PORTAL_* variables; undefined when MOTCUA_PORTAL_URL is unset. Bad ones go to `problems`. */
export function portalSettings(env: Environment, problems: Problems): PortalSettings | undefined {
  const url = env.MOTCUA_PORTAL_URL?.trim() ?? ""
  if (url === "") return undefined
  if (!/^https?:\/\//u.test(url))
    problems.push({ variable: "MOTCUA_PORTAL_URL", message: "phải là URL http(s) (must be an http(s) URL)" })
  const value = (variable: string) => env[variable]?.trim() ?? ""
  const required = [
    "MOTCUA_PORTAL_USERNAME",
    "MOTCUA_PORTAL_PASSWORD",
    "MOTCUA_PORTAL_UNIT_CODE",
    "MOTCUA_PORTAL_DSTCODE",
  ]
  for (const variable of required)
    if (value(variable) === "")
      problems.push({ variable, message: "bắt buộc khi có MOTCUA_PORTAL_URL (required with MOTCUA_PORTAL_URL)" })
  const style = value("MOTCUA_PORTAL_STYLE") || "envelope"
  if (style !== "envelope" && style !== "bare")
    problems.push({
      variable: "MOTCUA_PORTAL_STYLE",
      message: `phải là envelope hoặc bare (must be envelope or bare), nhận "${style}"`,
    })
  const whole = (variable: string, fallback: number, min: number) => {
    const raw = value(variable)
    if (raw === "") return fallback
    const n = Number(raw)
    if (Number.isSafeInteger(n) && n >= min) return n
    problems.push({ variable, message: `phải là số nguyên ≥ ${min} (must be an integer ≥ ${min}), nhận "${raw}"` })
    return fallback
  }
  let channelCodes: PortalSettings["channelCodes"]
  const codes = value("MOTCUA_PORTAL_CHANNEL_CODES")
  if (codes !== "") {
    try {
      const parsed = JSON.parse(codes) as Record<string, unknown>
      if (["online", "counter", "post"].every((k) => typeof parsed[k] === "string"))
        channelCodes = parsed as unknown as PortalSettings["channelCodes"]
      else throw new Error("keys")
    } catch {
      problems.push({
        variable: "MOTCUA_PORTAL_CHANNEL_CODES",
        message: 'phải là JSON {"online":"2","counter":"1","post":"3"} (a JSON object of the three channel codes)',
      })
    }
  }
  const documents = value("MOTCUA_PORTAL_DOCUMENT_BASE_URL")
  return {
    baseUrl: url,
    username: value("MOTCUA_PORTAL_USERNAME"),
    password: value("MOTCUA_PORTAL_PASSWORD"),
    unitCode: value("MOTCUA_PORTAL_UNIT_CODE"),
    dstcode: value("MOTCUA_PORTAL_DSTCODE"),
    style: style === "bare" ? "bare" : "envelope",
    timeoutMs: whole("MOTCUA_PORTAL_TIMEOUT_MS", 10_000, 100),
    tokenTtlMs: whole("MOTCUA_PORTAL_TOKEN_TTL_MS", 50 * 60_000, 1_000),
    ...(value("MOTCUA_PORTAL_AUTH_PATH") === "" ? {} : { authPath: value("MOTCUA_PORTAL_AUTH_PATH") }),
    ...(value("MOTCUA_PORTAL_SERVICE_PATH") === "" ? {} : { servicePath: value("MOTCUA_PORTAL_SERVICE_PATH") }),
    ...(channelCodes === undefined ? {} : { channelCodes }),
    ...(documents === "" ? {} : { documentBaseUrl: documents.replace(/\/+$/u, "") }),
  }
}
