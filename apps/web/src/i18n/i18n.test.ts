// Every page text exists in Vietnamese and English: the two catalogues have the same keys, no value is empty, and
// every key the pages ask for (t("…") in the sources, and the action and channel keys built from data) exists.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect, it } from "vitest"
import { ACTION_FIELDS } from "../pages/actions.ts"
import { en } from "./en.ts"
import { vi } from "./vi.ts"

type Tree = { readonly [key: string]: string | Tree }

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  )
}
function valueAt(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree)
}
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : []
  })
}

const SRC = fileURLToPath(new URL("..", import.meta.url))

it("Vietnamese and English have the same keys, none empty", () => {
  expect(keys(en as Tree).sort()).toEqual(keys(vi as Tree).sort())
  for (const key of keys(vi as Tree)) {
    expect((valueAt(vi as Tree, key) as string).trim(), `vi ${key}`).not.toBe("")
    expect((valueAt(en as Tree, key) as string).trim(), `en ${key}`).not.toBe("")
  }
})

it("every key the pages use is translated", () => {
  const used = new Set<string>()
  for (const file of sources(SRC))
    for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([\w.-]+)"/g)) used.add(match[1] as string)
  for (const action of Object.keys(ACTION_FIELDS)) used.add(`action.${action}`)
  for (const channel of ["counter", "online", "post"]) used.add(`procedure.channel_${channel}`)
  expect(used.size).toBeGreaterThan(50)
  const missing = [...used].filter((key) => typeof valueAt(vi as Tree, key) !== "string")
  expect(missing).toEqual([])
})
