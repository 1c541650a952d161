// Citizens sign in over HTTP with the national e-ID through a real OpenID provider (oidc-provider, started here with a
// VNeID-like claim set): /api/v1/auth/eid/start → the provider → /api/v1/auth/eid/callback → a session like an
// officer's, with which the citizen files in their own name. A level-1 account, a tampered state and a callback
// without the flow's cookie are 401; a returnTo of another site is 400. A browser (asking for HTML) of a server that
// serves the web pages is sent instead to the page that says why (`/dang-nhap/that-bai?ly-do=…`).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { residenceFiling } from "@motcua/application/testing"
import { Browser, cookiesOf, startTestProvider, type TestProvider } from "@motcua/identity-oidc/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createApp } from "./app.ts"
import { memoryLogger } from "./logging.ts"
import { type ApiRuntime, createRuntime } from "./runtime.ts"
import { data } from "./testing.test-support.ts"

const REDIRECT = "http://motcua.test/api/v1/auth/eid/callback"
const CLIENT = { clientId: "motcua", clientSecret: "motcua-secret-0123456789", redirectUri: REDIRECT }

let idp: TestProvider
let runtime: ApiRuntime
let app: ReturnType<typeof createApp>
/** The same server with the web pages (a stand-in build: one index.html). */
let withPages: ReturnType<typeof createApp>
const webRoot = mkdtempSync(join(tmpdir(), "motcua-eid-pages-"))

beforeAll(async () => {
  idp = await startTestProvider({
    clients: [CLIENT],
    citizens: {
      "sub-an": { personal_id: "022090001234", name: "Nguyễn Văn An", birthdate: "1990-03-15", identity_level: 2 },
      "sub-binh": { personal_id: "022190009999", name: "Trần Thị Bình", birthdate: "1990-07-01", identity_level: 1 },
    },
  })
  const eid = { issuer: idp.issuer, ...CLIENT, allowHttpLoopback: true }
  runtime = await createRuntime({ data, citizens: {}, eid })
  app = createApp({
    ...data,
    logger: memoryLogger(),
    runtime,
    secureCookies: false,
    eid: { redirectUri: REDIRECT, minimumLevel: 2 },
  })
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>motcua</title>")
  withPages = createApp({
    ...data,
    logger: memoryLogger(),
    runtime,
    secureCookies: false,
    eid: { redirectUri: REDIRECT, minimumLevel: 2 },
    webRoot,
  })
})
afterAll(async () => {
  rmSync(webRoot, { recursive: true, force: true })
  await runtime?.dispose()
  await idp?.close()
})

/** The browser's round trip; answers our callback's response and the flow cookie it carried. */
async function signInAs(subject: string, returnTo = "/ho-so") {
  idp.signInNext(subject)
  const start = await app.request(`/api/v1/auth/eid/start?returnTo=${encodeURIComponent(returnTo)}`)
  expect(start.status).toBe(302)
  const flowCookie = cookiesOf(start).join("; ")
  const callback = new URL(await new Browser().visitUntil(start.headers.get("location") ?? "", REDIRECT))
  return {
    callback,
    flowCookie,
    finish: (url = callback) => app.request(`${url.pathname}${url.search}`, { headers: { cookie: flowCookie } }),
  }
}

