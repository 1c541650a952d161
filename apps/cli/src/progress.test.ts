import { describe, expect, it } from "vitest"
import { memoryIo } from "./io.ts"
import { progressBar, renderBar } from "./simulation/progress.ts"
import { seededRandom } from "./simulation/random.ts"

describe("the progress bar", () => {
  it("redraws in place with \\r on a terminal, once per percent, and ends the line", () => {
    const io = memoryIo({ tty: true })
    const bar = progressBar(io, "hồ sơ")
    for (let done = 1; done <= 200; done++) bar.update(done, 200)
    bar.end()
    expect(io.raw.length).toBe(102) // 0 % (1 of 200) … 100 %, plus the final newline
    expect(io.raw.slice(0, -1).every((text) => text.startsWith("\r["))).toBe(true)
    expect(io.raw.at(-2)).toBe(renderBar(200, 200, "hồ sơ"))
    expect(io.raw.at(-1)).toBe("\n")
  })

  it("draws nothing when stderr is not a terminal", () => {
    const io = memoryIo({ tty: false })
    const bar = progressBar(io, "x")
    bar.update(1, 2)
    bar.end()
    expect(io.raw).toEqual([])
  })

  it("renders the share done", () => {
    expect(renderBar(15, 50, "hồ sơ")).toBe(`\r[${"#".repeat(9)}${".".repeat(21)}]  30% 15/50 hồ sơ`)
  })
})

describe("the seeded generator", () => {
  it("gives the same sequence for a seed and another for another seed", () => {
    const a = Array.from({ length: 5 }, seededRandom("s").next)
    const take = (seed: string) => {
      const r = seededRandom(seed)
      return Array.from({ length: 5 }, () => r.next())
    }
    expect(take("s")).toEqual(take("s"))
    expect(take("s")).not.toEqual(take("t"))
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it("keeps forks of neighbouring labels apart (each weight gets its share)", () => {
    const root = seededRandom("7")
    const counts = { a: 0, b: 0, c: 0 }
    for (let i = 0; i < 3000; i++) counts[root.fork(`dossier-${i}`).weighted({ a: 45, b: 45, c: 10 })]++
    expect(counts.c).toBeGreaterThan(200)
    expect(counts.c).toBeLessThan(400)
  })
})
