// The web pages (apps/web, built into its dist/ folder) served by the API process on the same origin, so the pages
// use the session cookie and CSRF token like any client and need no CORS. Only requests no API route answered come
// here (the app's notFound), and only GET/HEAD outside /api/: an unknown API path stays a problem+json 404.
// - A path that names a file of the build is that file; any other page address is index.html (the pages route in
//   the browser), so /ho-so/ABC opened from a bookmark works.
// - Hashed assets (assets/*) are cached for a year; index.html is revalidated, so a new build reaches users at once.
// - Text files are gzipped once and kept in memory when the client accepts gzip (a phone on a slow connection).
// - A path is resolved inside the root only: `..`, encoded or not, cannot leave it.
import { readFile, stat } from "node:fs/promises"
import { extname, join, resolve, sep } from "node:path"
import { gzipSync } from "node:zlib"

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
}
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt"])

/**
 * The pages' security headers: scripts, styles and fonts from this origin only; no framing. The pages may call this
 * origin and, for the officer desk's devices, the counter agent on the officer's own PC (loopback only:
 * docs/integrations/counter-devices.md).
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; connect-src 'self' http://127.0.0.1:* http://localhost:*; " +
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
}

interface Cached {
  readonly body: Uint8Array
  readonly gzip: Uint8Array | undefined
  readonly type: string
}

export interface WebPages {
  /** The answer for a request no API route took, or undefined when it is not a page request. */
  readonly serve: (method: string, path: string, acceptEncoding: string | undefined) => Promise<Response | undefined>
}

export function webPages(root: string): WebPages {
  const base = resolve(root)
  const cache = new Map<string, Cached>()

  const load = async (file: string): Promise<Cached | undefined> => {
    const hit = cache.get(file)
    if (hit !== undefined) return hit
    try {
      if (!(await stat(file)).isFile()) return undefined
    } catch {
      return undefined
    }
    const body = new Uint8Array(await readFile(file))
    const extension = extname(file)
    const entry: Cached = {
      body,
      gzip: COMPRESSIBLE.has(extension) && body.length > 512 ? new Uint8Array(gzipSync(body, { level: 9 })) : undefined,
      type: TYPES[extension] ?? "application/octet-stream",
    }
    cache.set(file, entry)
    return entry
  }

  return {
    serve: async (method, path, acceptEncoding) => {
      if (method !== "GET" && method !== "HEAD") return undefined
      if (path === "/api" || path.startsWith("/api/")) return undefined
      let decoded: string
      try {
        decoded = decodeURIComponent(path)
      } catch {
        return undefined
      }
      const candidate = resolve(base, `.${decoded}`)
      const inside = candidate === base || candidate.startsWith(base + sep)
      const isAsset = decoded.startsWith("/assets/")
      let file = inside && decoded !== "/" ? await load(candidate) : undefined
      // a missing hashed asset is a 404 (an old page asking for a file of a previous build), not the index page
      if (file === undefined && isAsset) return undefined
      const index = file === undefined
      if (index) file = await load(join(base, "index.html"))
      if (file === undefined) return undefined
      const gzip = file.gzip !== undefined && /\bgzip\b/.test(acceptEncoding ?? "")
      const headers: Record<string, string> = {
        "content-type": file.type,
        "cache-control": isAsset ? "public, max-age=31536000, immutable" : "no-cache",
        vary: "accept-encoding",
        ...(file.type.startsWith("text/html") ? PAGE_SECURITY_HEADERS : { "x-content-type-options": "nosniff" }),
      }
      if (gzip) headers["content-encoding"] = "gzip"
      const body = gzip ? file.gzip : file.body
      return new Response(method === "HEAD" ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers })
    },
  }
}
