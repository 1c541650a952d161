// motcua keys dev-ca: the development CA (a root, an intermediate and a PKCS#12 signing certificate for each demo
// leader, and one for each centre the demo's counter officers work at, which signs its e-receipts under the centre's
// id), so that a demo signs results and receipts like production: MOTCUA_SIGNER_P12_DIR=<dir>/signers,
// MOTCUA_SIGNER_TRUST_ROOTS=<dir>/root.pem. Nothing it makes is trusted outside the demo.
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { DEMO_ACCOUNTS } from "@motcua/api"
import { receiptSignerId } from "@motcua/application"
import { createDevelopmentCa } from "@motcua/signature-x509"
import { EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import type { Command } from "../command.ts"
import { type Io, say } from "../io.ts"

const options = {
  help: { type: "boolean", short: "h" },
  out: { type: "string" },
  password: { type: "string" },
  force: { type: "boolean" },
} as const

const LEADER_ROLES = new Set(["authority-leader", "unit-leader"])

export const keys: Command = {
  name: "keys",
  summary: "khóa và chứng thư số phát triển (development keys and certificates)",
  help: `Cách dùng (usage): motcua keys dev-ca [--out <thư mục>] [--password <mật khẩu>] [--force]

Tạo CA phát triển: root.pem, intermediate.pem, signers/<mã cán bộ>.p12 cho mỗi lãnh đạo demo và
signers/<mã trung tâm>.p12 cho mỗi trung tâm (ký biên lai điện tử)
(creates the development CA: root.pem, intermediate.pem, signers/<account id>.p12 for each demo leader and
signers/<centre id>.p12 for each demo centre, which signs its e-receipts).
Dùng với / use with: MOTCUA_SIGNER_P12_DIR=<out>/signers MOTCUA_SIGNER_P12_PASSWORD=<password>
                     MOTCUA_SIGNER_TRUST_ROOTS=<out>/root.pem
  --out        thư mục ghi (folder to write; default ./data/dev-ca)
  --password   mật khẩu các tệp PKCS#12 (the PKCS#12 files' password; default motcua-dev)
  --force      ghi đè CA đã có (replace an existing CA)
  -h, --help   trợ giúp (this help)`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, options)
    if (positionals[0] !== "dev-ca" || positionals.length > 1)
      throw new UsageError("chỉ có lệnh con dev-ca (the only subcommand is dev-ca)")
    const out = resolve(io.cwd, values.out ?? join("data", "dev-ca"))
    if (existsSync(join(out, "root.pem")) && values.force !== true) {
      io.err(
        say(
          `đã có CA phát triển ở ${out} (dùng --force để tạo lại)`,
          "a development CA exists there; --force replaces it",
        ),
      )
      io.out(out)
      return EXIT_OK
    }
    const leaders = DEMO_ACCOUNTS.filter((a) => a.roles.some((r) => LEADER_ROLES.has(r)))
    // the collecting centres sign their e-receipts with their own certificate, filed under the centre's id
    const centres = [
      ...new Set(
        DEMO_ACCOUNTS.filter((a) => a.roles.includes("counter-officer")).flatMap((a) =>
          a.scope._tag === "Staff" ? a.scope.intakePointIds : [],
        ),
      ),
    ]
    const ca = createDevelopmentCa(
      [
        ...leaders.map((a) => ({ signerId: a.id, name: a.displayName, organisation: "motcua demo" })),
        ...centres.map((id) => ({
          signerId: receiptSignerId(id),
          name: `Trung tâm Phục vụ hành chính công ${id}`,
          organisation: "motcua demo",
        })),
      ],
      values.password === undefined ? {} : { password: values.password },
    )
    mkdirSync(join(out, "signers"), { recursive: true, mode: 0o700 })
    writeFileSync(join(out, "root.pem"), ca.rootPem)
    writeFileSync(join(out, "intermediate.pem"), ca.intermediatePem)
    for (const [id, file] of ca.signers) writeFileSync(join(out, "signers", `${id}.p12`), file.p12, { mode: 0o600 })
    io.err(
      say(
        `đã tạo CA phát triển và ${ca.signers.size} chứng thư ký (${[...ca.signers.keys()].join(", ")}) ở ${out}`,
        "development CA and signing certificates written",
      ),
    )
    io.out(out)
    return EXIT_OK
  },
}
