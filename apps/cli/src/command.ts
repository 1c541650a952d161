// The shape of a subcommand: its name, a one-line summary for `motcua --help`, its own help text, and `run`, which
// answers an exit code (0 ok, 1 failure; a UsageError thrown from it becomes 2).
import type { Io } from "./io.ts"

export interface Command {
  readonly name: string
  readonly summary: string
  readonly help: string
  readonly run: (args: ReadonlyArray<string>, io: Io) => Promise<number>
}

/** The lines every command's help ends with: the data folder and the database. */
export const COMMON_HELP = `
Tùy chọn chung (common options):
  --data <thư mục>   thư mục dữ liệu (data folder), mặc định ./data hoặc MOTCUA_DATA
  -h, --help         trợ giúp (this help)
Môi trường (environment):
  DATABASE_URL       postgres://… cho PostgreSQL; mặc định sqlite:<data>/motcua.sqlite
                     (sqlite:<tệp>?synchronous=NORMAL|FULL)`
