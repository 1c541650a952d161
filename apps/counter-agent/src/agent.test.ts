// The counter agent against a real API server and SANE's test backend: the officer's desk gets a one-time code, the
// agent pairs with it (once), a scan is uploaded as the officer's document and filed at intake as a digitised paper
// with the same SHA-256, a card's QR text is parsed and checked by the API, device failures are problems naming the problem with
// nothing uploaded, and only loopback requests from the desk's origin are served.
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DEMO_PASSWORD, memoryLogger, type RunningServer, seedDemoAccounts, startServer } from "@motcua/api"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { makeSaneScanner } from "@motcua/device-scanner"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createAgent } from "./agent.ts"

const saneDir = mkdtempSync(join(tmpdir(), "motcua-agent-sane-"))
writeFileSync(join(saneDir, "dll.conf"), "test\n")
const scanner = (extra: string[] = []) =>
  makeSaneScanner({ env: { SANE_CONFIG_DIR: saneDir }, device: "test:0", extraArguments: extra })

let server: RunningServer
let api = ""
let officer: Record<string, string> = {}

beforeAll(async () => {
  const data = loadQuangNinh()
  if (Result.isFailure(data)) throw new Error("sample data")
  server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    data: data.success,
    logger: memoryLogger(),
    secureCookies: false,
    relay: { intervalMs: 0, batch: 1 },
    env: {},
  })
  await seedDemoAccounts(server.runtime, { cost: { N: 1024, r: 8, p: 1 } })
  api = `http://127.0.0.1:${server.port}`
  const signedIn = await fetch(`${api}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "cb-hg-01", password: DEMO_PASSWORD }),
  })
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string }
  officer = {
    cookie: signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
    "x-csrf-token": csrfToken,
  }
})
afterAll(async () => {
  await server?.close()
  rmSync(saneDir, { recursive: true, force: true })
})

const pairingCode = async () => {
  const answer = await fetch(`${api}/api/v1/counter-agent/pairings`, { method: "POST", headers: officer })
  expect(answer.status).toBe(201)
  return ((await answer.json()) as { code: string }).code
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", origin: api, ...headers },
  body: JSON.stringify(body),
})

async function pairedAgent(extra: string[] = []) {
  const agent = createAgent({ apiBase: api, scanner: scanner(extra) })
  const paired = await agent.app.request("/pair", json({ code: await pairingCode() }))
  expect(paired.status).toBe(200)
  const { agentToken } = (await paired.json()) as { agentToken: string }
  return { agent, auth: { authorization: `Bearer ${agentToken}` } }
}

/** A land registration (1.013978) filed by the officer at the Hồng Gai counter, with any more of the body. */
const fileLand = (key: string, more: Record<string, unknown> = {}) =>
  fetch(`${api}/api/v1/dossiers`, {
    method: "POST",
    headers: { ...officer, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({
      procedureCode: "1.013978",
      applicant: { id: "022090001234", name: "Nguyễn Văn An", kind: "citizen" },
      residence: { provinceCode: "22", unitCode: "06685" },
      subjectUnitCode: "06685",
      documents: [{ id: "don-15" }, { id: "giay-to-qsdd" }, { id: "so-do-nha" }],
      intakePointId: "ttphcc-06685",
      ...more,
    }),
  })

describe("counter agent", () => {
  it("pairs once with the officer's one-time code", async () => {
    const agent = createAgent({ apiBase: api, scanner: scanner() })
    expect(await (await agent.app.request("/status")).json()).toEqual({ paired: false })
    const code = await pairingCode()
    const paired = await agent.app.request("/pair", json({ code }))
    expect(await paired.json()).toMatchObject({ paired: true, principalId: "cb-hg-01" })
    // the code is spent
    const again = await createAgent({ apiBase: api, scanner: scanner() }).app.request("/pair", json({ code }))
    expect(again.status).toBe(401)
  })

  it("uploads a scan as the officer's document, filed at intake as a digitised paper with the same SHA-256", async () => {
    const { agent, auth } = await pairedAgent()
    const scanned = await agent.app.request(
      "/scan",
      json({ label: "Đơn đăng ký", resolution: 100, mode: "Gray" }, auth),
    )
    expect(scanned.status).toBe(201)
    const scan = (await scanned.json()) as { documentId: string; sha256: string; pages: number }
    expect(scan.pages).toBe(1)
    const filed = await fileLand("agent-scan-1", {
      papers: [{ documentId: "don-15", attachmentId: scan.documentId, sha256: scan.sha256 }],
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    const detail = (await (await fetch(`${api}/api/v1/dossiers/${code}`, { headers: officer })).json()) as {
      documentIds: string[]
      context: { documents: unknown[] }
    }
    expect(detail.documentIds).toContain(scan.documentId)
    // digitised: the paper scanned, recorded at filing; the two others were not scanned
    expect(detail.context.documents).toEqual([
      { id: "don-15", digitised: true },
      { id: "giay-to-qsdd" },
      { id: "so-do-nha" },
    ])
    const bytes = await (
      await fetch(`${api}/api/v1/dossiers/${code}/documents/${scan.documentId}`, { headers: officer })
    ).arrayBuffer()
    expect(createHash("sha256").update(new Uint8Array(bytes)).digest("hex")).toBe(scan.sha256)
    expect(new TextDecoder().decode(new Uint8Array(bytes).subarray(0, 5))).toBe("%PDF-")
  })

  it("records a scan as a digitised paper of a dossier with the scan's SHA-256 and page count", async () => {
    const { agent, auth } = await pairedAgent()
    const filed = await fileLand("agent-paper-1")
    expect(filed.status).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    const scanned = await agent.app.request("/scan", json({ label: "Đơn", resolution: 75, mode: "Gray" }, auth))
    expect(scanned.status).toBe(201)
    const scan = (await scanned.json()) as { documentId: string; sha256: string; pages: number }
    const recorded = await fetch(`${api}/api/v1/dossiers/${code}/papers`, {
      method: "POST",
      headers: { ...officer, "content-type": "application/json" },
      body: JSON.stringify({ documentId: "don-15", attachmentId: scan.documentId, sha256: scan.sha256 }),
    })
    expect(recorded.status, await recorded.clone().text()).toBe(201)
    const { paper } = (await recorded.json()) as { paper: { sha256: string; pages: number; fileId: string } }
    // the page count is the API's own, counted from the PDF the agent made of the scanner's pages
    expect(paper).toMatchObject({ sha256: scan.sha256, pages: scan.pages, fileId: scan.documentId })
    const bytes = await (
      await fetch(`${api}/api/v1/dossiers/${code}/documents/${paper.fileId}`, { headers: officer })
    ).arrayBuffer()
    expect(createHash("sha256").update(new Uint8Array(bytes)).digest("hex")).toBe(scan.sha256)
    const listed = (await (await fetch(`${api}/api/v1/dossiers/${code}/papers`, { headers: officer })).json()) as {
      items: Array<{ documentId: string; current: { version: number } }>
    }
    expect(listed.items.map((i) => [i.documentId, i.current.version])).toEqual([["don-15", 1]])
  })

  it("answers a jam with its problem and uploads nothing", async () => {
    const { agent, auth } = await pairedAgent(["--read-return-value", "SANE_STATUS_JAMMED"])
    const scanned = await agent.app.request("/scan", json({ label: "x", resolution: 50 }, auth))
    expect(scanned.status).toBe(409)
    expect(await scanned.json()).toMatchObject({ problem: "jammed" })
  })

  it("has the API read a card's QR text, refusing one that does not check", async () => {
    const { agent, auth } = await pairedAgent()
    const qr = "022090001234|100123456|Nguyễn Văn An|15031990|Nam|Tổ 5, khu 3, phường Hồng Gai|01072021"
    const read = await agent.app.request("/card", json({ format: "qr", text: qr }, auth))
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ id: "022090001234", dateOfBirth: "1990-03-15", source: "qr" })
    const bad = await agent.app.request("/card", json({ format: "qr", text: qr.replace("15031990", "15031991") }, auth))
    expect(bad.status).toBe(422)
  })

  it("serves only the desk's origin, on loopback, once paired", async () => {
    const agent = createAgent({ apiBase: api, scanner: scanner() })
    expect((await agent.app.request("/scan", json({ label: "x" }))).status).toBe(401)
    expect((await agent.app.request("/status", { headers: { origin: "https://evil.example" } })).status).toBe(403)
    expect((await agent.app.request("http://agent.evil.example/status")).status).toBe(403)
    const preflight = await agent.app.request("/pair", {
      method: "OPTIONS",
      headers: { origin: api, "access-control-request-private-network": "true" },
    })
    expect(preflight.headers.get("access-control-allow-origin")).toBe(api)
    expect(preflight.headers.get("access-control-allow-private-network")).toBe("true")
    // a problem is readable by the desk's page too (the officer sees why: not paired, scanner jammed, …)
    const unpaired = await agent.app.request("/devices", { headers: { origin: api } })
    expect(unpaired.status).toBe(401)
    expect(unpaired.headers.get("access-control-allow-origin")).toBe(api)
  })
})
