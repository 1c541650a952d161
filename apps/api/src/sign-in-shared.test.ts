// Failed sign-ins are counted in the database (SignInFailureStore over SQLite and PostgreSQL), so several instances
// on one database share the count: 5 wrong passwords spread over two instances lock the username on both, and
// parallel attempts on both instances never admit more than the limit. Each instance here is a runtime of its own
// (its own connection or pool) over the same database, as two servers would be.
import { SignInFailureStore } from "@motcua/application"
import { afterAll, beforeAll, expect, it } from "vitest"
import { MINUTE, onEachDatabase, type TestDatabase, testDatabase } from "./dossier.test-support.ts"
import { type ApiRuntime, createRuntime } from "./runtime.ts"
import { signInThrottle } from "./sign-in-throttle.ts"
import { data } from "./testing.test-support.ts"

const settings = { maxFailures: 5, maxFailuresPerAddress: 20, lockoutMs: 15 * MINUTE }

onEachDatabase("failed sign-ins shared by the instances on one database", (kind) => {
  let database: TestDatabase
  const runtimes: ApiRuntime[] = []
  beforeAll(async () => {
    database = await testDatabase(kind)
    for (let i = 0; i < 2; i++)
      runtimes.push(await createRuntime({ data, databaseUrl: database.url, documentsDir: database.documentsDir }))
  })
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.dispose()
    await database?.remove()
  })
  const throttles = () => runtimes.map((runtime) => signInThrottle(settings, runtime.signInFailures))

  it("5 failures over two instances lock the username on both; a success on one clears it for both", async () => {
    const [a, b] = throttles()
    if (a === undefined || b === undefined) throw new Error("two instances")
    for (let i = 0; i < 3; i++) expect(await a.admit("cb-hg-01", `10.0.0.${i}`, 0)).toBeUndefined()
    for (let i = 0; i < 2; i++) expect(await b.admit("CB-HG-01", `10.0.1.${i}`, 0)).toBeUndefined()
    expect(await a.retryAfter("cb-hg-01", "10.9.9.9", 1000)).toBe(15 * 60 - 1)
    expect(await b.admit("cb-hg-01", "10.9.9.9", 1000)).toBe(15 * 60 - 1)
    expect(await b.retryAfter("cb-hg-02", "10.9.9.9", 1000)).toBeUndefined()
    // the lock rested on the last admitted attempt, which then signs in
    await a.succeeded("cb-hg-01", "10.0.0.2", 2000)
    expect(await b.retryAfter("cb-hg-01", "10.9.9.9", 2000)).toBeUndefined()
  })

  // Two SQLite connections in one process would wait on each other's write lock synchronously (better-sqlite3's busy
  // wait blocks the event loop the other needs to commit); SQLite's instances are processes, so there one instance
  // takes the parallel attempts. On PostgreSQL both do.
  it("parallel attempts admit no more than the limit", async () => {
    const [a, b] = throttles()
    if (a === undefined || b === undefined) throw new Error("two instances")
    const on = (i: number) => (kind === "postgres" && i % 2 === 1 ? b : a)
    const attempts = Array.from({ length: 12 }, (_, i) => on(i).admit("cb-hh-01", `10.1.0.${i}`, 0))
    const answers = await Promise.all(attempts)
    expect(answers.filter((wait) => wait === undefined)).toHaveLength(5)
  })

  it("a restart keeps the counts", async () => {
    const [a] = throttles()
    for (let i = 0; i < 5; i++) await a?.failed("cb-restart", "10.3.0.1", 0)
    await runtimes[1]?.dispose()
    runtimes[1] = await createRuntime({ data, databaseUrl: database.url, documentsDir: database.documentsDir })
    const b = signInThrottle(settings, (runtimes[1] as ApiRuntime).signInFailures)
    expect(await b.retryAfter("cb-restart", "10.9.9.9", 0)).toBe(15 * 60)
  })

  it("expired counts are removed by the clean-up", async () => {
    const [a] = throttles()
    await a?.failed("old-user", "10.2.0.1", 0)
    const runtime = runtimes[0] as ApiRuntime
    const removed = await runtime.run(
      SignInFailureStore.use((store) => store.deleteExpired(16 * MINUTE, settings.lockoutMs)),
    )
    expect(removed._tag === "Success" && removed.success).toBeGreaterThanOrEqual(2)
    expect(await a?.retryAfter("old-user", "10.2.0.1", 16 * MINUTE)).toBeUndefined()
  })
})
