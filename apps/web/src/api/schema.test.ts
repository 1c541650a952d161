// The checked-in client types are exactly what the API's OpenAPI document generates today: change an operation and
// forget `pnpm --filter @motcua/web generate:api`, and this fails (the pages cannot drift from the API).
import { readFileSync } from "node:fs"
import { expect, it } from "vitest"
import { generatedTypes, SCHEMA_FILE } from "../../scripts/openapi-types.ts"

it("src/api/schema.ts matches the API's current OpenAPI document", async () => {
  const current = await generatedTypes()
  const checkedIn = readFileSync(SCHEMA_FILE, "utf8")
  expect(checkedIn === current, "src/api/schema.ts is stale: run pnpm --filter @motcua/web generate:api").toBe(true)
})
