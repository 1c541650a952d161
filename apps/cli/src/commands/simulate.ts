// motcua simulate: N dossiers through realistic lifecycles across the centres, the post offices and the online
// channel, through the application's use cases; deterministic for a seed. Into its own database by default
// (<data>/simulation.sqlite), never the live one; every dossier is marked simulated, so none is ever sent outside.
import { join } from "node:path"
import { CatalogStore, Clock, Ids, layerSimulationRun } from "@motcua/application"
import { vietnamDateTime } from "@motcua/domain"
import { SqlIssuedResultStore, SqlWalletStore } from "@motcua/storage-sql"
import { Effect, Layer } from "effect"
import {
  civilDate,
  commonOptions,
  EXIT_FAILURE,
  EXIT_OK,
  parseCommandLine,
  positiveInteger,
  UsageError,
} from "../args.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { storageLayer } from "../database.ts"
import { loadDeployment } from "../deployment.ts"
import { type Io, say } from "../io.ts"
import { displayUrl, resolveSettings, simulationDatabase } from "../settings.ts"
import { simulate as runSimulation, type SimulationResult } from "../simulation/driver.ts"
import { progressBar } from "../simulation/progress.ts"
import { simulationStandIns } from "../simulation/stand-ins.ts"

export const DEFAULT_START = "2025-07-01"

export const simulate: Command = {
  name: "simulate",
  summary: "mô phỏng N hồ sơ qua vòng đời thực tế (simulate N dossiers through realistic lifecycles)",
  help: `Cách dùng (usage): motcua simulate [--count N] [--seed S] [--start YYYY-MM-DD] [--days D] [--database URL] [--json]

Nộp N hồ sơ (mặc định 100) với thủ tục ngẫu nhiên của danh mục, qua các kênh trực tuyến, trực tiếp tại 55 trung tâm
và qua bưu điện, rồi xử lý từng hồ sơ qua các ca sử dụng của ứng dụng trên cơ sở dữ liệu đã cấu hình: tiếp nhận, từ
chối, bổ sung, nghĩa vụ tài chính, thanh toán, phê duyệt, ký, trả kết quả, rút hồ sơ, trễ hạn, gia hạn xin lỗi. Đồng
hồ mô phỏng chạy theo ngày làm việc từ --start (mặc định ${DEFAULT_START}); hồ sơ đến rải trong --days ngày làm việc.
Cùng --seed cho cùng kết quả (deterministic for a seed); mỗi seed chỉ chạy một lần trên một cơ sở dữ liệu.
Mặc định ghi vào cơ sở dữ liệu riêng <data>/simulation.sqlite, không phải cơ sở dữ liệu thật (DATABASE_URL); đọc báo
cáo bằng motcua report --simulation. Mọi hồ sơ mô phỏng được đánh dấu "simulated": không bao giờ được gửi lên Cổng
DVCQG, nhắn tin hay gửi cổng thanh toán, kể cả khi --database trỏ vào cơ sở dữ liệu thật.
(Files N dossiers with random procedures, channels and intake points, and drives each through the use cases, into
its own database by default, not the live one; simulated dossiers are never sent anywhere.)

  --count N   số hồ sơ (number of dossiers), mặc định 100
  --seed S    hạt giống ngẫu nhiên (random seed), mặc định 1
  --start D   ngày nộp đầu tiên (first filing day)
  --days D    số ngày làm việc hồ sơ đến (working days over which filings arrive), mặc định max(5, N/25), không quá
              ngày 31/12/2099, ngày cuối cùng mã hồ sơ ghi được (at most up to the last day a dossier code can name)
  --database URL  cơ sở dữ liệu đích (target database), mặc định sqlite:<data>/simulation.sqlite?synchronous=NORMAL
  --json      in kết quả dạng JSON (print the summary as JSON)${COMMON_HELP}`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, {
      ...commonOptions,
      count: { type: "string", short: "n" },
      seed: { type: "string" },
      start: { type: "string" },
      days: { type: "string" },
      database: { type: "string" },
      json: { type: "boolean" },
    })
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    const count = positiveInteger("count", values.count, 100)
    const seed = values.seed ?? "1"
    if (seed === "") throw new UsageError("--seed không được rỗng (must not be empty)")
    const start = civilDate("start", values.start) ?? DEFAULT_START
    const days = values.days === undefined ? undefined : positiveInteger("days", values.days, 1)
    const settings = resolveSettings(values, io)
    const { data } = loadDeployment(settings)
    if (values.database === "") throw new UsageError("--database không được rỗng (must not be empty)")
    const target = simulationDatabase(settings, values.database, io.cwd)
    io.err(say(`Mô phỏng ${count} hồ sơ, seed ${seed}, từ ${start}, trên ${displayUrl(target)}`, "simulating"))

    const catalog = CatalogStore.layerFromData({
      catalogue: data.catalogue,
      jurisdiction: data.jurisdiction,
      ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
    })
    const services = Layer.mergeAll(
      // the signed results and the e-wallets the results are returned to, in the simulation's database beside its
      // dossiers (kept in memory they would grow with every dossier of the run)
      Layer.provideMerge(
        Layer.mergeAll(SqlIssuedResultStore.layer, SqlWalletStore.layer),
        storageLayer(
          target,
          target.dialect === "postgres" ? join(settings.dataDir, "simulation-documents") : undefined,
        ),
      ),
      catalog,
      Clock.layerTest(`${start}T01:00:00.000Z`),
      Ids.layer,
      simulationStandIns,
      layerSimulationRun,
    )
    const bar = progressBar(io, say("hồ sơ", "dossiers"))
    const program = Effect.gen(function* () {
      const store = yield* CatalogStore
      return yield* runSimulation({
        count,
        seed,
        start,
        ...(days === undefined ? {} : { days }),
        catalogue: data.catalogue,
        jurisdiction: data.jurisdiction,
        calendar: store.calendar,
        onProgress: bar.update,
      })
    })
    let result: SimulationResult
    try {
      result = await Effect.runPromise(Effect.provide(program, services))
    } finally {
      bar.end()
    }
    printSummary(io, result, values.json === true)
    return result.stuck.length > 0 ? EXIT_FAILURE : EXIT_OK
  },
}

