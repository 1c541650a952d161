// Dates, times and money as a person in Vietnam reads them, whatever the browser's time zone.
const ZONE = "Asia/Ho_Chi_Minh"

export function formatMoney(amount: number, language: string): string {
  return `${new Intl.NumberFormat(language === "en" ? "en-US" : "vi-VN").format(amount)} đ`
}

export function formatInstant(iso: string | null | undefined, language: string): string {
  if (iso === null || iso === undefined) return "—"
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "vi-VN", {
    timeZone: ZONE,
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(iso))
}

/** Hours and minutes (or days and hours) between now and a due instant, and whether it is past. */
export function timeLeft(dueIso: string, now: Date): { overdue: boolean; text: string; hours: number } {
  const ms = new Date(dueIso).getTime() - now.getTime()
  const minutes = Math.round(Math.abs(ms) / 60_000)
  const days = Math.floor(minutes / (24 * 60))
  const hours = Math.floor((minutes % (24 * 60)) / 60)
  const text = days > 0 ? `${days}d ${hours}h` : `${hours}h ${minutes % 60}m`
  return { overdue: ms < 0, text, hours: ms / 3_600_000 }
}

/** Working minutes (from the API's `timeLeft`) as text: `2h 30m`, or `1d 3h` counting 8 working hours a day. */
export function workingTimeText(minutes: number): string {
  const m = Math.abs(minutes)
  const days = Math.floor(m / (8 * 60))
  const hours = Math.floor((m % (8 * 60)) / 60)
  return days > 0 ? `${days}d ${hours}h` : `${hours}h ${m % 60}m`
}
