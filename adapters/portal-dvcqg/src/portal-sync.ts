// The PortalSync port over the national portal (DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo).
// - A record push decodes the stored view (PortalSyncPayload: a row written by another version fails with the path
//   of each problem), maps it (toDossierRecord) and sends it with isUpdating "False" for a dossier's first record
//   (status 1), "True" after. An answer that the record "already exists" (error_code 3 or -3, or "đã tồn tại") sends
//   it again as an update: a first push whose answer was lost is applied once.
// - A progress push sends the event's items (toProgressItems: one per status entered), in chunks of 10. The
//   portal's contract has no id for a progress item; every attempt sends the same items (the view fixed when the
//   change committed), so a portal that keeps one item per dossier, instant, status and content applies a resent
//   update once (docs/integrations/portal.md says what is assumed).
// - error_code "0" is success; any other code is a refusal: PortalRefused (permanent: the relay marks the row dead
//   with the portal's message). Network errors, timeouts, 5xx and malformed answers are PortalUnavailable (retried).
import {
  ExternalServiceFailed,
  type PortalHolding,
  PortalRefused,
  PortalSync,
  PortalSyncPayload,
  type PortalSyncShape,
} from "@motcua/application"
import { Effect, Layer, Schema } from "effect"
import { type DvcqgSettings, type PortalAnswer, type PortalClient, PortalUnavailable, portalClient } from "./client.ts"
import { type MappingOptions, toDossierRecord, toProgressItems } from "./mapping.ts"

export interface ServiceNames {
  readonly record: string
  readonly progress: string
  readonly lookup: string
}

export const DEFAULT_SERVICES: ServiceNames = {
  record: "DongBoHoSoMC",
  progress: "CapNhatTienDoHoSoMC",
  lookup: "TraCuuHoSo",
}

export interface PortalSyncSettings extends DvcqgSettings, MappingOptions {
  readonly services?: Partial<ServiceNames>
}

const decodePayload = Schema.decodeUnknownResult(PortalSyncPayload)
const ALREADY_EXISTS = /đã tồn tại/iu

const refusal = (service: string, answer: PortalAnswer, dossierCode: string) =>
  new PortalRefused(
    `Cổng DVCQG từ chối ${service} cho hồ sơ ${dossierCode} (refused, error_code ${answer.code}): ${answer.message || "(không có thông báo)"}`,
    answer.code,
  )

/** The record the portal answered TraCuuHoSo with: its status, when it says it holds the dossier. */
function holdingOf(answer: PortalAnswer, dossierCode: string): PortalHolding {
  if (answer.code !== "0") {
    if (/không tồn tại|không tìm thấy|not found/iu.test(answer.message)) return { held: false }
    throw refusal("TraCuuHoSo", answer, dossierCode)
  }
  const items = Array.isArray(answer.data)
    ? answer.data
    : answer.data === undefined || answer.data === null
      ? []
      : [answer.data]
  const found = items.find(
    (item): item is Record<string, unknown> =>
      typeof item === "object" && item !== null && (item as Record<string, unknown>).MaHoSo === dossierCode,
  )
  if (found === undefined) return { held: false }
  const status = Number(found.TrangThaiHoSo)
  if (!Number.isInteger(status) || status < 1 || status > 10)
    throw new PortalUnavailable(
      `Cổng DVCQG trả lời TraCuuHoSo với trạng thái không hợp lệ (malformed status): ${JSON.stringify(found.TrangThaiHoSo)}`,
    )
  return { held: true, status }
}

export function makePortalSync(
  settings: PortalSyncSettings,
  client: PortalClient = portalClient(settings),
): PortalSyncShape {
  const services = { ...DEFAULT_SERVICES, ...settings.services }
  const failed = (operation: string) => (cause: unknown) =>
    new ExternalServiceFailed({ port: "PortalSync", operation, cause })

  const pushRecord = async (dossierCode: string, record: Record<string, unknown>, first: boolean) => {
    let answer = await client.call(services.record, [record], { isUpdating: !first })
    if (answer.code !== "0" && (answer.code === "3" || answer.code === "-3" || ALREADY_EXISTS.test(answer.message)))
      answer = await client.call(services.record, [record], { isUpdating: true })
    if (answer.code !== "0") throw refusal(services.record, answer, dossierCode)
  }

  const pushProgress = async (dossierCode: string, items: ReadonlyArray<Record<string, unknown>>) => {
    for (let i = 0; i < items.length; i += 10) {
      const answer = await client.call(services.progress, items.slice(i, i + 10))
      if (answer.code !== "0") throw refusal(services.progress, answer, dossierCode)
    }
  }

  return {
    push: (message) =>
      Effect.tryPromise({
        try: async () => {
          const decoded = decodePayload(message.payload)
          if (decoded._tag === "Failure")
            throw new PortalRefused(
              `dữ liệu đồng bộ của hồ sơ ${message.dossierCode} không đọc được (stored payload does not decode): ${String(decoded.failure.message).split("\n").slice(0, 3).join(" ")}`,
              "payload",
            )
          const payload = decoded.success
          if (payload.kind === "record")
            await pushRecord(
              message.dossierCode,
              toDossierRecord(payload.record, settings),
              payload.record.status === 1,
            )
          else await pushProgress(message.dossierCode, toProgressItems(payload.progress, settings))
          return { reference: `${message.dossierCode}/${message.pushId}` }
        },
        catch: failed(`push.${message.kind}`),
      }),
    lookup: (dossierCode) =>
      Effect.tryPromise({
        try: async () => holdingOf(await client.call(services.lookup, [{ mahoso: dossierCode }]), dossierCode),
        catch: failed("lookup"),
      }),
  }
}

export const PortalDvcqg = {
  /** PortalSync over the portal's API. */
  layer: (settings: PortalSyncSettings, client?: PortalClient) =>
    Layer.succeed(PortalSync, PortalSync.of(makePortalSync(settings, client))),
}
