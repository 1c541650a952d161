// The counter agent against a real API server and SANE's test backend: the officer's desk gets a one-time code, the
// agent pairs with it (once), a scan is uploaded as the officer's document and filed at intake as a digitised paper
// with the same SHA-256, a card's QR text is parsed and checked by the API, device failures are problems naming the problem with
// nothing uploaded, and only loopback requests from the desk's origin are served. A serial card reader (a socat
// pseudo-terminal pair standing for its port) hands the paired desk each card in the shape the API's id-card route
// answers a keyboard-wedge read with, each refused scan naming where, and its port's state (unplugged, back).
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { memoryLogger, type RunningServer, seedDemoAccounts, startServer } from "@motcua/api"
import { sessionHeaders } from "@motcua/api/testing"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { openSerialCardReader, type ReaderEvent, SERIAL_READER_DEFAULTS } from "@motcua/device-card-reader"
import { SAMPLE_CARD_MRZ, SAMPLE_CARD_QR, startPtyPair } from "@motcua/device-card-reader/testing"
import { makeSaneScanner } from "@motcua/device-scanner"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CardReadEvent, createAgent } from "./agent.ts"

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
  officer = await sessionHeaders(api, "cb-hg-01")
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

describe("counter agent with a serial card reader", () => {
  const QR = SAMPLE_CARD_QR
  const MRZ = SAMPLE_CARD_MRZ
  const ptyDir = mkdtempSync(join(tmpdir(), "motcua-agent-serial-"))
  afterAll(() => rmSync(ptyDir, { recursive: true, force: true }))

  type Reads = { reads: CardReadEvent[]; last: number; reader: { state: string; path: string } | null }
  /** Asks the agent as the desk does, until `enough` of the reads since `after` are there. */
  async function readsUntil(
    agent: ReturnType<typeof createAgent>,
    auth: Record<string, string>,
    after: number,
    enough: (reads: CardReadEvent[]) => boolean,
  ) {
    const got: CardReadEvent[] = []
    let last = after
    for (let i = 0; i < 20 && !enough(got); i++) {
      const answer = await agent.app.request(`/card-reads?after=${last}&wait=5`, { headers: { origin: api, ...auth } })
      expect(answer.status).toBe(200)
      const body = (await answer.json()) as Reads
      got.push(...body.reads)
      last = body.last
    }
    expect(enough(got), JSON.stringify(got)).toBe(true)
    return { reads: got, last }
  }

  it("hands the paired desk each card read in the id-card route's shape, each refusal, and the port's state", async () => {
    const pty = await startPtyPair(ptyDir, "agent-reader")
    const agent = createAgent({
      apiBase: api,
      scanner: scanner(),
      cardReader: (onEvent) =>
        openSerialCardReader(
          { ...SERIAL_READER_DEFAULTS, path: pty.port, maxBytes: 1024, reconnect: { firstMs: 100, maxMs: 400 } },
          onEvent,
        ),
    })
    try {
      // not paired: nothing for anyone
      expect((await agent.app.request("/card-reads?after=0", { headers: { origin: api } })).status).toBe(401)
      const pair = async () => {
        const paired = await agent.app.request("/pair", json({ code: await pairingCode() }))
        const { agentToken } = (await paired.json()) as { agentToken: string }
        return { authorization: `Bearer ${agentToken}` }
      }
      const first = await pair()
      await pty.write(`${QR}\r`)
      await readsUntil(agent, first, 0, (r) => r.some((e) => e.kind === "card"))
      // paired again (another officer's desk): the card read for the one before is not handed over
      const auth = await pair()
      const start = (await (
        await agent.app.request("/card-reads", { headers: { origin: api, ...auth } })
      ).json()) as Reads
      expect(start.reads).toEqual([])
      expect(start.reader).toMatchObject({ state: "open", path: pty.port })
      const devices = (await (await agent.app.request("/devices", { headers: auth })).json()) as {
        cardReader: { state: string }
        serialPorts: unknown[]
      }
      expect(devices.cardReader).toMatchObject({ state: "open" })
      expect(Array.isArray(devices.serialPorts)).toBe(true)
      const before = await agent.app.request("/card-reads?after=0&wait=0", { headers: auth })
      const earlier = ((await before.json()) as Reads).reads
      expect(earlier.filter((r) => r.kind === "card")).toEqual([])
      expect(earlier.filter((r) => r.kind === "status").map((r) => r.kind === "status" && r.status.state)).toEqual([
        "open",
      ])

      // the QR in chunks with pauses (the diacritics' bytes split across them), ended by CR
      const waiting = readsUntil(agent, auth, start.last, (r) => r.some((e) => e.kind === "card"))
      await pty.writeChunks(`${QR}\r`, [9, 2, 17, 1], 25)
      const qr = await waiting
      const card = qr.reads.find((e) => e.kind === "card")
      // the same card the API answers the desk for a keyboard-wedge read of the same text
      const wedge = await agent.app.request("/card", json({ format: "qr", text: QR }, auth))
      expect(wedge.status).toBe(200)
      expect(card).toMatchObject({ kind: "card", card: await wedge.json() })
      expect(card).toMatchObject({ card: { fullName: "Nguyễn Thị Hồng Nhung", id: "022190001234" } })

      // the MRZ line by line, each ended by CR
      await pty.write(MRZ.map((l) => `${l}\r`).join(""))
      const mrz = await readsUntil(agent, auth, qr.last, (r) => r.some((e) => e.kind === "card"))
      const mrzWedge = await agent.app.request("/card", json({ format: "mrz", text: MRZ.join("\n") }, auth))
      expect(mrz.reads.find((e) => e.kind === "card")).toMatchObject({ card: await mrzWedge.json() })

      // garbage and an over-long scan: refused, naming where
      await pty.write("@@@ không phải thẻ @@@\r")
      await pty.writeChunks(`${"9".repeat(3000)}\r`, [512], 5)
      const refused = await readsUntil(agent, auth, mrz.last, (r) => r.filter((e) => e.kind === "refused").length >= 2)
      expect(refused.reads.filter((e) => e.kind === "refused")).toMatchObject([
        { problem: "invalid", where: "QR (layout)" },
        { problem: "too-long", where: "byte 1025" },
      ])

      // unplugged: said to the desk; plugged back (a new pty at the same path): open again, and reading
      await pty.stop()
      const gone = await readsUntil(agent, auth, refused.last, (r) =>
        r.some((e) => e.kind === "status" && e.status.state === "unplugged"),
      )
      const again = await startPtyPair(ptyDir, "agent-reader")
      try {
        const back = await readsUntil(agent, auth, gone.last, (r) =>
          r.some((e) => e.kind === "status" && e.status.state === "open"),
        )
        await again.write(`${QR}\r`)
        const after = await readsUntil(agent, auth, back.last, (r) => r.some((e) => e.kind === "card"))
        expect(after.reads.find((e) => e.kind === "card")).toMatchObject({ card: { id: "022190001234" } })
      } finally {
        await again.stop()
      }
      // a bad `after` or `wait` is refused, saying which
      const bad = await agent.app.request("/card-reads?after=abc", { headers: auth })
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { detail: string }).detail).toContain("after")
    } finally {
      await agent.close()
      await pty.stop()
    }
  })
  it("keeps a card for the desk only a while: an old one is not handed over", async () => {
    let emit: ((event: ReaderEvent) => void) | undefined
    const agent = createAgent({
      apiBase: api,
      scanner: scanner(),
      cardReadTtlMs: 200,
      cardReader: (onEvent) => {
        emit = onEvent
        return {
          status: () => ({ state: "open", path: "/dev/ttyACM9", detail: "open", since: new Date().toISOString() }),
          pending: () => 0,
          close: async () => undefined,
        }
      },
    })
    const paired = await agent.app.request("/pair", json({ code: await pairingCode() }))
    const auth = { authorization: `Bearer ${((await paired.json()) as { agentToken: string }).agentToken}` }
    const card = (id: string): ReaderEvent => ({
      kind: "card",
      card: { id, fullName: "NGUYEN VAN AN", dateOfBirth: "1990-03-15", sex: "Nam", source: "mrz" },
    })
    const ask = async () =>
      ((await (await agent.app.request("/card-reads?after=0&wait=0", { headers: auth })).json()) as Reads).reads
    emit?.(card("022090001234"))
    expect((await ask()).map((r) => r.kind === "card" && r.card.id)).toEqual(["022090001234"])
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await ask()).toEqual([])
  })
})
