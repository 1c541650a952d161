// The development identity provider's citizen tokens are public (they are in the docs), so a server accepts them
// only when MOTCUA_DEMO_CITIZENS=1 asks for them; otherwise it warns that citizen sign-in is not configured.
import { describe, expect, it } from "vitest"
import { settingsFromEnvironment } from "./environment.ts"
import { memoryLogger } from "./logging.ts"
import { startServer } from "./server.ts"
import { data } from "./testing.test-support.ts"

const TOKEN = "Bearer demo-citizen-022090001234"

async function whoIsTheDemoCitizen(env: Record<string, string>) {
  const logger = memoryLogger()
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    logger,
    data,
    secureCookies: false,
    env,
    relay: { intervalMs: 0 },
    maintenance: { intervalMs: 0 },
  })
  try {
    const answer = await fetch(`http://127.0.0.1:${server.port}/api/v1/session`, { headers: { authorization: TOKEN } })
    return { status: answer.status, body: await answer.text(), lines: logger.lines }
  } finally {
    await server.close()
  }
}

describe("demo citizen tokens", () => {
  it("are off by default: the public token gets 401 and the server warns that citizen sign-in is not configured", async () => {
    const { status, lines } = await whoIsTheDemoCitizen({})
    expect(status).toBe(401)
    expect(lines.some((l) => l.includes("citizen sign-in is not configured") && l.includes('"warn"'))).toBe(true)
  })

  it("MOTCUA_DEMO_CITIZENS=1 turns them on", async () => {
    const { status, body } = await whoIsTheDemoCitizen({ MOTCUA_DEMO_CITIZENS: "1" })
    expect(status).toBe(200)
    expect(body).toContain("022090001234")
  })

  it("the variable is read with the other settings: off unless 1/true, anything else named", () => {
    expect(settingsFromEnvironment({}).demoCitizens).toBe(false)
    expect(settingsFromEnvironment({ MOTCUA_DEMO_CITIZENS: "1" }).demoCitizens).toBe(true)
    expect(() => settingsFromEnvironment({ MOTCUA_DEMO_CITIZENS: "yes" })).toThrow(/MOTCUA_DEMO_CITIZENS/)
  })
})
