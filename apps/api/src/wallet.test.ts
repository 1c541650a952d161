// The bar of issue 14 over HTTP, on SQLite and PostgreSQL: a citizen signs in through a real OpenID provider (the
// national e-ID's stand-in, oidc-provider), keeps a paper in their e-wallet, files with it taken from the wallet
// (attached with the same bytes, marked as taken from the citizen's store), and after the officers' work receives the
// signed result into the wallet. Nobody else reads the wallet: another citizen and an officer are 403.
import { createHash } from "node:crypto"
import { signDevelopmentPaymentCallback } from "@motcua/application"
import { paidCallback } from "@motcua/application/testing"
import { Browser, startTestProvider, type TestProvider } from "@motcua/identity-oidc/testing"
import { afterAll, beforeAll, expect, it } from "vitest"
import {
  type Credentials,
  citizen,
  DAY,
  gateway,
  HOUR,
  officers,
  onEachDatabase,
  pdf,
  residenceFiling,
  send,
  type TestSystem,
  testSystem,
} from "./dossier.test-support.ts"

const REDIRECT = "http://motcua.test/api/v1/auth/eid/callback"
const CLIENT = { clientId: "motcua", clientSecret: "motcua-secret-0123456789", redirectUri: REDIRECT }
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

let idp: TestProvider
beforeAll(async () => {
  idp = await startTestProvider({
    clients: [CLIENT],
    citizens: {
      "sub-an": { personal_id: "022090001234", name: "Nguyễn Văn An", birthdate: "1990-03-15", identity_level: 2 },
    },
  })
  idp.signInNext("sub-an")
})
afterAll(() => idp?.close())

