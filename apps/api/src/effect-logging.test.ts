// Effect's own log calls (the outbox relay logs with Effect.logWarning/logError) go through the server's masking
// JSON logger (issue 16): before, they went to the console with an error's text as it was, personal numbers included.
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { memoryLogger } from "./logging.ts"
import { type ApiRuntime, createRuntime } from "./runtime.ts"
import { data } from "./testing.test-support.ts"

const logger = memoryLogger()
let runtime: ApiRuntime
beforeAll(async () => {
  runtime = await createRuntime({ data, logger })
})
afterAll(() => runtime.dispose())

it("writes Effect.log* lines as masked JSON through the server's logger", async () => {
  await runtime.run(
    Effect.logWarning("outbox: delivery failed", {
      error: "SMS to 0912345678 for citizen 022090001234 refused",
      email: "an@example.vn",
    }),
  )
  await runtime.run(Effect.logError("outbox: row given up on", { id: 7 }))
  const lines = logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>)
  const warning = lines.find((l) => l.msg === "outbox: delivery failed" || l.message === "outbox: delivery failed")
  expect(warning).toBeDefined()
  expect(warning?.level).toBe("warn")
  const text = logger.lines.join("\n")
  expect(text).not.toContain("0912345678")
  expect(text).not.toContain("022090001234")
  expect(text).not.toContain("an@example.vn")
  expect(text).toContain("*********234")
  expect(lines.some((l) => l.level === "error" && JSON.stringify(l).includes("row given up on"))).toBe(true)
})
