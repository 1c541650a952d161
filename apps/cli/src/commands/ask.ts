// motcua ask "<câu hỏi>": asks the citizen assistant (docs/assistant.md) from the command line, over the catalogue in
// use, and prints its answer (Vietnamese, then English with --en; the structured answer with --json). A follow-up is
// asked by passing back the conversation id the answer printed (--conversation); the dialogue state lives in the
// process, so the CLI keeps it only within one run — with several questions, each is asked in turn in one conversation.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { assistantsFor } from "@motcua/api"
import { DATA_DIR } from "@motcua/catalog-quangninh"
import { commonOptions, EXIT_FAILURE, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import { readCatalogue, shown } from "../catalogue-files.ts"
import { COMMON_HELP, type Command } from "../command.ts"
import { type Io, say } from "../io.ts"
import { activeCatalogueDir, resolveSettings } from "../settings.ts"

const HELP = `Cách dùng (usage):
  motcua ask "<câu hỏi>" ["<câu trả lời tiếp>" …] [--json] [--en] [--now <thời điểm ISO>]

Hỏi trợ lý ảo về thủ tục hành chính, trả lời từ danh mục đang dùng (ask the citizen assistant; answers come from the
catalogue in use). Mỗi câu sau là câu trả lời cho câu hỏi lại của trợ lý, trong cùng hội thoại (each further argument
answers the assistant's follow-up, in the same conversation), ví dụ:
  motcua ask "đăng ký khai tử" "2"
Tùy chọn (options):
  --json             in câu trả lời có cấu trúc (print the structured answer)
  --en               in cả phần tiếng Anh (also print the English text)
  --now <ISO>        thời điểm hỏi, để tính ngày hẹn (the moment of the question; default: now)${COMMON_HELP}`

export const ask: Command = {
  name: "ask",
  summary: "hỏi trợ lý ảo về thủ tục (ask the citizen assistant)",
  help: HELP,
  async run(args: ReadonlyArray<string>, io: Io): Promise<number> {
    const { values, positionals } = parseCommandLine(args, {
      ...commonOptions,
      json: { type: "boolean" },
      en: { type: "boolean" },
      now: { type: "string" },
    })
    if (positionals.length === 0) throw new UsageError("thiếu câu hỏi (missing question)")
    const now = values.now ?? new Date().toISOString()
    if (Number.isNaN(Date.parse(now))) throw new UsageError(`--now không phải thời điểm ISO (not an instant): ${now}`)
    const settings = resolveSettings(values, io)
    const source = activeCatalogueDir(settings)
    const checked = readCatalogue(source, shown(source, io.cwd))
    if (!checked.ok) {
      for (const p of checked.problems) io.err(`${p.path}: ${p.message}`)
      io.err(say("Danh mục không hợp lệ", "catalogue invalid"))
      return EXIT_FAILURE
    }
    const { catalogue, jurisdiction, holidays } = checked.data
    const assistant = assistantsFor({
      catalogue,
      jurisdiction,
      ...(holidays === undefined ? {} : { holidays }),
      // The vocabulary and old unit names of the catalogue in use, else the sample's.
      dataDir: existsSync(join(source, "assistant.json")) ? source : DATA_DIR,
    })(new Date(Date.parse(now) + 7 * 3_600_000).toISOString().slice(0, 10))
    let conversationId: string | undefined
    for (const question of positionals) {
      const answer = assistant.ask({ question, now, ...(conversationId === undefined ? {} : { conversationId }) })
      conversationId = answer.conversationId
      if (values.json === true) io.out(JSON.stringify(answer, null, 2))
      else {
        if (positionals.length > 1) io.out(`> ${question}`)
        for (const notice of answer.notices) io.out(`(${notice})`)
        io.out(answer.text)
        if (values.en === true) io.out(`\n${answer.textEn}`)
      }
    }
    return EXIT_OK
  },
}
