// The caller's network address, for limits that count per client (sign-in attempts). Taken from the socket; behind a
// reverse proxy every request comes from the proxy, so with `trustProxy` the last address of X-Forwarded-For (the
// one the proxy itself saw: earlier entries are whatever the client chose to send) is used instead. Only set
// trustProxy when a proxy you run is the only way in, or clients could claim any address.
import { getConnInfo } from "@hono/node-server/conninfo"
import type { Context } from "hono"

/** What stands for an address that cannot be known (a request made in-process, as tests do). */
export const UNKNOWN_ADDRESS = "unknown"

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")
    const last = forwarded?.split(",").at(-1)?.trim()
    if (last !== undefined && last !== "" && last.length <= 64) return last
  }
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS
  } catch {
    return UNKNOWN_ADDRESS
  }
}
