// The API serving the built web pages: index.html for page addresses, files of the build as themselves, nothing
// outside the root, API paths untouched.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { readProblem, testApp } from "./testing.test-support.ts"

// The build lives one folder down, so that a secret file can sit beside it (outside the root) without littering /tmp.
function buildFolder(): string {
  const root = join(mkdtempSync(join(tmpdir(), "motcua-web-")), "pages")
  mkdirSync(root)
  mkdirSync(join(root, "assets"))
  writeFileSync(join(root, "index.html"), `<!doctype html><title>Một cửa</title>${"<!-- padding -->".repeat(100)}`)
  writeFileSync(join(root, "assets", "app-1234.js"), `console.log("xin chào");${" ".repeat(1000)}`)
  writeFileSync(join(root, "..", "secret.txt"), "do not serve")
  return root
}

describe("web pages", () => {
  const root = buildFolder()
  const { app } = testApp({ webRoot: root })

  it("answers a page address with index.html, revalidated and with the pages' security policy", async () => {
    const response = await app.request("/ho-so/QN-251201-0001")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(response.headers.get("cache-control")).toBe("no-cache")
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'")
    expect(await response.text()).toContain("<title>Một cửa</title>")
  })

  it("serves a hashed asset for a year, gzipped when the client accepts it", async () => {
    const response = await app.request("/assets/app-1234.js", { headers: { "accept-encoding": "gzip, br" } })
    expect(response.status).toBe(200)
    expect(response.headers.get("cache-control")).toContain("immutable")
    expect(response.headers.get("content-encoding")).toBe("gzip")
    const body = gunzipSync(new Uint8Array(await response.arrayBuffer())).toString("utf8")
    expect(body).toContain('console.log("xin chào")')
    const plain = await app.request("/assets/app-1234.js")
    expect(plain.headers.get("content-encoding")).toBeNull()
  })

  it("answers a missing asset with 404, not the index page", async () => {
    const response = await app.request("/assets/old-build.js")
    expect(response.status).toBe(404)
  })

  it("never serves a file outside the root", async () => {
    const secret = "secret.txt"
    for (const path of [`/../${secret}`, `/%2e%2e/${secret}`, `/assets/%2e%2e/%2e%2e/${secret}`]) {
      const response = await app.request(path)
      expect(await response.text()).not.toContain("do not serve")
    }
  })

  it("leaves API paths and other methods to the API: problem+json 404", async () => {
    const response = await app.request("/api/v1/no-such-thing")
    expect(response.status).toBe(404)
    expect((await readProblem(response)).status).toBe(404)
    const post = await app.request("/ho-so/x", { method: "POST" })
    expect(post.status).toBe(404)
  })

  it("serves no pages when no web root is configured", async () => {
    const bare = testApp().app
    expect((await bare.request("/ho-so/x")).status).toBe(404)
  })
})
