// The API side of http.bench.ts alone, for a CPU profile of the server: N filings (16 connections, from the same
// load process the bench uses) against `startServer` on a fresh SQLite file, after 200 to warm up; the bare server is
// started too but left idle. Prints requests/s, the CPU time the process spent per filing (what load on the machine
// disturbs least: the same work costs about the same CPU time however the cores are shared) and the load average.
//
//   node bench/profile-http.ts [--requests 3000] [--side api|bare] [--relay off] [--profile /tmp/run.cpuprofile]
//   node bench/cpu-profile.ts /tmp/run.cpuprofile
//
// --profile records a CPU profile of the measured filings only (start-up, module loading and the warm-up left out,
// which `node --cpu-prof` would include).
import { writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { loadAverage, option } from "./harness/cli.ts"
import { FILING_BODY, type HttpSide, openHttpSides, startLoader, TOKEN } from "./workloads/http-filing.ts"

const requests = Number(option("--requests") ?? 3000)
const side = (option("--side") ?? "api") as HttpSide

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const relay = option("--relay") !== "off"
const http = await openHttpSides(loaded.success, "NORMAL", { relay })
const { load, stop: stopLoader } = startLoader()
const url = `http://127.0.0.1:${http.ports[side]}/api/v1/dossiers`
try {
  await load({ url, token: TOKEN, body: FILING_BODY, requests: 200, concurrency: 16, keyPrefix: "warm" })
  const profileTo = option("--profile")
  const session = profileTo === undefined ? undefined : new Session()
  if (session !== undefined) {
    session.connect()
    await session.post("Profiler.enable")
    await session.post("Profiler.start")
  }
  const cpu = process.cpuUsage()
  const result = await load({ url, token: TOKEN, body: FILING_BODY, requests, concurrency: 16, keyPrefix: "run" })
  const used = process.cpuUsage(cpu)
  if (session !== undefined && profileTo !== undefined) {
    const { profile } = await session.post("Profiler.stop")
    writeFileSync(profileTo, JSON.stringify(profile))
    session.disconnect()
  }
  if ((result.statuses["201"] ?? 0) !== requests) throw new Error(`not all 201: ${JSON.stringify(result.statuses)}`)
  console.log(
    `${side}${side === "api" ? (relay ? " (relay on)" : " (relay off)") : ""}: ${requests} filings, ${((1000 * requests) / result.ms).toFixed(0)}/s, ${((used.user + used.system) / requests).toFixed(0)} µs of this process's CPU a filing (user + system), load ${loadAverage()}`,
  )
} finally {
  stopLoader()
  await http.close()
}
