// Issue 8's bar for the relay on SQLite, one relay at a time: portal-relay.test-support.ts says what it proves.
import { afterAll, describe } from "vitest"
import { relayRun } from "./portal-relay.test-support.ts"
import { tempDir } from "./test-support.ts"

describe("the relay to the national portal, on SQLite (one relay at a time)", () => {
  const dir = tempDir("portal-relay")
  afterAll(() => dir.remove())
  relayRun(1, () => ({ url: `sqlite:${dir.path}/motcua.sqlite?synchronous=NORMAL`, dir: dir.path }))
})
