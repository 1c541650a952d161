// scripts/start.sh end to end, on a temporary data folder and a free port: migrate, seed, serve beside the stand-in
// national portal; /healthz answers; a filing reaches the portal; the demo leader signs its result with the
// development CA's certificate (made by start.sh with `motcua keys dev-ca`), which pdfsig and `motcua verify`
// accept; SIGTERM stops it cleanly. (The install step is skipped: the test runs after `pnpm install`.)
import { type ChildProcess, spawnSync } from "node:child_process"
import { existsSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { sessionHeaders } from "@motcua/api/testing"
import { residenceFiling } from "@motcua/application/testing"
import { afterAll, describe, expect, it } from "vitest"
import { SERVING, startProcess, stop, waitFor } from "./serving.test-support.ts"
import { cli, tempDir } from "./test-support.ts"

const root = join(import.meta.dirname, "..", "..", "..")

describe("scripts/start.sh", () => {
  const data = tempDir("start")
  let child: ChildProcess | undefined
  afterAll(() => {
    if (child?.exitCode === null) child.kill("SIGKILL")
    data.remove()
  })

  it("migrates, seeds, prints the demo accounts, serves /healthz, signs a result with the development CA; SIGTERM stops it with 0", async () => {
    const { DATABASE_URL: _sqliteHere, ...inherited } = process.env
    const env = { ...inherited, MOTCUA_DATA: data.path, PORT: "0" }
    const started = startProcess("bash", [join(root, "scripts", "start.sh")], { cwd: root, env })
    child = started.child
    const [, port] = await waitFor(started.child, started.output, SERVING, 150_000)
    expect(started.output()).toContain("cb-hg-01")
    // start.sh bundles the command line ahead (build:server) and serve runs that bundle: everything below — the web
    // pages, migrations, better-sqlite3, PDF rendering with its fonts, PAdES signing — is checked from the bundle
    expect(started.output()).toContain("chạy bản dựng sẵn (running the bundle)")
    expect(started.output()).toContain("/openapi.json")
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: "ok" })
    const page = await fetch(`http://127.0.0.1:${port}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get("content-type")).toContain("text/html")
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
    expect(ready.status).toBe(200)

    // the stand-in national portal runs beside it, and the demo syncs to it for real
    const sim = started.output().match(/portal simulator\): (http:\/\/127\.0\.0\.1:\d+)/)?.[1]
    expect(sim, started.output()).toBeDefined()
    const filed = await fetch(`http://127.0.0.1:${port}/api/v1/dossiers`, {
      method: "POST",
      headers: {
        authorization: "Bearer demo-citizen-022090001234",
        "content-type": "application/json",
        "idempotency-key": "start-sh-1",
      },
      body: JSON.stringify(residenceFiling()),
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { code } = (await filed.json()) as { code: string }
    let held: { record: { TrangThaiHoSo: string }; progress: unknown[] } | undefined
    for (let i = 0; i < 150 && held === undefined; i++) {
      const answer = await fetch(`${sim}/sim/dossiers/${code}`)
      if (answer.status === 200) held = (await answer.json()) as typeof held
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(held?.record.TrangThaiHoSo).toBe("1")

    // the demo signs like production: the development CA start.sh made, one PKCS#12 file per demo leader
    const ca = join(data.path, "dev-ca")
    expect(existsSync(join(ca, "root.pem"))).toBe(true)
    expect(started.output()).toContain("result signatures: X.509 (PAdES)")
    expect(existsSync(join(ca, "signers", "ld-hg-01.p12"))).toBe(true)
    const api = `http://127.0.0.1:${port}`
    const citizenHeaders = { authorization: "Bearer demo-citizen-022090001234" }
    let version = (
      (await (await fetch(`${api}/api/v1/dossiers/${code}`, { headers: citizenHeaders })).json()) as {
        version: number
      }
    ).version
    const act = async (username: string, segment: string, body: object = {}) => {
      const answer = await fetch(`${api}/api/v1/dossiers/${code}/${segment}`, {
        method: "POST",
        headers: { ...(await sessionHeaders(api, username)), "content-type": "application/json" },
        body: JSON.stringify({ expectedVersion: version, ...body }),
      })
      const text = await answer.text()
      expect(answer.status, `${segment}: ${text}`).toBe(200)
      version = (JSON.parse(text) as { version: number }).version
    }
    await act("cb-hg-01", "accept")
    await act("cb-hg-01", "complete-step", { assigneeId: "cv-hg-01" })
    await act("cv-hg-01", "complete-step")
    await act("ld-hg-01", "approve", { note: "Đồng ý" })
    await act("ld-hg-01", "sign")
    const results = (await (
      await fetch(`${api}/api/v1/dossiers/${code}/results`, { headers: citizenHeaders })
    ).json()) as { items: Array<{ verificationId: string }> }
    const verificationId = results.items[0]?.verificationId ?? ""
    const pdf = await fetch(`${api}/api/v1/results/${verificationId}/pdf`, { headers: citizenHeaders })
    expect(pdf.status).toBe(200)
    const file = join(data.path, "ket-qua.pdf")
    writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()))
    const report = spawnSync("pdfsig", ["-nocert", file], { encoding: "utf8" }).stdout
    expect(report).toContain("Signature Validation: Signature is Valid.")
    expect(report).toContain("Signer Certificate Common Name: Lãnh đạo Công an phường Hồng Gai")
    const verified = await cli(["verify", file, "--roots", join(ca, "root.pem")])
    expect(verified.code, verified.lines.join("\n")).toBe(0)
    const check = (await (await fetch(`${api}/api/v1/verify/${verificationId}`)).json()) as Record<string, unknown>
    expect(check).toMatchObject({ status: "valid", signer: { commonName: "Lãnh đạo Công an phường Hồng Gai" } })

    expect(await stop(started.child)).toBe(0)
  }, 240_000)
})
