// Sign-in limits (per username and per address, 429 with Retry-After), the periodic clean-up of expired sessions
// (memory, SQLite, PostgreSQL), the environment's settings, and the background task's stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createApp } from "./app.ts"
import { cleanUp } from "./background.ts"
import { DEMO_PASSWORD } from "./demo.ts"
import { HOUR, MINUTE, onEachDatabase, type TestSystem, testSystem } from "./dossier.test-support.ts"
import { ConfigurationError, settingsFromEnvironment } from "./environment.ts"
import { memoryLogger } from "./logging.ts"
import { startPeriodic } from "./periodic.ts"
import { startServer } from "./server.ts"
import { memoryCounts, signInThrottle } from "./sign-in-throttle.ts"
import { data, readProblem } from "./testing.test-support.ts"

const settings = { maxFailures: 5, maxFailuresPerAddress: 20, lockoutMs: 15 * MINUTE }

describe("signInThrottle", () => {
  it("locks a username after 5 failures for 15 minutes, whatever the address; a success clears it", async () => {
    const throttle = signInThrottle(settings)
    for (let i = 0; i < 4; i++) await throttle.failed("CB-HG-01 ", `10.0.0.${i}`, 0)
    expect(await throttle.retryAfter("cb-hg-01", "10.0.0.9", 0)).toBeUndefined()
    await throttle.succeeded("cb-hg-01", "10.0.0.9", 0)
    for (let i = 0; i < 4; i++) await throttle.failed("cb-hg-01", `10.0.0.${i}`, 0)
    expect(await throttle.retryAfter("cb-hg-01", "10.0.0.9", 0)).toBeUndefined()
    await throttle.failed("cb-hg-01", "10.0.0.5", 1000)
    expect(await throttle.retryAfter("cb-hg-01", "10.0.0.9", 1000)).toBe(15 * 60)
    expect(await throttle.retryAfter("cb-hg-01", "10.0.0.9", 1000 + 10 * MINUTE)).toBe(5 * 60)
    expect(await throttle.retryAfter("cb-hg-02", "10.0.0.9", 1000)).toBeUndefined()
    expect(await throttle.retryAfter("cb-hg-01", "10.0.0.9", 1000 + 15 * MINUTE)).toBeUndefined()
  })

  it("forgets failures older than the lockout: 4 now and 1 later do not lock", async () => {
    const throttle = signInThrottle(settings)
    for (let i = 0; i < 4; i++) await throttle.failed("a", "x", 0)
    await throttle.failed("a", "x", 16 * MINUTE)
    expect(await throttle.retryAfter("a", "y", 16 * MINUTE)).toBeUndefined()
  })

  it("locks an address after 20 failures over any usernames; the table stays bounded", async () => {
    const counts = memoryCounts(50)
    const throttle = signInThrottle(settings, counts)
    for (let i = 0; i < 20; i++) await throttle.failed(`user-${i}`, "10.1.1.1", 0)
    expect(await throttle.retryAfter("someone-else", "10.1.1.1", 0)).toBe(15 * 60)
    expect(await throttle.retryAfter("someone-else", "10.1.1.2", 0)).toBeUndefined()
    for (let i = 0; i < 500; i++) await throttle.failed(`flood-${i}`, `10.2.${i % 250}.1`, 1)
    expect(counts.size()).toBeLessThanOrEqual(50)
  })

  it("an admitted attempt counts at once: the 5th admission locks until one of them is given back", async () => {
    const throttle = signInThrottle(settings)
    for (let i = 0; i < 5; i++) expect(await await throttle.admit("cb-hg-01", "10.0.0.1", 0)).toBeUndefined()
    expect(await await throttle.admit("cb-hg-01", "10.0.0.1", 0)).toBe(15 * 60)
    // one of the five turned out not to be a wrong password (the database failed): the lock rested on it
    await throttle.released("cb-hg-01", "10.0.0.1", 0)
    expect(await throttle.retryAfter("cb-hg-01", "10.0.0.1", 0)).toBeUndefined()
    expect(await await throttle.admit("cb-hg-01", "10.0.0.1", 0)).toBeUndefined()
    expect(await throttle.retryAfter("cb-hg-01", "10.0.0.1", 0)).toBe(15 * 60)
  })

  it("successful sign-ins give the address its attempts back, so a busy service centre is never locked", async () => {
    const throttle = signInThrottle(settings)
    for (let i = 0; i < 50; i++) {
      expect(await await throttle.admit(`user-${i}`, "10.0.0.1", 0)).toBeUndefined()
      await throttle.succeeded(`user-${i}`, "10.0.0.1", 0)
    }
    for (let i = 0; i < 19; i++) await throttle.admit(`guess-${i}`, "10.0.0.1", 0)
    expect(await throttle.retryAfter("someone", "10.0.0.1", 0)).toBeUndefined()
    await throttle.admit("guess-19", "10.0.0.1", 0)
    expect(await throttle.retryAfter("someone", "10.0.0.1", 0)).toBe(15 * 60)
  })
})

