// How many pages a digitised paper has, read from its bytes: an image is one page; a PDF's page objects
// (`/Type /Page`) are counted in the file and inside its compressed object streams (FlateDecode, which pdf-lib and
// most scanners' software write), so the count does not depend on how the file was saved. A PDF whose pages cannot
// be found this way (encrypted, another filter) has no count: the number the digitiser gives is then taken as said.
import { inflateSync } from "node:zlib"
import type { DocumentMediaType } from "../ports/records.ts"

const PAGE = /\/Type\s*\/Page(?![A-Za-z])/g
// "endstream" is not the start of a stream (matching it would misplace every stream after the first)
const STREAM = /(?<!end)stream\r?\n/g

const pagesIn = (text: string): number => text.match(PAGE)?.length ?? 0

/** The number of pages of the document, or undefined when a PDF's page tree cannot be read without a full parser. */
export function countPages(bytes: Uint8Array, mediaType: DocumentMediaType): number | undefined {
  if (mediaType !== "application/pdf") return 1
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const text = buffer.toString("latin1")
  let pages = 0
  let plain = ""
  let from = 0
  // the text outside streams is read as is; each stream's content is inflated when it is compressed
  for (const match of text.matchAll(STREAM)) {
    const start = (match.index ?? 0) + match[0].length
    if (start < from) continue
    const end = text.indexOf("endstream", start)
    if (end < 0) break
    plain += text.slice(from, match.index)
    const head = text.slice(Math.max(from, (match.index ?? 0) - 300), match.index)
    if (/\/Type\s*\/ObjStm/.test(head) && /\/FlateDecode/.test(head)) {
      try {
        pages += pagesIn(inflateSync(buffer.subarray(start, end)).toString("latin1"))
      } catch {
        // not a stream zlib reads (a truncated or differently filtered one): its pages, if any, stay uncounted
      }
    }
    from = end + "endstream".length
  }
  plain += text.slice(from)
  pages += pagesIn(plain)
  return pages > 0 ? pages : undefined
}
