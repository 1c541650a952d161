// The PopulationRegistry port over HTTP: the national population database as a province reaches it, through its data
// integration platform (LGSP) or the national data sharing platform (NDXP). The registry's own interface is not
// public, so this adapter speaks one small JSON protocol (POPULATION_PROTOCOL, README.md) that the province's gateway
// maps to the registry; a gateway that speaks otherwise gets its own adapter of the same port.
//
//   POST {baseUrl}/citizens/lookup          authorization: Bearer {token}, x-request-id: {uuid}
//   { "personalId": "022090001234", "purpose": "1.004222", "requestedBy": "cb-hg-01",
//     "consent": { "kind": "signed-at-counter", "at": "2025-10-06T01:00:00.000Z" } }
//   200 { "found": true, "reference": "…", "citizen": { "personalId", "fullName", "dateOfBirth": "YYYY-MM-DD",
//         "sex": "Nam" | "Nữ", "permanentAddress"? } }
//   200 { "found": false }  or  404                          → no such citizen
//   anything else (an error status, a timeout, a body that is not the above, another citizen's record) → the lookup
//   fails as ExternalServiceFailed (503 to the caller), with what was wrong.
import { randomUUID } from "node:crypto"
import {
  ExternalServiceFailed,
  type PopulationQuery,
  type PopulationRecord,
  PopulationRegistry,
  type PopulationRegistryShape,
} from "@motcua/application"
import { Effect, Layer, Result, Schema } from "effect"

export const POPULATION_PROTOCOL = "motcua-population/1"

export interface PopulationHttpSettings {
  /** The gateway's base URL, e.g. https://lgsp.quangninh.gov.vn/dancu/v1 */
  readonly baseUrl: string
  readonly token: string
  /** Default 10 000 ms. */
  readonly timeoutMs?: number
}

const Text = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500))
const Citizen = Schema.Struct({
  personalId: Schema.String.check(Schema.isPattern(/^\d{12}$/u)),
  fullName: Text,
  dateOfBirth: Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/u)),
  sex: Schema.Literals(["Nam", "Nữ"]),
  permanentAddress: Schema.optionalKey(Text),
})
const Answer = Schema.Union([
  Schema.Struct({ found: Schema.Literal(true), reference: Schema.optionalKey(Text), citizen: Citizen }),
  Schema.Struct({ found: Schema.Literal(false) }),
])
const decodeAnswer = Schema.decodeUnknownResult(Answer)

const failed = (why: string) =>
  new ExternalServiceFailed({ port: "PopulationRegistry", operation: "lookup", cause: new Error(why) })

export function populationHttpRegistry(settings: PopulationHttpSettings): PopulationRegistryShape {
  const url = `${settings.baseUrl.replace(/\/+$/u, "")}/citizens/lookup`
  const timeoutMs = settings.timeoutMs ?? 10_000
  const ask = async (query: PopulationQuery): Promise<PopulationRecord | undefined> => {
    let response: Response
    try {
      response = await fetch(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${settings.token}`,
          "content-type": "application/json",
          accept: "application/json",
          "x-request-id": randomUUID(),
          "x-protocol": POPULATION_PROTOCOL,
        },
        body: JSON.stringify({
          personalId: query.personalId,
          purpose: query.purpose,
          requestedBy: query.requestedBy,
          consent: query.consent,
        }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      })
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
      throw failed(
        timedOut
          ? `CSDL dân cư không trả lời sau ${timeoutMs} ms (no answer within ${timeoutMs} ms)`
          : `không gọi được CSDL dân cư (unreachable): ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    const text = await response.text()
    if (response.status === 404) return undefined
    if (!response.ok) throw failed(`CSDL dân cư trả lỗi ${response.status} (error status): ${text.slice(0, 200)}`)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw failed(`CSDL dân cư trả lời không phải JSON (not JSON): ${text.slice(0, 200)}`)
    }
    const decoded = decodeAnswer(body)
    if (Result.isFailure(decoded))
      throw failed(`CSDL dân cư trả lời sai mẫu (malformed answer): ${String(decoded.failure).slice(0, 300)}`)
    const answer = decoded.success
    if (!answer.found) return undefined
    // an answer about someone else is the gateway's fault, never a match
    if (answer.citizen.personalId !== query.personalId)
      throw failed("CSDL dân cư trả về người khác (the answer is about another personal id)")
    return { ...answer.citizen, ...(answer.reference === undefined ? {} : { reference: answer.reference }) }
  }
  return {
    lookup: (query) =>
      Effect.tryPromise({
        try: () => ask(query),
        catch: (cause) =>
          cause instanceof ExternalServiceFailed ? cause : failed(`lỗi không rõ (unexpected): ${String(cause)}`),
      }),
  }
}

export const PopulationHttp = {
  layer: (settings: PopulationHttpSettings) =>
    Layer.succeed(PopulationRegistry, PopulationRegistry.of(populationHttpRegistry(settings))),
}
