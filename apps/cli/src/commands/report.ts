// motcua report: counts by status, unit, field and month of receipt, and the on-time rate (national index rule).

import { Effect } from "effect"
import { civilDate, commonOptions, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { storageLayer } from "../database.ts"
import { loadDeployment } from "../deployment.ts"
import type { Io } from "../io.ts"
import { buildReport } from "../report/compute.ts"
import { formatJson, formatTable } from "../report/format.ts"
import { readDossiers } from "../report/read.ts"
import { documentsDirOf, resolveSettings, simulationDatabase } from "../settings.ts"

export const report: Command = {
  name: "report",
  summary: "báo cáo theo trạng thái, đơn vị, lĩnh vực, tháng; tỷ lệ đúng hạn (counts and on-time rate)",
  help: `Cách dùng (usage): motcua report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|json] [--simulation]

Đếm hồ sơ theo trạng thái (1–10), đơn vị xử lý, lĩnh vực và tháng tiếp nhận, và tỷ lệ giải quyết đúng hạn theo cách
tính của Bộ chỉ số (Quyết định 766/QĐ-TTg): (trước hạn + đúng hạn) / hồ sơ đã giải quyết; thời gian chờ bổ sung không
tính; hồ sơ bị từ chối tiếp nhận hoặc rút không tính. --from/--to lọc theo ngày tiếp nhận (giờ Việt Nam), gồm cả hai
đầu. --simulation đọc cơ sở dữ liệu của motcua simulate (<data>/simulation.sqlite) thay cho cơ sở dữ liệu thật.
(Counts by status, unit, field and month received; on-time rate per the national index rule. --simulation reads
the database motcua simulate writes into by default.)${COMMON_HELP}`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, {
      ...commonOptions,
      from: { type: "string" },
      to: { type: "string" },
      format: { type: "string" },
      simulation: { type: "boolean" },
    })
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const format = values.format ?? "table"
    if (format !== "table" && format !== "json") {
      throw new UsageError(`--format phải là table hoặc json (must be table or json), nhận "${format}"`)
    }
    const from = civilDate("from", values.from)
    const to = civilDate("to", values.to)
    if (from !== undefined && to !== undefined && from > to) {
      throw new UsageError(`--from ${from} sau --to ${to} (from is after to)`)
    }
    const settings = resolveSettings(values, io)
    const { data } = loadDeployment(settings)
    const target = values.simulation === true ? simulationDatabase(settings, undefined, io.cwd) : settings.database
    // through the storage layer (migrated when it opens) and its DossierListing port
    const dossiers = await Effect.runPromise(
      Effect.provide(
        readDossiers,
        storageLayer(target, values.simulation === true ? undefined : documentsDirOf(settings)),
      ),
    )
    const built = buildReport(dossiers, data, { from, to })
    io.out(format === "json" ? formatJson(built) : formatTable(built))
    return EXIT_OK
  },
}
