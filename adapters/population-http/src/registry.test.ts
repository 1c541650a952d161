// The adapter against a local stub of the province's gateway (node:http on a loopback port, speaking the protocol in
// registry.ts): what it sends (token, consent, purpose, who asks), a found citizen, an unknown one (404 and
// found:false), and every way the gateway can fail — an error status, a timeout, a body that is not JSON or not the
// protocol, another citizen's record, nobody listening — each an ExternalServiceFailed that says what was wrong.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import type { PopulationQuery } from "@motcua/application"
import { Effect, Exit } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { POPULATION_PROTOCOL, populationHttpRegistry } from "./registry.ts"

interface Seen {
  readonly method: string
  readonly path: string
  readonly headers: IncomingMessage["headers"]
  readonly body: unknown
}

const AN = {
  personalId: "022090001234",
  fullName: "Nguyễn Văn An",
  dateOfBirth: "1990-03-15",
  sex: "Nam",
  permanentAddress: "Tổ 1, khu 2, phường Hồng Gai, Quảng Ninh",
}

/** What the stub answers for a personal id (the tests' scenarios). */
function answer(id: string, res: ServerResponse) {
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" })
    res.end(JSON.stringify(body))
  }
  switch (id) {
    case AN.personalId:
      return json(200, { found: true, reference: "TRACE-1", citizen: AN })
    case "022090000404":
      return json(404, { message: "not found" })
    case "022090000000":
      return json(200, { found: false })
    case "022090000500":
      return json(500, { message: "database down" })
    case "022090000001":
      return setTimeout(() => json(200, { found: false }), 6_000)
    case "022090000002":
      res.writeHead(200, { "content-type": "text/html" })
      return res.end("<html>gateway login</html>")
    case "022090000003":
      return json(200, { found: true, citizen: { ...AN, personalId: "022090000003", dateOfBirth: "15/03/1990" } })
    case "022090000004":
      return json(200, { found: true, citizen: { ...AN } })
    default:
      return json(400, { message: "unexpected" })
  }
}

let server: Server
let base: string
const seen: Seen[] = []
beforeAll(async () => {
  server = createServer((req, res) => {
    let text = ""
    req.on("data", (chunk) => {
      text += chunk
    })
    req.on("end", () => {
      const body = JSON.parse(text) as { personalId: string }
      seen.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body })
      if (req.headers.authorization !== "Bearer gateway-token") {
        res.writeHead(401)
        return res.end()
      }
      answer(body.personalId, res)
    })
  })
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dancu/v1/`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))

const query = (personalId: string): PopulationQuery => ({
  personalId,
  purpose: "1.004222",
  requestedBy: "cb-hg-01",
  consent: { kind: "signed-at-counter", at: "2025-10-06T01:00:00.000Z" },
})
// long enough for a loaded machine (the suite runs two files at a time), short of the slow answer's 6 s
const TIMEOUT_MS = 2_000
const registry = (token = "gateway-token") => populationHttpRegistry({ baseUrl: base, token, timeoutMs: TIMEOUT_MS })
const run = (personalId: string, token?: string) => Effect.runPromiseExit(registry(token).lookup(query(personalId)))
const failure = async (personalId: string, token?: string) => {
  const exit = await run(personalId, token)
  if (!Exit.isFailure(exit)) throw new Error(`expected a failure for ${personalId}`)
  return String((exit.cause as unknown as { reasons?: Array<{ error?: unknown }> }).reasons?.[0]?.error ?? exit.cause)
}

describe("population-http against a stub gateway", () => {
  it("sends the token, the consent, the purpose and who asks; answers the citizen's record", async () => {
    const exit = await run(AN.personalId)
    expect(exit).toEqual(Exit.succeed({ ...AN, reference: "TRACE-1" }))
    const request = seen.at(-1)
    expect(request?.method).toBe("POST")
    expect(request?.path).toBe("/dancu/v1/citizens/lookup")
    expect(request?.headers["x-protocol"]).toBe(POPULATION_PROTOCOL)
    expect(request?.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)
    expect(request?.body).toEqual({
      personalId: AN.personalId,
      purpose: "1.004222",
      requestedBy: "cb-hg-01",
      consent: { kind: "signed-at-counter", at: "2025-10-06T01:00:00.000Z" },
    })
  })

  it("an unknown citizen, by 404 or found:false, is no record (not a failure)", async () => {
    expect(await run("022090000404")).toEqual(Exit.succeed(undefined))
    expect(await run("022090000000")).toEqual(Exit.succeed(undefined))
  })

  it("every failure of the gateway fails the lookup, saying what was wrong", async () => {
    expect(await failure("022090000500")).toMatch(/500.*database down/)
    expect(await failure("022090000001")).toMatch(new RegExp(`${TIMEOUT_MS} ms`))
    expect(await failure("022090000002")).toMatch(/not JSON/)
    expect(await failure("022090000003")).toMatch(/malformed/)
    expect(await failure("022090000004")).toMatch(/another personal id/)
    expect(await failure(AN.personalId, "wrong-token")).toMatch(/401/)
    const nobody = populationHttpRegistry({ baseUrl: "http://127.0.0.1:9", token: "t", timeoutMs: 500 })
    const exit = await Effect.runPromiseExit(nobody.lookup(query(AN.personalId)))
    expect(Exit.isFailure(exit)).toBe(true)
    expect(String(exit)).toMatch(/unreachable|PopulationRegistry/)
  })
})