describe("signing in over HTTP", () => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem("memory")
  }, 30_000)
  afterAll(async () => system?.close())

  const signIn = (app: { request: TestSystem["app"]["request"] }, username: string, password: string, from?: string) =>
    app.request("/api/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json", ...(from === undefined ? {} : { "x-forwarded-for": from }) },
      body: JSON.stringify({ username, password }),
    })

  it("5 wrong passwords lock the username: 429 with Retry-After, even with the right one; 15 minutes later it works", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(system.app, "cb-hg-01", `wrong-${i}`)).status).toBe(401)
    const locked = await signIn(system.app, "cb-hg-01", DEMO_PASSWORD)
    expect(locked.status).toBe(429)
    expect(locked.headers.get("retry-after")).toBe(String(15 * 60))
    const problem = await readProblem(locked)
    expect(problem.status).toBe(429)
    expect(problem.detail).toMatch(/15 phút/)
    // another officer is not affected
    expect((await signIn(system.app, "cb-hg-02", DEMO_PASSWORD)).status).toBe(200)
    system.advance(15 * MINUTE)
    expect((await signIn(system.app, "cb-hg-01", DEMO_PASSWORD)).status).toBe(200)
  })

  it("behind a trusted proxy, 20 failures from one address lock that address only", async () => {
    const app = createApp({
      ...data,
      logger: memoryLogger(),
      now: () => new Date(system.now()),
      runtime: system.runtime,
      secureCookies: false,
      trustProxy: true,
    })
    for (let i = 0; i < 20; i++) expect((await signIn(app, `nobody-${i}`, "x", "203.0.113.7")).status).toBe(401)
    // the client cannot pick its address: the proxy's last entry counts
    expect((await signIn(app, "ld-hg-01", DEMO_PASSWORD, "198.51.100.1, 203.0.113.7")).status).toBe(429)
    expect((await signIn(app, "ld-hg-01", DEMO_PASSWORD, "203.0.113.8")).status).toBe(200)
  })

  it("50 parallel wrong passwords for one username: at most 5 are checked (401), the rest get 429", async () => {
    const app = createApp({
      ...data,
      logger: memoryLogger(),
      now: () => new Date(system.now()),
      runtime: system.runtime,
      secureCookies: false,
    })
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => (await signIn(app, "cv-hg-01", `wrong-${i}`)).status),
    )
    const checked = answers.filter((s) => s === 401).length
    expect(checked).toBeGreaterThan(0)
    expect(checked).toBeLessThanOrEqual(5)
    expect(answers.filter((s) => s === 429)).toHaveLength(50 - checked)
    // still locked afterwards, even with the right password
    expect((await signIn(app, "cv-hg-01", DEMO_PASSWORD)).status).toBe(429)
  })

  it("the OpenAPI document lists 429 for signing in", async () => {
    const document = (await (await system.app.request("/openapi.json")).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>
    }
    expect(Object.keys(document.paths["/api/v1/session"]?.post?.responses ?? {})).toContain("429")
  })
})