function printSummary(io: Io, result: SimulationResult, json: boolean): void {
  const summary = {
    dossiers: result.dossiers,
    transitions: result.transitions,
    simulatedFrom: result.startedAt,
    simulatedTo: result.endedAt,
    byChannel: result.byChannel,
    byScenario: result.byScenario,
    byFinalState: result.byFinalState,
    synced: result.synced,
    ratings: result.ratings,
    petitions: result.petitions,
    stuck: result.stuck,
  }
  if (json) {
    io.out(JSON.stringify(summary, null, 2))
    return
  }
  io.out(
    say(
      `Đã mô phỏng ${summary.dossiers} hồ sơ, ${summary.transitions} bước chuyển trạng thái`,
      `${summary.dossiers} dossiers, ${summary.transitions} transitions`,
    ),
  )
  // Shown in Vietnam time, like every instant a user reads; the JSON summary keeps ISO instants.
  io.out(
    say(
      `Thời gian mô phỏng: ${vietnamDateTime(summary.simulatedFrom)} → ${vietnamDateTime(summary.simulatedTo)} (giờ Việt Nam)`,
      "simulated time, Vietnam time",
    ),
  )
  const line = (title: string, counts: Record<string, number>) =>
    io.out(
      `${title}: ${Object.entries(counts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    )
  line(say("Kênh", "channel"), summary.byChannel)
  line(say("Tình huống", "scenario"), summary.byScenario)
  line(say("Trạng thái cuối", "final state"), summary.byFinalState)
  io.out(
    say(
      `Đồng bộ Cổng DVCQG (mô phỏng) ${summary.synced}, đánh giá ${summary.ratings}, phản ánh, kiến nghị ${summary.petitions}`,
      "synced (simulated), ratings, petitions",
    ),
  )
  for (const s of summary.stuck) io.err(say(`Hồ sơ ${s.code} bị kẹt: ${s.why}`, "dossier stuck"))
  io.out(
    say(
      "Xem báo cáo: motcua report --simulation, motcua report index --period YYYY-MM --simulation",
      "see the reports",
    ),
  )
}
