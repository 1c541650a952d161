// Issue 8's bar for the relay on PostgreSQL, two relays side by side: portal-relay.test-support.ts says what it proves.
import { describeOnPostgres, freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { afterAll, beforeAll } from "vitest"
import { relayRun } from "./portal-relay.test-support.ts"
import { tempDir } from "./test-support.ts"

describeOnPostgres("the relay to the national portal, on PostgreSQL (two relays)", (adminUrl) => {
  const dir = tempDir("portal-relay-pg")
  let url = ""
  let drop = async () => {}
  beforeAll(async () => {
    const database = await freshPostgresDatabase(adminUrl, "motcua_portal_relay")
    url = database.url
    drop = database.drop
  })
  afterAll(async () => {
    await drop()
    dir.remove()
  })
  relayRun(2, () => ({ url, dir: dir.path }))
})
