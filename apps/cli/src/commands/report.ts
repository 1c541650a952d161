// motcua report: counts by status, unit, field and month of receipt, and the on-time rate (national index rule);
// motcua report index: the Decision 766 index of a month, quarter or year, per handling unit, with the dossiers
// behind any number.
import { writeFileSync } from "node:fs"
import { resolve } from "node:path"
import {
  CatalogStore,
  Clock,
  countedReport,
  drillDowns,
  everything,
  indexDrillDown,
  indexReport,
  QualityConfig,
  ReportRequestInvalid,
} from "@motcua/application"
import { defaultQualitySettings, descriptionRules, portalRules } from "@motcua/domain"
import { Effect, Layer, Result } from "effect"
import { civilDate, commonOptions, EXIT_OK, parseCommandLine, positiveInteger, UsageError } from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { storageLayer } from "../database.ts"
import { loadDeployment } from "../deployment.ts"
import { type Io, say } from "../io.ts"
import { formatJson, formatTable } from "../report/format.ts"
import {
  dossiersWorkbook,
  formatDossiersCsv,
  formatDossiersTable,
  formatIndexCsv,
  formatIndexTable,
  indexWorkbook,
} from "../report/index-format.ts"
import { type Sheet, writeXlsx } from "../report/xlsx.ts"
import { documentsDirOf, resolveSettings, simulationDatabase } from "../settings.ts"

export const INDEX_HELP = `Cách dùng (usage): motcua report index --period YYYY-MM|YYYY-Qn|YYYY [--unit MÃ]
                                 [--format table|csv|json|xlsx [--output TỆP]]
                                 [--dossiers LOẠI [--after MÃ-HỒ-SƠ] [--limit N]] [--rules portal|description] [--simulation]

Bộ chỉ số chất lượng phục vụ (Quyết định 766/QĐ-TTg) của kỳ: từng chỉ số với tử số, mẫu số, tỷ lệ và điểm, sáu nhóm
và tổng điểm của tỉnh (cộng số liệu của các đơn vị, không lấy trung bình điểm), và từng đơn vị xử lý (xã, phường,
đặc khu; cơ quan cấp tỉnh). --unit: một đơn vị (mã 5 chữ số) hoặc cơ quan cấp tỉnh. --dossiers: danh sách hồ sơ đứng
sau một con số, LOẠI là ${drillDowns.join(", ")}. --format xlsx: bảng tính Excel (tổng điểm và nhóm của từng phạm vi,
từng chỉ số, chỉ số chưa có số liệu), ghi vào tệp --output (bắt buộc với xlsx).
--rules: cách chấm điểm (mặc định theo quality.json, nếu không có: portal — cách Cổng DVCQG công bố; description —
theo văn bản mô tả công thức). Chỉ số motcua không nắm (1.1–1.3, 4.5a) lấy từ quality.json; báo cáo ghi rõ chỉ số còn
thiếu. Chi tiết: docs/quality-index.md.
(The Decision 766 index of a period: each indicator's numerator, denominator and score, the six groups and the
province's total computed from its units' counts, and each handling unit; --dossiers lists the dossiers behind a
number; --format xlsx writes an Excel workbook to the --output file.)${COMMON_HELP}`

export const report: Command = {
  name: "report",
  summary: "báo cáo hồ sơ; report index: chỉ số 766 theo kỳ (counts, on-time rate; the Decision 766 index)",
  help: `Cách dùng (usage): motcua report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|json] [--simulation]
                  motcua report index --period YYYY-MM … (motcua report index --help)

Đếm hồ sơ theo trạng thái (1–10), đơn vị xử lý, lĩnh vực và tháng tiếp nhận, và tỷ lệ giải quyết đúng hạn theo cách
tính của Bộ chỉ số (Quyết định 766/QĐ-TTg): (trước hạn + đúng hạn) / hồ sơ đã giải quyết; thời gian chờ bổ sung không
tính; hồ sơ bị từ chối tiếp nhận hoặc rút không tính. --from/--to lọc theo ngày tiếp nhận (giờ Việt Nam), gồm cả hai
đầu. --simulation đọc cơ sở dữ liệu của motcua simulate (<data>/simulation.sqlite) thay cho cơ sở dữ liệu thật.
(Counts by status, unit, field and month received; on-time rate per the national index rule. --simulation reads
the database motcua simulate writes into by default.)${COMMON_HELP}`,
  async run(args: ReadonlyArray<string>, io: Io) {
    if (args[0] === "index") return runIndex(args.slice(1), io)
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
    // counted by the store (the facts brought up to date first) through the storage layer, migrated when it opens
    const built = await Effect.runPromise(
      Effect.provide(
        countedReport({ from, to }),
        Layer.mergeAll(
          storageLayer(target, values.simulation === true ? undefined : documentsDirOf(settings)),
          catalogLayer(data),
        ),
      ),
    )
    io.out(format === "json" ? formatJson(built) : formatTable(built))
    return EXIT_OK
  },
}

