// The command line bundled ahead (build-server.ts) signing a citizen in with the national e-ID: the OpenID client
// (adapters/identity-oidc, openid-client) runs from the bundle against a real OpenID provider (oidc-provider, started
// here). Start → the provider → the callback → a session of the citizen's own, with which they file a dossier.
import type { ChildProcess } from "node:child_process"
import { join } from "node:path"
import { freePort } from "@motcua/api/testing"
import { residenceFiling } from "@motcua/application/testing"
import { Browser, cookiesOf, startTestProvider } from "@motcua/identity-oidc/testing"
import { afterAll, describe, expect, it } from "vitest"
import { buildServer } from "./build-server.ts"
import { SERVING, startProcess, stop, waitFor } from "./serving.test-support.ts"
import { tempDir } from "./test-support.ts"

describe("the server bundle signs citizens in with the national e-ID", () => {
  const dir = tempDir("serve-bundle-eid")
  let child: ChildProcess | undefined
  afterAll(async () => {
    if (child?.exitCode === null) child.kill("SIGKILL")
    dir.remove()
  })

  it("start → provider → callback opens the citizen's session, and they file in their own name", async () => {
    const port = await freePort()
    const redirect = `http://127.0.0.1:${port}/api/v1/auth/eid/callback`
    const provider = await startTestProvider({
      clients: [{ clientId: "motcua", clientSecret: "motcua-secret-0123456789", redirectUri: redirect }],
      citizens: {
        "sub-an": { personal_id: "022090001234", name: "Nguyễn Văn An", birthdate: "1990-03-15", identity_level: 2 },
      },
    })
    try {
      const { entry } = await buildServer(join(dir.path, "bundle"))
      const { DATABASE_URL: _elsewhere, ...inherited } = process.env
      const started = startProcess(process.execPath, [entry, "serve", "--port", String(port)], {
        cwd: dir.path,
        env: {
          ...inherited,
          DATABASE_URL: `sqlite:${join(dir.path, "motcua.sqlite")}`,
          MOTCUA_EID_ISSUER: provider.issuer,
          MOTCUA_EID_ALLOW_HTTP_LOOPBACK: "1",
          MOTCUA_EID_CLIENT_ID: "motcua",
          MOTCUA_EID_CLIENT_SECRET: "motcua-secret-0123456789",
          MOTCUA_EID_REDIRECT_URI: redirect,
        },
      })
      child = started.child
      await waitFor(started.child, started.output, SERVING, 60_000)
      const api = `http://127.0.0.1:${port}`

      provider.signInNext("sub-an")
      const start = await fetch(`${api}/api/v1/auth/eid/start?returnTo=%2Fho-so`, { redirect: "manual" })
      expect(start.status, await start.clone().text()).toBe(302)
      const flowCookie = cookiesOf(start).join("; ")
      const callback = await new Browser().visitUntil(start.headers.get("location") ?? "", redirect)
      const done = await fetch(callback, { redirect: "manual", headers: { cookie: flowCookie } })
      expect(done.status, await done.clone().text()).toBe(302)
      expect(done.headers.get("location")).toBe("/ho-so")
      const session = cookiesOf(done).filter((c) => /^motcua_(session|csrf)=./.test(c))
      const csrf = session.find((c) => c.startsWith("motcua_csrf="))?.slice("motcua_csrf=".length) ?? ""
      const me = await fetch(`${api}/api/v1/session`, { headers: { cookie: session.join("; ") } })
      expect(await me.json()).toMatchObject({ id: "022090001234", name: "Nguyễn Văn An", roles: ["citizen"] })
      const filed = await fetch(`${api}/api/v1/dossiers`, {
        method: "POST",
        headers: {
          cookie: session.join("; "),
          "x-csrf-token": csrf,
          "content-type": "application/json",
          "idempotency-key": "bundle-eid-1",
        },
        body: JSON.stringify(residenceFiling()),
      })
      expect(filed.status, await filed.clone().text()).toBe(201)
      expect(await stop(started.child)).toBe(0)
    } finally {
      await provider.close()
    }
  }, 180_000)
})
