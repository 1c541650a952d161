// The API's runtime for the commands that work on the deployment's data through the use cases (outbox, portal), over
// the CLI's database and catalogue, with the portal and relay settings from the environment as the server reads
// them. It imports the runtime pieces of @motcua/api only (relay-process), not the HTTP app.
import { ConfigurationError, createRuntime, jsonLogger, settingsFromEnvironment } from "@motcua/api/relay-process"
import { UsageError } from "./args.ts"
import { loadDeployment } from "./deployment.ts"
import type { Io } from "./io.ts"
import { documentsDirOf, resolveSettings } from "./settings.ts"

/** The operator acting from the command line: the province administrator (it holds the database already). */
export const CLI_OPERATOR = {
  id: "cli:operator",
  roles: ["province-admin"],
  scope: { _tag: "Staff", level: "province", agencyCodes: [], unitCodes: [], intakePointIds: [] },
} as const

/** The API's runtime over the CLI's database and catalogue, the portal and relay settings from the environment. */
export async function cliRuntime(values: { readonly data?: string | undefined }, io: Io) {
  let env: ReturnType<typeof settingsFromEnvironment>
  try {
    env = settingsFromEnvironment(io.env)
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message)
    throw error
  }
  const settings = resolveSettings(values, io)
  const { data } = loadDeployment(settings)
  const documentsDir = documentsDirOf(settings)
  const runtime = await createRuntime({
    databaseUrl: settings.databaseUrl,
    data,
    logger: jsonLogger(io.err),
    ...(documentsDir === undefined ? {} : { documentsDir }),
    ...(env.portal === undefined ? {} : { portal: env.portal }),
    ...(env.developmentKeysDir === undefined ? {} : { developmentKeysDir: env.developmentKeysDir }),
  })
  return { runtime, env, settings }
}
