// scanBundle reads a catalogue bundle a chunk at a time and hands over one file at a time: read a few bytes at a
// time (keys, strings with escapes, Vietnamese text, numbers all cut across chunks) it hands over exactly what
// JSON.parse finds in the whole text; a bundle that is not one JSON object is refused with where the scan stopped.
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { BundleSyntaxError, scanBundle } from "./bundle-stream.ts"
import { tempDir } from "./test-support.ts"

const work = tempDir("bundle-stream")
afterAll(() => work.remove())

const scan = (text: string, chunkBytes: number) => {
  const file = join(work.path, "bundle.json")
  writeFileSync(file, text)
  const top: Record<string, unknown> = {}
  const files: Array<[string, unknown]> = []
  const { sawFiles } = scanBundle(
    file,
    (name, value) => {
      top[name] = value
    },
    (name, value) => files.push([name, value]),
    chunkBytes,
  )
  return { top, files, sawFiles }
}

const BUNDLE = {
  format: "motcua-catalogue",
  version: 1,
  note: null,
  files: {
    "units.json": { units: [{ code: "06685", name: "Phường Hồng Gai", escaped: 'a "quoted" \\ } ] { [ , text' }] },
    "procedures/a.json": [{ code: "1.000001", fees: [1.5e3, -2, true, false, null], empty: {}, list: [] }],
    "holidays.json": "a string value",
    "centres.json": 42,
  },
}

describe("scanBundle", () => {
  for (const [label, text] of [
    ["compact", JSON.stringify(BUNDLE)],
    ["pretty", JSON.stringify(BUNDLE, null, 2)],
  ] as const) {
    for (const chunk of [1, 3, 7, 64, 1 << 20]) {
      it(`hands over each file as JSON.parse reads it (${label}, ${chunk}-byte chunks)`, () => {
        const r = scan(text, chunk)
        expect(r.sawFiles).toBe(true)
        expect(r.top).toEqual({ format: "motcua-catalogue", version: 1, note: null })
        expect(r.files).toEqual(Object.entries(BUNDLE.files))
      })
    }
  }

  it("says so when there is no files object", () => {
    expect(scan('{"format":"motcua-catalogue","version":1}', 5).sawFiles).toBe(false)
  })

  for (const [label, text, message] of [
    ["not an object", "[1, 2]", /byte 0: .*must be a JSON object/],
    ["a missing comma", '{"format":"x" "version":1}', /byte 14: .*',' or '}' expected/],
    ["a missing colon", '{"format" "x"}', /byte 10: .*':' expected/],
    ["an unquoted key", "{format: 1}", /byte 1: .*quoted key expected/],
    ["files not an object", '{"files":[]}', /byte 9: .*"files" must map file names/],
    ["an invalid member", '{"files":{"units.json":{"a":}}}', /"units.json": /],
    ["a truncated file", '{"files":{"units.json":{"a":1}', /unexpected end of the file/],
    ["data after the object", '{"files":{}} x', /byte 13: .*unexpected data after the object/],
  ] as const) {
    it(`refuses ${label}, saying where`, () => {
      expect(() => scan(text, 4)).toThrow(BundleSyntaxError)
      expect(() => scan(text, 4)).toThrow(message)
    })
  }
})
