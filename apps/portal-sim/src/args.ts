// The simulator's command line, shared by `node apps/portal-sim/src/main.ts` and `motcua portal-sim`.
import { parseArgs } from "node:util"
import { FAULT_KINDS, type FaultKind, type SimOptions } from "./server.ts"

export const SIM_HELP = `Cách dùng (usage): motcua portal-sim [--port P] [--host H] [--fail-rate R] [--faults K,K] [--latency-ms MS]
                  [--hang-ms MS] [--duplicates N] [--session-ttl-ms MS] [--username U] [--password P]
                  [--dstcode D] [--unit-code M]

Cổng Dịch vụ công quốc gia giả lập (a stand-in national portal, DVCQG contract): đăng nhập (/auth), DongBoHoSoMC,
CapNhatTienDoHoSoMC, TraCuuHoSo, hàng đợi hồ sơ nộp trực tuyến; kiểm tra mọi trường; lỗi giả lập theo cờ.
Xem (inspect): GET /sim/dossiers/{MaHoSo}, GET /sim/stats; thêm hồ sơ nộp trên cổng: POST /sim/inbound.

  --port P           cổng (port), mặc định 8090; 0 = cổng trống bất kỳ
  --host H           địa chỉ lắng nghe (interface), mặc định 127.0.0.1
  --fail-rate R      tỉ lệ lời gọi gặp lỗi (share of calls that meet a fault), 0–1, mặc định 0
  --faults K,K       loại lỗi (kinds): ${FAULT_KINDS.join(",")} (mặc định tất cả)
  --latency-ms MS    độ trễ mỗi lời gọi (latency), mặc định 0
  --hang-ms MS       lỗi timeout giữ lời gọi bao lâu (how long a timeout fault holds a call), mặc định 5000
  --duplicates N     mỗi hồ sơ nộp trực tuyến được giao N lần mỗi lượt (duplicate inbound deliveries), mặc định 1
  --session-ttl-ms MS  thời hạn phiên (session lifetime), mặc định 3600000
  --username U --password P   tài khoản được chấp nhận, mặc định motcua / motcua
  --dstcode D        yêu cầu header dstcode này (require this dstcode header)
  --unit-code M      yêu cầu madonvi này (require this madonvi)`

export class SimUsageError extends Error {}

const number = (
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.POSITIVE_INFINITY,
) => {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max)
    throw new SimUsageError(`--${name} phải là số từ ${min} đến ${max} (must be a number in range), nhận "${raw}"`)
  return value
}

/** Options from the command line; throws SimUsageError with the reason. */
export function parseSimArgs(args: ReadonlyArray<string>): SimOptions & { port: number; hostname: string } {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "fail-rate": { type: "string" },
      faults: { type: "string" },
      "latency-ms": { type: "string" },
      "hang-ms": { type: "string" },
      duplicates: { type: "string" },
      "session-ttl-ms": { type: "string" },
      username: { type: "string" },
      password: { type: "string" },
      dstcode: { type: "string" },
      "unit-code": { type: "string" },
    },
  })
  if (positionals.length > 0) throw new SimUsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
  const kinds = values.faults === undefined ? FAULT_KINDS : values.faults.split(",").map((k) => k.trim())
  for (const kind of kinds)
    if (!FAULT_KINDS.includes(kind as FaultKind))
      throw new SimUsageError(`--faults: "${kind}" không phải loại lỗi (not a fault kind): ${FAULT_KINDS.join(", ")}`)
  return {
    port: number("port", values.port, 8090, 0, 65535),
    hostname: values.host ?? "127.0.0.1",
    faults: {
      failRate: number("fail-rate", values["fail-rate"], 0, 0, 1),
      kinds: kinds as FaultKind[],
      latencyMs: number("latency-ms", values["latency-ms"], 0, 0),
      hangMs: number("hang-ms", values["hang-ms"], 5_000, 0),
      duplicateDeliveries: number("duplicates", values.duplicates, 1, 1),
    },
    sessionTtlMs: number("session-ttl-ms", values["session-ttl-ms"], 3_600_000, 1),
    ...(values.username === undefined ? {} : { username: values.username }),
    ...(values.password === undefined ? {} : { password: values.password }),
    ...(values.dstcode === undefined ? {} : { dstcode: values.dstcode }),
    ...(values["unit-code"] === undefined ? {} : { unitCode: values["unit-code"] }),
  }
}