describe("citizen sign-in with the national e-ID over HTTP", () => {
  it("opens a session with which the citizen files in their own name", async () => {
    const { finish } = await signInAs("sub-an")
    const done = await finish()
    expect(done.status).toBe(302)
    expect(done.headers.get("location")).toBe("/ho-so")
    const cookies = cookiesOf(done)
    expect(cookies.find((c) => c.startsWith("motcua_eid="))).toBe("motcua_eid=") // the flow's cookie is cleared
    const session = cookies.filter((c) => c.startsWith("motcua_session=") || c.startsWith("motcua_csrf="))
    const csrf = session.find((c) => c.startsWith("motcua_csrf="))?.slice("motcua_csrf=".length) ?? ""
    const me = await app.request("/api/v1/session", { headers: { cookie: session.join("; ") } })
    expect(await me.json()).toMatchObject({
      id: "022090001234",
      name: "Nguyễn Văn An",
      roles: ["citizen"],
      scope: { _tag: "Citizen", citizenId: "022090001234" },
    })
    const filed = await app.request("/api/v1/dossiers", {
      method: "POST",
      headers: {
        cookie: session.join("; "),
        "x-csrf-token": csrf,
        "content-type": "application/json",
        "idempotency-key": "eid-file-1",
      },
      body: JSON.stringify(residenceFiling()),
    })
    expect(filed.status).toBe(201)
    // and not in someone else's name without saying so
    const other = await app.request("/api/v1/dossiers", {
      method: "POST",
      headers: {
        cookie: session.join("; "),
        "x-csrf-token": csrf,
        "content-type": "application/json",
        "idempotency-key": "eid-file-2",
      },
      body: JSON.stringify(
        residenceFiling({ applicant: { id: "022190009999", name: "Trần Thị Bình", kind: "citizen" } }),
      ),
    })
    expect(other.status).toBe(422)
  })

  it("refuses an account below the required identification level", async () => {
    const { finish } = await signInAs("sub-binh")
    const done = await finish()
    expect(done.status).toBe(401)
    expect(cookiesOf(done).some((c) => c.startsWith("motcua_session="))).toBe(false)
  })

  it("refuses a tampered state and a callback without the flow's cookie", async () => {
    const { callback, finish } = await signInAs("sub-an")
    const tampered = new URL(callback)
    tampered.searchParams.set("state", "forged-state")
    expect((await finish(tampered)).status).toBe(401)
    const bare = await app.request(`${callback.pathname}${callback.search}`)
    expect(bare.status).toBe(401)
  })

  it("sends a browser whose sign-in failed to the page that says why, never with the request's own text", async () => {
    const html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    const failed = async (url: URL, cookie?: string) => {
      const answer = await withPages.request(`${url.pathname}${url.search}`, {
        headers: { accept: html, ...(cookie === undefined ? {} : { cookie }) },
      })
      expect(answer.status).toBe(303)
      expect(cookiesOf(answer)).toContain("motcua_eid=") // the flow's cookie is cleared
      return answer.headers.get("location")
    }
    const low = await signInAs("sub-binh")
    expect(await failed(low.callback, low.flowCookie)).toBe("/dang-nhap/that-bai?ly-do=level")
    const tampered = await signInAs("sub-an")
    const forged = new URL(tampered.callback)
    forged.searchParams.set("state", "forged-state")
    expect(await failed(forged, tampered.flowCookie)).toBe("/dang-nhap/that-bai?ly-do=refused")
    expect(await failed(tampered.callback)).toBe("/dang-nhap/that-bai?ly-do=expired")
    // the citizen said no at the provider: it comes back with an error (its description is not carried over)
    const cancelled = await signInAs("sub-an")
    const state = new URL(cancelled.callback).searchParams.get("state") ?? ""
    const said = new URL(
      `${REDIRECT}?error=access_denied&error_description=${encodeURIComponent("<b>gọi 0123</b>")}&state=${state}`,
    )
    expect(await failed(said, cancelled.flowCookie)).toBe("/dang-nhap/that-bai?ly-do=cancelled")
    // a client that does not ask for HTML still gets the problem; so does a browser of a server without pages
    const json = await withPages.request(`${said.pathname}${said.search}`, {
      headers: { cookie: cancelled.flowCookie },
    })
    expect(json.status).toBe(401)
    const bare = await app.request(`${said.pathname}${said.search}`, { headers: { accept: html } })
    expect(bare.status).toBe(401)
  })

  it("sends back only to a page of this site", async () => {
    const response = await app.request(`/api/v1/auth/eid/start?returnTo=${encodeURIComponent("//evil.example/")}`)
    expect(response.status).toBe(400)
  })

  it("tells the sign-in page which ways citizens may sign in: e-ID here, and no development tokens", async () => {
    const options = await app.request("/api/v1/auth/options")
    expect(await options.json()).toEqual({ eid: true, citizenTokens: false })
    const demo = await createRuntime({ data })
    try {
      const plain = createApp({ ...data, logger: memoryLogger(), runtime: demo, secureCookies: false })
      expect(await (await plain.request("/api/v1/auth/options")).json()).toEqual({ eid: false, citizenTokens: true })
    } finally {
      await demo.dispose()
    }
  })
})
