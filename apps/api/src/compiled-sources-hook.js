// Loaded with `--import` by the server's restart in place (process-settings.ts, compiled-sources.ts): a .ts module
// whose text has a stripped copy in the cache folder ($MOTCUA_JS_CACHE, under the SHA-256 of the text) is handed to
// Node as that JavaScript, so that Node never loads its type stripper; any other module is Node's as usual. Plain
// JavaScript, since this file is loaded before anything could strip types.
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { registerHooks } from "node:module"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const dir = process.env.MOTCUA_JS_CACHE
if (dir !== undefined && dir !== "") {
  registerHooks({
    load(url, context, nextLoad) {
      if (context.format === "module-typescript" && url.startsWith("file:")) {
        const source = readFileSync(fileURLToPath(url), "utf8")
        let stripped
        try {
          stripped = readFileSync(join(dir, `${createHash("sha256").update(source).digest("hex")}.js`), "utf8")
        } catch {
          return nextLoad(url, context)
        }
        return { format: "module", source: stripped, shortCircuit: true }
      }
      return nextLoad(url, context)
    },
  })
}
