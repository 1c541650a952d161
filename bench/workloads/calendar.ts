// The workload of calendar.bench.ts: additions of 15 working days, the calendar module against a plain day-by-day
// loop over a freshly computed holiday list. `calendarWorkload` checks first that both give the same date from every
// start (the smoke test runs that check alone).
import { addWorkingDays, type LocalDate, makeCalendar, publicHolidays } from "@motcua/domain"

export const DAYS = 15

export function calendarWorkload(count = 1000) {
  // start dates spread over 2024–2026 (deterministic)
  const starts: LocalDate[] = []
  for (let i = 0; i < count; i++) {
    const ms = Date.UTC(2024, 0, 1) + ((i * 7919) % (3 * 365)) * 86_400_000
    starts.push(new Date(ms).toISOString().slice(0, 10) as LocalDate)
  }
  const calendar = makeCalendar()
  const ours = (start: LocalDate) => addWorkingDays(calendar, start, DAYS)
  // The straightforward way: walk day by day, asking each time whether the day is a weekday and not in the year's
  // holiday list (recomputed for every check, as a function `isHoliday(date)` built on publicHolidays would).
  const naive = (start: LocalDate): string => {
    const isWorking = (ms: number) => {
      const iso = new Date(ms).toISOString().slice(0, 10)
      const weekday = new Date(ms).getUTCDay()
      return weekday !== 0 && weekday !== 6 && !publicHolidays(Number(iso.slice(0, 4))).some((h) => h.date === iso)
    }
    let ms = Date.parse(`${start}T00:00:00Z`)
    while (!isWorking(ms)) ms += 86_400_000
    for (let added = 0; added < DAYS; ) {
      ms += 86_400_000
      if (isWorking(ms)) added++
    }
    return new Date(ms).toISOString().slice(0, 10)
  }
  for (const start of starts) {
    if (ours(start) !== naive(start)) throw new Error(`implementations disagree from ${start}`)
  }
  return { starts, ours, naive }
}
