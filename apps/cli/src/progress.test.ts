import { describe, expect, it } from "vitest"
import { memoryIo } from "./io.ts"
import { progressBar, renderBar } from "./simulation/progress.ts"
import { seededRandom } from "./simulation/random.ts"

describe("the progress bar", () => {
  it("redraws in place with \\r on a terminal, once per percent, and ends the line", () => {
    const io = memoryIo({ tty: true })
    const bar = progressBar(io, "hồ sơ", () => 0)
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

  it("says the rate and about how long is left once a second has passed", () => {
    const bar = `\r[${".".repeat(30)}]   0%`
    // 300 of a million in 10 s: 30 a second, 999,700 left ≈ 9 h 15 min
    expect(renderBar(300, 1_000_000, "hồ sơ", 10_000)).toBe(
      `${bar} 300/1000000 hồ sơ · 30/giây (per s), còn khoảng 9 giờ 15 phút (9 h 15 min)\u001b[K`,
    )
    expect(renderBar(3, 10, "x", 2_000)).toContain("· 1.5/giây (per s), còn khoảng 5 giây (5 s)")
    // done: the rate, nothing left to say
    expect(renderBar(10, 10, "x", 2_000).endsWith("· 5.0/giây (per s)\u001b[K")).toBe(true)
    // before a second has passed: the bar alone
    expect(renderBar(3, 10, "x", 500)).toBe(renderBar(3, 10, "x"))
  })

  it("redraws within a percent once a second, so that a long run shows it moves", () => {
    const io = memoryIo({ tty: true })
    let t = 0
    const bar = progressBar(io, "hồ sơ", () => t)
    bar.update(1, 1_000_000)
    t = 500
    bar.update(2, 1_000_000)
    t = 1_200
    bar.update(3, 1_000_000)
    expect(io.raw).toHaveLength(2)
    expect(io.raw[1]).toContain("3/1000000 hồ sơ · 2.5/giây (per s)")
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
