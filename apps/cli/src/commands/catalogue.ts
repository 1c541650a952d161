// motcua catalogue validate | export | import: the deployment's catalogue (units, agencies, intake points,
// procedures, holidays) as JSON, checked by the domain's schemas and the cross-file rules, every problem with its
// file and path.
import { writeFileSync } from "node:fs"
import { resolve } from "node:path"
import type { QuangNinhData, QuangNinhSummary } from "@motcua/catalog-quangninh"
import type { Problem } from "@motcua/domain"
import { commonOptions, EXIT_FAILURE, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import { bundleOf, importCatalogue, readCatalogue, shown } from "../catalogue-files.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { type Io, say } from "../io.ts"
import { activeCatalogueDir, resolveSettings } from "../settings.ts"

const HELP = `Cách dùng (usage):
  motcua catalogue validate [<thư mục | tệp.json>]   kiểm tra (check); mặc định danh mục đang dùng
  motcua catalogue export [--out <tệp.json>]         xuất danh mục đang dùng (export; stdout khi không có --out)
  motcua catalogue import <thư mục | tệp.json>       kiểm tra rồi thay danh mục trong thư mục dữ liệu (import)

Danh mục (catalogue) là một thư mục theo bố cục của @motcua/catalog-quangninh (units.json, agencies.json,
centres.json, holidays.json, procedures/*.json) hoặc một tệp JSON do export tạo ra:
  { "format": "motcua-catalogue", "version": 1, "files": { "units.json": {…}, "procedures/…json": […] } }
Mọi lỗi được liệt kê kèm tệp và đường dẫn (every problem is listed with its file and path). Import không ghi gì khi
có lỗi (nothing is written when there is a problem); API đang chạy cần khởi động lại để dùng danh mục mới.${COMMON_HELP}`

function printProblems(io: Io, problems: ReadonlyArray<Problem>): void {
  for (const p of problems) io.out(p.path === "" ? p.message : `${p.path}: ${p.message}`)
  io.err(say(`Danh mục không hợp lệ: ${problems.length} lỗi`, `catalogue invalid: ${problems.length} problem(s)`))
}

function describe({ jurisdiction: j, procedures }: Pick<QuangNinhSummary, "jurisdiction" | "procedures">): string {
  return say(
    `${j.units.length} đơn vị, ${j.agencies.length} cơ quan, ${j.intakePoints.length} điểm tiếp nhận, ${procedures} thủ tục`,
    `${j.units.length} units, ${j.agencies.length} agencies, ${j.intakePoints.length} intake points, ${procedures} procedures`,
  )
}

const describeData = (data: QuangNinhData) =>
  describe({ jurisdiction: data.jurisdiction, procedures: data.catalogue.length })

const subcommands: Record<string, (args: ReadonlyArray<string>, io: Io) => number> = {
  validate(args, io) {
    const { values, positionals } = parseCommandLine(args, commonOptions)
    if (positionals.length > 1) throw new UsageError(`chỉ một nguồn (one source only): ${positionals.join(" ")}`)
    const settings = resolveSettings(values, io)
    const source = positionals[0] === undefined ? activeCatalogueDir(settings) : resolve(io.cwd, positionals[0])
    const checked = readCatalogue(source, shown(source, io.cwd))
    if (!checked.ok) {
      printProblems(io, checked.problems)
      return EXIT_FAILURE
    }
    io.out(say(`Danh mục hợp lệ: ${shown(source, io.cwd)}`, "catalogue valid"))
    io.out(describeData(checked.data))
    return EXIT_OK
  },
  export(args, io) {
    const { values, positionals } = parseCommandLine(args, { ...commonOptions, out: { type: "string", short: "o" } })
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const settings = resolveSettings(values, io)
    const source = activeCatalogueDir(settings)
    const checked = readCatalogue(source, shown(source, io.cwd))
    if (!checked.ok) {
      printProblems(io, checked.problems)
      return EXIT_FAILURE
    }
    const text = `${JSON.stringify(bundleOf(checked.files), null, 2)}\n`
    if (values.out === undefined || values.out === "-") {
      io.out(text.trimEnd())
    } else {
      const target = resolve(io.cwd, values.out)
      writeFileSync(target, text)
      io.err(say(`Đã xuất danh mục vào ${shown(target, io.cwd)}`, "catalogue exported"))
    }
    io.err(describeData(checked.data))
    return EXIT_OK
  },
  import(args, io) {
    const { values, positionals } = parseCommandLine(args, commonOptions)
    const [from, ...rest] = positionals
    if (from === undefined)
      throw new UsageError("thiếu nguồn: thư mục hoặc tệp .json (missing source: a folder or a .json file)")
    if (rest.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${rest.join(" ")}`)
    const settings = resolveSettings(values, io)
    const source = resolve(io.cwd, from)
    // file by file into a folder beside the catalogue, checked there, then swapped in (never the whole bundle held)
    const checked = importCatalogue(source, shown(source, io.cwd), settings.catalogueDir)
    if (!checked.ok) {
      printProblems(io, checked.problems)
      io.err(say("Không nhập gì", "nothing imported"))
      return EXIT_FAILURE
    }
    io.out(say(`Đã nhập danh mục vào ${shown(settings.catalogueDir, io.cwd)}`, "catalogue imported"))
    io.out(describe(checked.summary))
    return EXIT_OK
  },
}

export const catalogue: Command = {
  name: "catalogue",
  summary: "kiểm tra, xuất, nhập danh mục thủ tục (validate, export, import the catalogue)",
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args
    if (sub === undefined || sub === "--help" || sub === "-h") {
      if (sub === undefined) throw new UsageError("thiếu lệnh con: validate, export hoặc import (missing subcommand)")
      io.out(HELP)
      return EXIT_OK
    }
    const handler = subcommands[sub]
    if (handler === undefined) throw new UsageError(`lệnh con không có (unknown subcommand): ${sub}`)
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(HELP)
      return EXIT_OK
    }
    return handler(rest, io)
  },
}
