import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { DATA_DIR } from "@motcua/catalog-quangninh"
import { afterAll, describe, expect, it } from "vitest"
import { cli, tempDir } from "./test-support.ts"

// The test breaks chosen fields of parsed JSON by hand: loosely typed on purpose.
// biome-ignore lint/suspicious/noExplicitAny: arbitrary JSON edited in place
const edit = (file: string, change: (json: any) => void) => {
  const json = JSON.parse(readFileSync(file, "utf8"))
  change(json)
  writeFileSync(file, JSON.stringify(json, null, 2))
}

describe("motcua catalogue", () => {
  const work = tempDir("catalogue")
  afterAll(() => work.remove())

  it("validates the sample catalogue (used until one is seeded or imported)", async () => {
    const run = await cli(["catalogue", "validate", "--data", join(work.path, "empty")])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("Danh mục hợp lệ")
    expect(run.stdout).toContain("54 đơn vị")
  })

  it("reports every problem of a broken copy, each with its file and path, and exits 1", async () => {
    const broken = join(work.path, "broken")
    cpSync(DATA_DIR, broken, { recursive: true })
    edit(join(broken, "units.json"), (j) => {
      j.units[3].code = "abc"
    })
    edit(join(broken, "centres.json"), (j) => {
      j.intakePoints[2].returnsResultsAtHome = "yes"
    })
    edit(join(broken, "procedures", "residence.json"), (j) => {
      j[0].name = ""
      j[1].fees[0].amount.amount = -5
    })
    const run = await cli(["catalogue", "validate", "broken"], { cwd: work.path })
    expect(run.code).toBe(1)
    const lines = run.lines
    expect(lines.some((l) => l.startsWith("broken/units.json: units[3].code:"))).toBe(true)
    expect(lines.some((l) => l.startsWith("broken/centres.json: intakePoints[2].returnsResultsAtHome:"))).toBe(true)
    expect(lines.some((l) => /^broken\/procedures\/residence\.json: (procedures)?\[0\]\.name:/.test(l))).toBe(true)
    expect(
      lines.some((l) => /^broken\/procedures\/residence\.json: (procedures)?\[1\]\.fees\[0\]\.amount\.amount:/.test(l)),
    ).toBe(true)
    expect(lines).toHaveLength(4)
    expect(run.stderr).toContain("4 lỗi")
  })

  it("exports a bundle that imports into another data folder and exports again byte for byte", async () => {
    const a = join(work.path, "a")
    const b = join(work.path, "b")
    expect((await cli(["seed", "--data", a])).code).toBe(0)
    const exported = await cli(["catalogue", "export", "--data", a, "--out", "bundle.json"], { cwd: work.path })
    expect(exported.code).toBe(0)
    const bundle = readFileSync(join(work.path, "bundle.json"), "utf8")
    expect(JSON.parse(bundle)).toMatchObject({ format: "motcua-catalogue", version: 1 })

    const imported = await cli(["catalogue", "import", "bundle.json", "--data", b], { cwd: work.path })
    expect(imported.code).toBe(0)
    expect(existsSync(join(b, "catalogue", "procedures"))).toBe(true)
    const again = await cli(["catalogue", "export", "--data", b])
    expect(again.code).toBe(0)
    expect(`${again.stdout}\n`).toBe(bundle)
  })

  it("refuses a broken bundle with paths inside it and writes nothing", async () => {
    const c = join(work.path, "c")
    const bundle = JSON.parse(readFileSync(join(work.path, "bundle.json"), "utf8"))
    bundle.files["agencies.json"].agencies[0].code = ""
    bundle.files["procedures/../escape.json"] = []
    writeFileSync(join(work.path, "bad.json"), JSON.stringify(bundle))
    const run = await cli(["catalogue", "import", "bad.json", "--data", c], { cwd: work.path })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('bad.json: files["procedures/../escape.json"]')
    expect(existsSync(join(c, "catalogue"))).toBe(false)

    delete bundle.files["procedures/../escape.json"]
    writeFileSync(join(work.path, "bad.json"), JSON.stringify(bundle))
    const second = await cli(["catalogue", "import", "bad.json", "--data", c], { cwd: work.path })
    expect(second.code).toBe(1)
    expect(second.stdout).toMatch(/^bad\.json › files\["agencies\.json"\]: agencies\[0\]\.code: /m)
    expect(existsSync(join(c, "catalogue"))).toBe(false)
  })

  it("imports a bundle one file at a time: a file given twice or a bundle cut short is refused and nothing written", async () => {
    const d = join(work.path, "d")
    const text = readFileSync(join(work.path, "bundle.json"), "utf8")
    const units = JSON.stringify(JSON.parse(text).files["units.json"])
    writeFileSync(join(work.path, "twice.json"), text.replace('"files": {', `"files": {"units.json": ${units},`))
    const twice = await cli(["catalogue", "import", "twice.json", "--data", d], { cwd: work.path })
    expect(twice.code).toBe(1)
    expect(twice.stdout).toContain('twice.json: files["units.json"]: tệp có hai lần (file given twice)')
    writeFileSync(join(work.path, "cut.json"), text.slice(0, Math.floor(text.length / 2)))
    const cut = await cli(["catalogue", "import", "cut.json", "--data", d], { cwd: work.path })
    expect(cut.code).toBe(1)
    expect(cut.stdout).toMatch(/^cut\.json: không phải JSON hợp lệ \(invalid JSON\): .*unexpected end/m)
    expect(existsSync(join(d, "catalogue"))).toBe(false)
    // and a folder imports the same way
    const folder = await cli(["catalogue", "import", join("a", "catalogue"), "--data", d], { cwd: work.path })
    expect(folder.code).toBe(0)
    expect(folder.stdout).toContain("54 đơn vị")
  })

  it("answers usage errors with 2", async () => {
    expect((await cli(["catalogue"])).code).toBe(2)
    expect((await cli(["catalogue", "frob"])).code).toBe(2)
    expect((await cli(["catalogue", "import"])).code).toBe(2)
    expect((await cli(["catalogue", "export", "--help"])).code).toBe(0)
  })
})
