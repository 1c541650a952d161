// A plain progress bar on stderr: redrawn in place with `\r`, only when stderr is a terminal (in a pipe or a log
// file it would be noise), at most once per percent, and finished with a newline.
import type { Io } from "../io.ts"

const WIDTH = 30

export function renderBar(done: number, total: number, label: string): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total)
  const filled = Math.round(ratio * WIDTH)
  const percent = String(Math.floor(ratio * 100)).padStart(3)
  return `\r[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${percent}% ${done}/${total} ${label}`
}

export interface ProgressBar {
  readonly update: (done: number, total: number) => void
  readonly end: () => void
}

export function progressBar(io: Io, label: string): ProgressBar {
  if (!io.errIsTTY) return { update: () => {}, end: () => {} }
  let shown = -1
  let drawn = false
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
      if (percent === shown && done !== total) return
      shown = percent
      drawn = true
      io.errWrite(renderBar(done, total, label))
    },
    end() {
      if (drawn) io.errWrite("\n")
    },
  }
}
