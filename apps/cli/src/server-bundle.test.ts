// Which the command line runs (server-bundle.ts): the bundle only when its manifest matches every source as it is
// now, the sources otherwise (and why); MOTCUA_BUNDLE=on refuses a missing or stale bundle, =off ignores it.
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { sourceHash } from "@motcua/api/compiled-sources"
import { afterAll, describe, expect, it } from "vitest"
import { chooseServerBundle } from "./server-bundle.ts"
import { tempDir } from "./test-support.ts"

describe("chooseServerBundle", () => {
  const dir = tempDir("bundle")
  afterAll(() => dir.remove())
  const root = dir.path
  const source = join(root, "a.ts")
  const write = (sources: Record<string, string>, entry = "motcua.js") =>
    writeFileSync(join(root, "manifest.json"), JSON.stringify({ entry, sources }))

  it("runs the sources when no bundle was built; =on refuses", () => {
    expect(chooseServerBundle({}, root, root)).toMatchObject({
      run: "sources",
      why: expect.stringContaining("no bundle"),
    })
    expect(() => chooseServerBundle({ MOTCUA_BUNDLE: "on" }, root, root)).toThrow(/MOTCUA_BUNDLE=on: .*no bundle built/)
  })

  it("runs the bundle when every source matches its manifest, the sources once one changed", () => {
    writeFileSync(source, "export const a = 1\n")
    writeFileSync(join(root, "motcua.js"), "")
    write({ "a.ts": sourceHash("export const a = 1\n") })
    expect(chooseServerBundle({}, root, root)).toEqual({
      run: "bundle",
      entry: join(root, "motcua.js"),
      why: expect.stringContaining("matches the sources"),
    })
    expect(chooseServerBundle({ MOTCUA_BUNDLE: "off" }, root, root)).toEqual({
      run: "sources",
      why: "MOTCUA_BUNDLE=off",
    })
    writeFileSync(source, "export const a = 2\n")
    expect(chooseServerBundle({}, root, root)).toMatchObject({ run: "sources", why: expect.stringContaining("a.ts") })
    expect(() => chooseServerBundle({ MOTCUA_BUNDLE: "on" }, root, root)).toThrow(/stale.*a\.ts/)
  })

  it("a source gone, an entry missing or a manifest unreadable runs the sources, saying which", () => {
    write({ "gone.ts": sourceHash("") })
    expect(chooseServerBundle({}, root, root)).toMatchObject({
      run: "sources",
      why: expect.stringContaining("gone.ts"),
    })
    write({}, "missing.js")
    expect(chooseServerBundle({}, root, root)).toMatchObject({
      run: "sources",
      why: expect.stringContaining("missing.js"),
    })
    writeFileSync(join(root, "manifest.json"), "{not json")
    expect(chooseServerBundle({}, root, root)).toMatchObject({
      run: "sources",
      why: expect.stringContaining("unreadable"),
    })
    write({ "a.ts": 1 as unknown as string })
    expect(chooseServerBundle({}, root, root)).toMatchObject({
      run: "sources",
      why: expect.stringContaining("not text"),
    })
  })

  it("refuses a value of MOTCUA_BUNDLE other than on or off", () => {
    expect(() => chooseServerBundle({ MOTCUA_BUNDLE: "yes" }, root, root)).toThrow(/MOTCUA_BUNDLE=yes/)
  })
})
