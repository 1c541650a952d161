// The dispatcher: `motcua <command> [options]`. Usage errors exit with 2 and the command's help line, failures with 1
// and their message (Vietnamese first, then English): run-command.ts; nothing is thrown past this point.
import { EXIT_OK, EXIT_USAGE } from "./args.ts"
import type { Command } from "./command.ts"
import { ask } from "./commands/ask.ts"
import { catalogue } from "./commands/catalogue.ts"
import { keys } from "./commands/keys.ts"
import { migrate } from "./commands/migrate.ts"
import { outbox } from "./commands/outbox.ts"
import { payments } from "./commands/payments.ts"
import { portal, portalSim } from "./commands/portal.ts"
import { report } from "./commands/report.ts"
import { seed } from "./commands/seed.ts"
import { serve } from "./commands/serve.ts"
import { simulate } from "./commands/simulate.ts"
import { verify } from "./commands/verify.ts"
import { vietqr } from "./commands/vietqr.ts"
import { type Io, say } from "./io.ts"
import { runCommand } from "./run-command.ts"

export const commands: ReadonlyArray<Command> = [
  migrate,
  seed,
  catalogue,
  serve,
  simulate,
  report,
  ask,
  vietqr,
  payments,
  outbox,
  portal,
  portalSim,
  keys,
  verify,
]

export const MAIN_HELP = `motcua — hệ thống một cửa (one-stop shop)

Cách dùng (usage): motcua <lệnh> [tùy chọn]   (motcua <lệnh> --help: trợ giúp của lệnh)

Lệnh (commands):
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

Mã thoát (exit codes): 0 thành công (ok), 1 thất bại (failure), 2 sai cú pháp (usage).`

const isHelp = (arg: string) => arg === "--help" || arg === "-h"

/** Runs one command line; answers the exit code. */
export async function runCli(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || isHelp(name) || name === "help") {
    if (name === undefined) {
      io.err(MAIN_HELP)
      return EXIT_USAGE
    }
    io.out(MAIN_HELP)
    return EXIT_OK
  }
  const command = commands.find((c) => c.name === name)
  if (command === undefined) {
    io.err(say(`Không có lệnh "${name}"`, "unknown command"))
    io.err(`motcua --help`)
    return EXIT_USAGE
  }
  if (command.name !== "catalogue" && rest.some(isHelp)) {
    io.out(command.help)
    return EXIT_OK
  }
  return runCommand(command.name, () => command.run(rest, io), io)
}
