// A plain progress bar on stderr: redrawn in place with `\r`, only when stderr is a terminal (in a pipe or a log
// file it would be noise), when the percent changes or a second has passed, and finished with a newline. Once a second
// has passed it says the rate and about how long is left: a million dossiers take hours, a percent several minutes.
import type { Io } from "../io.ts"

const WIDTH = 30
/** Erases what is left of the line: a redrawn line may be shorter than the one before. */
const ERASE_TO_END = "\u001b[K"

/** About how long `ms` is, in Vietnamese then English: "2 giờ 10 phút (2 h 10 min)", "45 giây (45 s)". */
export function aboutDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} giây (${seconds} s)`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} phút (${minutes} min)`
  const [h, m] = [Math.floor(minutes / 60), minutes % 60]
  return `${h} giờ ${m} phút (${h} h ${m} min)`
}

/** The bar; with the time elapsed since the start (a second at least, something done), the rate and the time left. */
export function renderBar(done: number, total: number, label: string, elapsedMs?: number): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total)
  const filled = Math.round(ratio * WIDTH)
  const percent = String(Math.floor(ratio * 100)).padStart(3)
  const bar = `\r[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${percent}% ${done}/${total} ${label}`
  if (elapsedMs === undefined || elapsedMs < 1000 || done === 0) return bar
  const perSecond = done / (elapsedMs / 1000)
  const rate = perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1)
  const left = done >= total ? "" : `, còn khoảng ${aboutDuration(((total - done) / perSecond) * 1000)}`
  return `${bar} · ${rate}/giây (per s)${left}${ERASE_TO_END}`
}

export interface ProgressBar {
  readonly update: (done: number, total: number) => void
  readonly end: () => void
}

/** `now` in milliseconds (tests fix it). */
export function progressBar(io: Io, label: string, now: () => number = () => performance.now()): ProgressBar {
  if (!io.errIsTTY) return { update: () => {}, end: () => {} }
  const started = now()
  let shown = -1
  let drawnAt = Number.NEGATIVE_INFINITY
  let drawn = false
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
      const at = now()
      if (percent === shown && done !== total && at - drawnAt < 1000) return
      shown = percent
      drawnAt = at
      drawn = true
      io.errWrite(renderBar(done, total, label, at - started))
    },
    end() {
      if (drawn) io.errWrite("\n")
    },
  }
}