/** The deployment's catalogue, jurisdiction and holidays (the calendar the index facts are counted on). */
const catalogLayer = (data: ReturnType<typeof loadDeployment>["data"]) =>
  CatalogStore.layerFromData({
    catalogue: data.catalogue,
    jurisdiction: data.jurisdiction,
    ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
  })

async function runIndex(args: ReadonlyArray<string>, io: Io): Promise<number> {
  if (args.some((a) => a === "--help" || a === "-h")) {
    io.out(INDEX_HELP)
    return EXIT_OK
  }
  const { values, positionals } = parseCommandLine(args, {
    ...commonOptions,
    period: { type: "string" },
    unit: { type: "string" },
    format: { type: "string" },
    dossiers: { type: "string" },
    after: { type: "string" },
    limit: { type: "string" },
    rules: { type: "string" },
    output: { type: "string" },
    simulation: { type: "boolean" },
  })
  if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
  if (values.period === undefined)
    throw new UsageError("thiếu --period YYYY-MM, YYYY-Qn hoặc YYYY (missing --period: a month, a quarter or a year)")
  const format = values.format ?? "table"
  if (format !== "table" && format !== "csv" && format !== "json" && format !== "xlsx")
    throw new UsageError(
      `--format phải là table, csv, json hoặc xlsx (must be table, csv, json or xlsx), nhận "${format}"`,
    )
  // a workbook is bytes, not lines: it goes to a file, never to the terminal
  if (format === "xlsx" && (values.output === undefined || values.output === ""))
    throw new UsageError("--format xlsx cần --output TỆP.xlsx (an Excel workbook is written to a file: give --output)")
  const output = values.output === undefined ? undefined : resolve(io.cwd, values.output)
  /** Prints text, or writes it (or the workbook) to --output and says where. */
  const emit = (text: () => string, sheets: () => Sheet[]) => {
    if (output === undefined) return io.out(text())
    writeFileSync(output, format === "xlsx" ? writeXlsx(sheets()) : `${text()}\n`)
    io.err(say(`đã ghi ${output}`, `written to ${output}`))
  }
  if (values.rules !== undefined && values.rules !== "portal" && values.rules !== "description")
    throw new UsageError(
      `--rules phải là portal hoặc description (must be portal or description), nhận "${values.rules}"`,
    )
  const limit = positiveInteger("limit", values.limit, 1000)
  const settings = resolveSettings(values, io)
  const { data } = loadDeployment(settings)
  const target = values.simulation === true ? simulationDatabase(settings, undefined, io.cwd) : settings.database
  const quality = data.quality ?? defaultQualitySettings
  const rules =
    values.rules === "portal" ? portalRules : values.rules === "description" ? descriptionRules : quality.rules
  const layer = Layer.mergeAll(
    storageLayer(target, values.simulation === true ? undefined : documentsDirOf(settings)),
    catalogLayer(data),
    Clock.layer,
    Layer.succeed(QualityConfig, { ...quality, rules }),
  )
  const unit = values.unit === undefined ? {} : { unit: values.unit }
  // a bad period, unit or kind of dossiers is the command line's fault: exit 2 with what was wrong
  const run = async <A, E>(effect: Effect.Effect<A, E, Layer.Success<typeof layer>>): Promise<A> => {
    const outcome = await Effect.runPromise(Effect.result(Effect.provide(effect, layer)))
    if (Result.isSuccess(outcome)) return outcome.success
    const error: unknown = outcome.failure
    if (error instanceof ReportRequestInvalid)
      throw new UsageError(`--${error.field === "which" ? "dossiers" : error.field}: ${error.detail}`)
    throw error
  }
  if (values.dossiers !== undefined) {
    const rows = await run(
      indexDrillDown(everything, {
        period: values.period,
        which: values.dossiers,
        limit,
        ...unit,
        ...(values.after === undefined ? {} : { after: values.after }),
      }),
    )
    const which = values.dossiers
    emit(
      () =>
        format === "json"
          ? JSON.stringify(rows, null, 2)
          : format === "csv"
            ? formatDossiersCsv(rows)
            : formatDossiersTable(which, rows),
      () => dossiersWorkbook(rows),
    )
    return EXIT_OK
  }
  const built = await run(indexReport(everything, { period: values.period, ...unit }))
  emit(
    () =>
      format === "json"
        ? JSON.stringify(built, null, 2)
        : format === "csv"
          ? formatIndexCsv(built)
          : formatIndexTable(built),
    () => indexWorkbook(built),
  )
  return EXIT_OK
}
