// A new password ends the account's sessions in the real stores (SQLite, PostgreSQL): whoever signed in with the
// old password — perhaps the reason it was changed — is out; saving the same password again signs no one out.
import { afterAll, beforeAll, expect, it } from "vitest"
import { DEMO_PASSWORD, seedDemoAccounts } from "./demo.ts"
import { onEachDatabase, TEST_COST, type TestSystem, testSystem } from "./dossier.test-support.ts"

onEachDatabase("changing a password", (kind) => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem(kind)
  }, 60_000)
  afterAll(async () => system?.close())

  const signIn = async (username: string, password: string) => {
    const response = await system.app.request("/api/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    })
    expect(response.status).toBe(200)
    return response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ")
  }
  const whoIs = async (cookie: string) => (await system.app.request("/api/v1/session", { headers: { cookie } })).status

  it("ends the sessions opened with the old password; the same password keeps them", async () => {
    const officer = await signIn("cb-hg-01", DEMO_PASSWORD)
    const colleague = await signIn("cv-hg-01", DEMO_PASSWORD)
    await seedDemoAccounts(system.runtime, { cost: TEST_COST })
    expect(await whoIs(officer)).toBe(200)
    await seedDemoAccounts(system.runtime, { password: "mat-khau-moi-2026", cost: TEST_COST })
    expect(await whoIs(officer)).toBe(401)
    expect(await whoIs(colleague)).toBe(401)
    const fresh = await signIn("cb-hg-01", "mat-khau-moi-2026")
    expect(await whoIs(fresh)).toBe(200)
  })
})
