// Document files as a hand-written store writes them (the same system calls as storage-sql's document-files.ts):
// `<dir>/<first two characters>/<id>`, written to a temporary name, synced, linked into place (never over another
// file), the temporary name removed and the folder synced. Both floors' signature step stores the signed PDF so.
import { randomBytes } from "node:crypto"
import { link, mkdir, open, readFile, rm } from "node:fs/promises"
import { join } from "node:path"

export const floorDocumentPath = (dir: string, id: string) => join(dir, id.slice(0, 2), id)

export async function writeFloorDocument(dir: string, id: string, bytes: Uint8Array): Promise<void> {
  const folder = join(dir, id.slice(0, 2))
  const target = join(folder, id)
  await mkdir(folder, { recursive: true })
  const temp = `${target}.tmp-${randomBytes(6).toString("hex")}`
  const file = await open(temp, "wx")
  try {
    await file.writeFile(bytes)
    await file.sync()
  } finally {
    await file.close()
  }
  await link(temp, target)
  await rm(temp, { force: true })
  const handle = await open(folder, "r")
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export const readFloorDocument = (dir: string, id: string) => readFile(floorDocumentPath(dir, id))
