// Debian's Chromium (the `chromium` package, listed in scripts/system-packages.txt) driven by playwright-core: no
// browser is ever downloaded. /usr/bin/chromium is a shell wrapper; playwright needs the binary itself.
import { existsSync } from "node:fs"
import { type Browser, chromium } from "playwright-core"

const CANDIDATES = [process.env.MOTCUA_CHROMIUM, "/usr/lib/chromium/chromium", "/usr/bin/chromium"]

export function chromiumPath(): string {
  const found = CANDIDATES.find((path): path is string => path !== undefined && path !== "" && existsSync(path))
  if (found === undefined)
    throw new Error(
      "Chromium not found: install Debian's chromium (bash scripts/system-packages.sh) or set MOTCUA_CHROMIUM",
    )
  return found
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
  return chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-dev-shm-usage"] })
}
