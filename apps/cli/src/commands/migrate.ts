// motcua migrate: brings the database schema to the latest migration. Running it again changes nothing.
import { commonOptions, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { migrateStorage, withDatabase } from "../database.ts"
import { type Io, say } from "../io.ts"
import { displayUrl, resolveSettings } from "../settings.ts"

export const migrate: Command = {
  name: "migrate",
  summary: "tạo/cập nhật lược đồ cơ sở dữ liệu (create or update the database schema)",
  help: `Cách dùng (usage): motcua migrate [--data <thư mục>]

Chạy các migration chưa chạy của cơ sở dữ liệu (runs the migrations not yet applied). Chạy lại không thay đổi gì
(a second run is a no-op).${COMMON_HELP}`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, commonOptions)
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const settings = resolveSettings(values, io)
    const outcome = await withDatabase(settings.database, migrateStorage)
    io.err(say(`Cơ sở dữ liệu: ${displayUrl(settings.database)}`, "database"))
    if (outcome.applied.length === 0) {
      io.out(
        say(
          `Lược đồ đã mới nhất, không có migration nào để chạy (${outcome.known.length} đã có)`,
          "schema up to date, nothing to run",
        ),
      )
    } else {
      for (const name of outcome.applied) io.out(say(`đã chạy migration ${name}`, "applied"))
      io.out(say(`Đã chạy ${outcome.applied.length} migration`, `${outcome.applied.length} migration(s) applied`))
    }
    return EXIT_OK
  },
}
