// The typed API client's types come from the API's own OpenAPI document, built in-process from the same Schemas that
// validate requests (no server needed). `generate-api-types.ts` writes them to src/api/schema.ts; a test
// regenerates them and fails when the checked-in file differs, so the pages and the API cannot drift apart.
import { registerHooks } from "node:module"
import { createApp, memoryLogger } from "@motcua/api"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { Result } from "effect"

// openapi-typescript prints its output with the TypeScript compiler's JavaScript API, which TypeScript 7 (the native
// compiler the project type-checks with) no longer ships: its `typescript` import alone is pointed at TypeScript 5.
const TYPESCRIPT_5 = import.meta.resolve("typescript5")
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === "typescript" && context.parentURL?.includes("/openapi-typescript/"))
      return { url: TYPESCRIPT_5, shortCircuit: true }
    return next(specifier, context)
  },
})
const { default: openapiTS, astToString } = await import("openapi-typescript")

export const SCHEMA_FILE = new URL("../src/api/schema.ts", import.meta.url)

const HEADER =
  "// Generated from the API's OpenAPI document by apps/web/scripts/generate-api-types.ts: do not edit by hand.\n" +
  "// Regenerate with `pnpm --filter @motcua/web generate:api` after changing an API operation.\n"

export async function currentOpenApiDocument(): Promise<Record<string, unknown>> {
  const data = loadQuangNinh()
  if (Result.isFailure(data)) throw data.failure
  const app = createApp({ ...data.success, logger: memoryLogger() })
  const response = await app.request("/openapi.json")
  if (!response.ok) throw new Error(`the API answered ${response.status} for /openapi.json`)
  return (await response.json()) as Record<string, unknown>
}

export async function generatedTypes(): Promise<string> {
  const document = await currentOpenApiDocument()
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript takes its own OpenAPI3 type; ours is plain JSON
  const ast = await openapiTS(document as any)
  return HEADER + astToString(ast)
}
