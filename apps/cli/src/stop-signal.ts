// The long-running commands (serve, outbox relay, portal simulator) run until the operator or the supervisor stops
// them: Ctrl+C (SIGINT) or SIGTERM. Each then closes what it opened, in its own order.

/** Resolves at the first SIGINT or SIGTERM (and stops listening for both). */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop)
      process.off("SIGTERM", stop)
      resolve()
    }
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  })
}