onEachDatabase("expired sessions are cleaned up", (kind) => {
  let system: TestSystem
  beforeAll(async () => {
    system = await testSystem(kind)
  }, 60_000)
  afterAll(async () => system?.close())

  const open = async (username: string) => {
    const response = await system.app.request("/api/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    })
    expect(response.status).toBe(200)
    return response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ")
  }

  it("removes the sessions past their expiry and keeps the others, which still work", async () => {
    await open("cb-hg-01")
    await open("cv-hg-01")
    system.advance(11 * HOUR)
    const fresh = await open("ld-hg-01")
    const first = await cleanUp(system.runtime, { intervalMs: 0 })
    expect(first).toMatchObject({ _tag: "Success", success: { sessions: 2 } })
    const again = await cleanUp(system.runtime, { intervalMs: 0 })
    expect(again).toMatchObject({ _tag: "Success", success: { sessions: 0 } })
    const who = await system.app.request("/api/v1/session", { headers: { cookie: fresh } })
    expect(who.status).toBe(200)
  })
})

describe("settings from the environment", () => {
  it("defaults when nothing is set", () => {
    const settings = settingsFromEnvironment({})
    expect(settings.relay).toMatchObject({ intervalMs: 2000, batch: 100 })
    expect(settings.signInThrottle).toEqual({ maxFailures: 5, maxFailuresPerAddress: 20, lockoutMs: 900_000 })
    expect(settings.trustProxy).toBe(false)
  })

  it("0 turns the relay off; every bad variable is named at once", () => {
    expect(settingsFromEnvironment({ MOTCUA_RELAY_INTERVAL_MS: "0" }).relay.intervalMs).toBe(0)
    expect(settingsFromEnvironment({ MOTCUA_SIGNIN_THROTTLE: "false" }).signInThrottle).toBe(false)
    try {
      settingsFromEnvironment({ MOTCUA_RELAY_BATCH: "0", MOTCUA_TRUST_PROXY: "yes", MOTCUA_RELAY_INTERVAL_MS: "1.5" })
      expect.fail("no error")
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError)
      expect((error as ConfigurationError).problems.map((p) => p.variable).sort()).toEqual([
        "MOTCUA_RELAY_BATCH",
        "MOTCUA_RELAY_INTERVAL_MS",
        "MOTCUA_TRUST_PROXY",
      ])
    }
  })

  it("startServer refuses a bad variable before opening anything", async () => {
    await expect(
      startServer({ port: 0, logger: memoryLogger(), data, env: { MOTCUA_RELAY_INTERVAL_MS: "often" } }),
    ).rejects.toBeInstanceOf(ConfigurationError)
  })
})

describe("a periodic task", () => {
  it("stop waits for the run in flight and then runs no more", async () => {
    const events: string[] = []
    let release: () => void = () => {}
    const task = startPeriodic({ name: "t", intervalMs: 60_000, logger: memoryLogger() }, async () => {
      events.push("start")
      await new Promise<void>((resolve) => {
        release = resolve
      })
      events.push("end")
      return false
    })
    const running = task.runNow()
    const stopped = task.stop().then(() => events.push("stopped"))
    release()
    await Promise.all([running, stopped])
    await task.runNow()
    expect(events).toEqual(["start", "end", "stopped"])
  })

  it("a failing run is logged and the task goes on", async () => {
    const logger = memoryLogger()
    let runs = 0
    const task = startPeriodic({ name: "flaky", intervalMs: 60_000, logger }, async () => {
      runs += 1
      if (runs === 1) throw new Error("database away")
      return false
    })
    await task.runNow()
    await task.runNow()
    await task.stop()
    expect(runs).toBe(2)
    expect(logger.lines.filter((l) => l.includes("flaky failed"))).toHaveLength(1)
  })
})
