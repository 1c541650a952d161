// A 401 answers the same whatever the reason — unknown or expired session, disabled account, wrong password — so an
// answer tells nothing of an account's state; the reason goes to the log.
import { saveStaffAccount } from "@motcua/application"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createApp } from "./app.ts"
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo.ts"
import { HOUR, TEST_COST, type TestSystem, testSystem } from "./dossier.test-support.ts"
import { UNAUTHENTICATED_DETAIL } from "./errors.ts"
import { memoryLogger } from "./logging.ts"
import { data, readProblem } from "./testing.test-support.ts"

describe("401 answers", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  }, 30_000)
  afterAll(async () => system?.close())

  it("say one generic thing for an unknown or expired session, a disabled account and a wrong password", async () => {
    const logger = memoryLogger()
    const app = createApp({
      ...data,
      logger,
      now: () => new Date(system.now()),
      runtime: system.runtime,
      secureCookies: false,
    })
    const signIn = (username: string, password: string) =>
      app.request("/api/v1/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      })
    const cookieOf = async (username: string) => {
      const response = await signIn(username, DEMO_PASSWORD)
      expect(response.status).toBe(200)
      return response.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ")
    }
    const save = async (id: string, changes: { password: string; disabled?: boolean }) => {
      const account = DEMO_ACCOUNTS.find((a) => a.id === id)
      if (account === undefined) throw new Error(`no demo account ${id}`)
      expect(Result.isSuccess(await system.runtime.run(saveStaffAccount({ ...account, ...changes }, TEST_COST)))).toBe(
        true,
      )
    }

    const disabled = await cookieOf("cv-hg-01")
    await save("cv-hg-01", { password: DEMO_PASSWORD, disabled: true })
    const forgotten = await cookieOf("ld-hg-01")
    await save("ld-hg-01", { password: "mat-khau-moi-2026" })
    const expired = await cookieOf("cb-hg-01")
    const answers = [
      await app.request("/api/v1/session", { headers: { cookie: disabled } }),
      await app.request("/api/v1/session", { headers: { cookie: forgotten } }),
      await signIn("cb-hg-02", "wrong-password"),
    ]
    system.advance(11 * HOUR)
    answers.push(await app.request("/api/v1/session", { headers: { cookie: expired } }))
    const problems = await Promise.all(answers.map((a) => readProblem(a)))
    for (const problem of problems) {
      expect(problem.status).toBe(401)
      expect(problem.detail).toBe(UNAUTHENTICATED_DETAIL)
      expect(problem.detail).not.toMatch(/disabled|khóa|unknown session|không tồn tại|session expired/)
    }
    // the reasons are in the log, one line per refusal
    const reasons = logger.lines.filter((l) => l.includes('"message":"unauthenticated"')).join("\n")
    expect(reasons).toMatch(/account disabled/)
    expect(reasons).toMatch(/unknown session/)
    expect(reasons).toMatch(/session expired/)
    expect(reasons).toMatch(/wrong username or password/)
  })
})
