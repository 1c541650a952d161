// The port files declare ports; the in-memory implementations (memory.ts, memory-*.ts) are wired only by storage.ts. A port
// file importing memory.ts, which imports the port files, makes an import circle (it did, through six unused
// layerTest layers): this keeps them apart.
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { expect, test } from "vitest"

test("no port file imports the in-memory implementations (only storage.ts and the index do)", () => {
  const dir = import.meta.dirname
  const importers = readdirSync(dir)
    .filter(
      (f) =>
        f.endsWith(".ts") &&
        !f.endsWith(".test.ts") &&
        !/^memory(-[a-z-]+)?\.ts$/.test(f) &&
        f !== "storage.ts" &&
        f !== "index.ts",
    )
    .filter((f) => /from "\.\/memory(-[a-z-]+)?\.ts"/.test(readFileSync(join(dir, f), "utf8")))
  expect(importers).toEqual([])
})
