import { afterAll, describe, expect, test } from "vitest"
import { cli, tempDir } from "./test-support.ts"

const dir = tempDir("ask")
afterAll(() => dir.remove())
const NOW = "2026-12-04T09:00:00+07:00"

describe("motcua ask", () => {
  test("answers from the sample catalogue, with the old ward name mapped and the procedure cited", async () => {
    const r = await cli(["ask", "tôi ở phường Hồng Hà muốn tách hộ", "--now", NOW], { cwd: dir.path })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("1.010038")
    expect(r.stdout).toContain("Phường Hồng Hà nay thuộc")
    expect(r.stdout).toContain("10.000 đồng")
  })

  test("further arguments answer the follow-up in the same conversation; --json prints the structured answer", async () => {
    const first = await cli(["ask", "đăng ký khai tử", "--json", "--now", NOW], { cwd: dir.path })
    const options = (JSON.parse(first.stdout) as { followUp: { options: Array<{ id: string; variantId?: string }> } })
      .followUp.options
    const late = options.find((o) => o.variantId === "qua-han")
    const r = await cli(["ask", "đăng ký khai tử", late?.id ?? "?", "--now", NOW], { cwd: dir.path })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Đăng ký khai tử quá hạn")
  })

  test("says 'không tìm thấy' for what the catalogue does not hold, and refuses a missing question as usage", async () => {
    const r = await cli(["ask", "cấp hộ chiếu phổ thông", "--now", NOW], { cwd: dir.path })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Không tìm thấy/)
    expect((await cli(["ask"], { cwd: dir.path })).code).toBe(2)
  })
})
