// motcua seed: what a fresh installation needs to be tried out: the schema, the sample Quảng Ninh catalogue (units,
// agencies, centres and post offices, procedures, holidays) copied into the data folder when it has none, and the
// demo accounts (officers of several roles and units, the payment gateway's API key). Repeatable: a second run
// keeps the catalogue as it is and rewrites the same accounts, never duplicates them.
import { createRuntime, type SeededDemo, seedDemoAccounts } from "@motcua/api"
import { commonOptions, EXIT_FAILURE, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import { copyCatalogue, readCatalogue, shown } from "../catalogue-files.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { migrateStorage, withDatabase } from "../database.ts"
import { type Io, say } from "../io.ts"
import { displayUrl, documentsDirOf, hasCatalogue, resolveSettings, SAMPLE_CATALOGUE_DIR } from "../settings.ts"

export const seed: Command = {
  name: "seed",
  summary: "nạp danh mục mẫu và tài khoản demo (sample catalogue and demo accounts)",
  help: `Cách dùng (usage): motcua seed [--data <thư mục>] [--json]

Chạy migration, chép danh mục mẫu Quảng Ninh (đơn vị, cơ quan, trung tâm, bưu cục, thủ tục, ngày nghỉ) vào
<data>/catalogue khi chưa có, và ghi các tài khoản demo (cán bộ một cửa, chuyên viên, lãnh đạo, văn thư, thanh tra,
quản trị trung tâm ở hai phường; khóa API của cổng thanh toán). Chạy lại không tạo trùng (idempotent).
Không dùng trên hệ thống thật: mật khẩu demo là công khai (never in production: the demo passwords are public).

  --json   in tài khoản dạng JSON (print the accounts as JSON)${COMMON_HELP}`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, { ...commonOptions, json: { type: "boolean" } })
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const settings = resolveSettings(values, io)
    io.err(say(`Cơ sở dữ liệu: ${displayUrl(settings.database)}`, "database"))
    const migrated = await withDatabase(settings.database, migrateStorage)
    if (migrated.applied.length > 0) io.err(say(`Đã chạy ${migrated.applied.length} migration`, "migrations applied"))

    const where = shown(settings.catalogueDir, io.cwd)
    if (hasCatalogue(settings.catalogueDir)) {
      io.err(say(`Danh mục đã có ở ${where}, giữ nguyên`, "catalogue already there, kept"))
    } else {
      copyCatalogue(SAMPLE_CATALOGUE_DIR, settings.catalogueDir)
      io.err(say(`Đã chép danh mục mẫu Quảng Ninh vào ${where}`, "sample catalogue copied"))
    }
    const checked = readCatalogue(settings.catalogueDir, where)
    if (!checked.ok) {
      for (const p of checked.problems) io.err(`${p.path}: ${p.message}`)
      io.err(say("Danh mục không hợp lệ: sửa rồi chạy lại", "catalogue invalid: fix it and run again"))
      return EXIT_FAILURE
    }
    const j = checked.data.jurisdiction
    io.err(
      say(
        `Danh mục: ${j.units.length} đơn vị, ${j.intakePoints.length} điểm tiếp nhận, ${checked.data.catalogue.length} thủ tục`,
        "catalogue",
      ),
    )

    const documentsDir = documentsDirOf(settings)
    const runtime = await createRuntime({
      databaseUrl: settings.databaseUrl,
      data: checked.data,
      ...(documentsDir === undefined ? {} : { documentsDir }),
    })
    let seeded: SeededDemo
    try {
      seeded = await seedDemoAccounts(runtime)
    } finally {
      await runtime.dispose()
    }
    if (values.json === true) io.out(JSON.stringify(seeded, null, 2))
    else for (const line of demoAccountLines(seeded)) io.out(line)
    return EXIT_OK
  },
}

/** The demo accounts as people read them (seed prints them; start.sh shows them before serving). */
export function demoAccountLines(seeded: SeededDemo): string[] {
  const password = seeded.accounts[0]?.password ?? ""
  const width = Math.max(...seeded.accounts.map((a) => a.username.length))
  return [
    say("Tài khoản demo (mật khẩu chung)", `demo accounts, password for all: ${password}`),
    ...seeded.accounts.map((a) => `  ${a.username.padEnd(width)}  ${a.roles.join(", ").padEnd(16)}  ${a.displayName}`),
    say("Khóa API cổng thanh toán", "payment gateway API key"),
    ...seeded.apiKeys.map((k) => `  ${k.principalId}: ${k.key}`),
    say("Mã thông báo công dân (Authorization: Bearer …)", "citizen bearer tokens"),
    ...seeded.citizenTokens.map((t) => `  ${t.citizenId}: ${t.token}`),
  ]
}
