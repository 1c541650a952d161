// Running a use case from a route: over the app's runtime, or a 503 problem when the app has none.
import type { Effect, Result } from "effect"
import { Result as R } from "effect"
import type { ApiDeps } from "../deps.ts"
import { ApiProblem } from "../problem.ts"
import type { AppServices } from "../runtime.ts"

export const runUseCase = <A, E>(
  deps: ApiDeps,
  program: Effect.Effect<A, E, AppServices>,
): Promise<Result.Result<A, E | ApiProblem>> =>
  deps.runtime === undefined
    ? Promise.resolve(
        R.fail(
          new ApiProblem({
            kind: "unavailable",
            detail: "Máy chủ chạy không có cơ sở dữ liệu: chức năng này không khả dụng (no application runtime).",
          }),
        ),
      )
    : deps.runtime.run(program)
