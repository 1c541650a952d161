// Writes src/api/schema.d.ts from the API's current OpenAPI document (see openapi-types.ts).
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { generatedTypes, SCHEMA_FILE } from "./openapi-types.ts"

writeFileSync(SCHEMA_FILE, await generatedTypes())
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`)