onEachDatabase("the e-wallet over HTTP, signed in with the e-ID", (kind) => {
  let system: TestSystem
  let as: (username: string) => Promise<Credentials>
  beforeAll(async () => {
    system = await testSystem(kind, { eid: { issuer: idp.issuer, ...CLIENT, allowHttpLoopback: true } })
    as = officers(system)
  }, 60_000)
  afterAll(async () => system?.close())

  /** The citizen's session from the e-ID round trip: cookie and CSRF token. */
  async function signIn(): Promise<Credentials> {
    const start = await system.app.request("/api/v1/auth/eid/start")
    const flow = start.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ")
    const back = new URL(await new Browser().visitUntil(start.headers.get("location") ?? "", REDIRECT))
    const done = await system.app.request(`${back.pathname}${back.search}`, { headers: { cookie: flow } })
    expect(done.status).toBe(302)
    const cookies = done.headers.getSetCookie().map((c) => c.split(";")[0] ?? "")
    const session = cookies.filter((c) => /^motcua_(session|csrf)=./.test(c))
    const csrf = session.find((c) => c.startsWith("motcua_csrf="))?.slice("motcua_csrf=".length) ?? ""
    return { headers: { cookie: session.join("; "), "x-csrf-token": csrf } }
  }

  it("files with a paper from the wallet and receives the signed result into it", async () => {
    const me = await signIn()
    const paper = pdf("Hợp đồng thuê nhà có công chứng")
    const saved = await system.app.request(
      "/api/v1/me/wallet?documentType=cho-o-hop-phap&name=H%E1%BB%A3p%20%C4%91%E1%BB%93ng&validUntil=2027-12-31",
      { method: "POST", headers: { ...me.headers, "content-type": "application/pdf" }, body: paper },
    )
    expect(saved.status).toBe(201)
    const entry = (await saved.json()) as { id: string; sha256: string }
    expect(entry.sha256).toBe(sha(paper))

    const filed = await send(
      system.app,
      me,
      "POST",
      "/api/v1/dossiers",
      {
        ...residenceFiling({ documents: [{ id: "ct01" }] }),
        fromWallet: [{ documentId: "cho-o-hop-phap", walletEntryId: entry.id }],
      },
      { "idempotency-key": `wallet-${kind}` },
    )
    expect(filed.status, await filed.clone().text()).toBe(201)
    let { code, version } = (await filed.json()) as { code: string; version: number }
    const detail = (await (await send(system.app, me, "GET", `/api/v1/dossiers/${code}`)).json()) as {
      documentIds: string[]
      context: { documents: Array<{ id: string; digitised?: boolean; fromEWallet?: boolean }> }
    }
    // the wallet's paper is recorded as digitised, taken from the citizen's store; ct01 brought no paper
    expect(detail.context.documents).toEqual([
      { id: "ct01" },
      { id: "cho-o-hop-phap", digitised: true, fromEWallet: true },
    ])
    const counter = await as("cb-hg-01")
    const copy = await send(system.app, counter, "GET", `/api/v1/dossiers/${code}/documents/${detail.documentIds[0]}`)
    expect(sha(new Uint8Array(await copy.arrayBuffer()))).toBe(sha(paper))

    // the officers' work, down to the return by e-wallet
    const step = async (c: Credentials, segment: string, body: object = {}) => {
      const done = await send(system.app, c, "POST", `/api/v1/dossiers/${code}/${segment}`, {
        expectedVersion: version,
        ...body,
      })
      expect(done.status, await done.clone().text()).toBe(200)
      version = ((await done.json()) as { version: number }).version
    }
    await step(await as("cb-hg-01"), "accept")
    await step(await as("cb-hg-01"), "complete-step", { assigneeId: "cv-hg-01" })
    system.advance(DAY)
    await step(await as("cv-hg-01"), "complete-step")
    await step(await as("ld-hg-01"), "approve")
    const signedResult = pdf("Thông báo kết quả đăng ký thường trú (đã ký số)")
    const upload = await system.app.request("/api/v1/documents", {
      method: "POST",
      headers: { ...(await as("ld-hg-01")).headers, "content-type": "application/pdf" },
      body: signedResult,
    })
    const result = (await upload.json()) as { id: string }
    await step(await as("ld-hg-01"), "sign", { documentId: result.id })
    await step(await as("ld-hg-01"), "complete-step")
    const notice = paidCallback(code)
    const callback = {
      ...notice,
      signature: signDevelopmentPaymentCallback(system.runtime.developmentKeys.paymentSecret, notice),
    }
    const paid = await send(system.app, gateway(), "POST", "/api/v1/payments/callback", callback, {
      "idempotency-key": `pay-${kind}`,
    })
    expect(paid.status).toBe(200)
    version = ((await paid.json()) as { version: number }).version
    await step(await as("vt-hg-01"), "complete-step")
    system.advance(HOUR)
    await step(await as("cb-hg-01"), "mark-result-ready", { resultDocumentIds: [result.id] })
    await step(await as("cb-hg-01"), "return-result", { method: "e-wallet" })

    // a day later: the first session has expired, the citizen signs in again
    const again = await signIn()
    const wallet = (await (await send(system.app, again, "GET", "/api/v1/wallets/022090001234")).json()) as {
      items: Array<{ id: string; kind: string; dossierCode?: string; sha256: string }>
    }
    const delivered = wallet.items.find((e) => e.kind === "result")
    expect(delivered).toMatchObject({ dossierCode: code, sha256: sha(signedResult) })
    const download = await send(system.app, again, "GET", `/api/v1/wallets/022090001234/entries/${delivered?.id}`)
    expect(sha(new Uint8Array(await download.arrayBuffer()))).toBe(sha(signedResult))
  })

  it("is read by nobody but its owner", async () => {
    expect((await send(system.app, citizen("022090009999"), "GET", "/api/v1/wallets/022090001234")).status).toBe(403)
    expect((await send(system.app, await as("cb-hg-01"), "GET", "/api/v1/wallets/022090001234")).status).toBe(403)
    expect((await send(system.app, undefined, "GET", "/api/v1/wallets/022090001234")).status).toBe(401)
  })
})
