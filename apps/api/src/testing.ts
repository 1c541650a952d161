// Test support other packages share (the CLI's, the web pages', the counter agent's tests and the benchmarks): signing
// an account in over the API as a browser would, which each of them wrote out before, and a free port.
import { createServer } from "node:net"
import { DEMO_PASSWORD } from "./demo.ts"

/** Where to send the sign-in: a running server's base URL (over HTTP), or an app answering in process (hono's `request`). */
export type SignInTarget = string | { request(path: string, init: RequestInit): Response | Promise<Response> }

/**
 * Signs `username` in (`POST /api/v1/session`) and returns what later requests carry: the session cookie and its CSRF
 * token as request headers. Throws, naming the account and the answer, when the sign-in is refused.
 */
export async function sessionHeaders(
  target: SignInTarget,
  username: string,
  password: string = DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const init: RequestInit = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  }
  const answer = await (typeof target === "string"
    ? fetch(`${target}/api/v1/session`, init)
    : target.request("/api/v1/session", init))
  if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${await answer.text()}`)
  const { csrfToken } = (await answer.json()) as { csrfToken: string }
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")
  return { cookie, "x-csrf-token": csrfToken }
}

/** A port free now, for a server that must know its address before it starts (a redirect URI, a pairing URL). */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
