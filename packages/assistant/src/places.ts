// Finding the citizen's commune or ward in a question: today's unit names, and the names of before the July 2025
// arrangement mapped to the units that took them over. A name must be preceded by its kind or by "ở"/"tại" ("phường
// Hồng Hà", "ở Cô Tô") unless it is one of today's units written in full, so that ordinary words that happen to be
// an old commune's name ("thống nhất", "đoàn kết") are not read as a place. Written without diacritics, even
// today's names need the kind or "o"/"tai": "dang ky thuong tru" holds "ky thuong", which is not Xã Kỳ Thượng.
import type { AdministrativeUnit } from "@motcua/domain"
import { foldedPhrase, syllables } from "./text.ts"

export interface FormerUnitName {
  readonly name: string
  readonly formerDistrict?: string
  readonly unitCodes: ReadonlyArray<string>
  readonly unverified?: string
}

export interface PlaceMatch {
  readonly unit: AdministrativeUnit
  /** The old name the citizen used, when it was one. */
  readonly formerName?: string
  readonly unverified?: string
  /** The folded words of the question that named the place (removed before searching procedures). */
  readonly phrase: string
}

const KIND_WORDS = ["phuong", "xa", "thi tran", "huyen", "dac khu", "thanh pho", "tp", "thi xa", "o", "tai", "in"]
const KIND_PREFIX = /^(phuong|xa|thi tran|huyen|dac khu|thanh pho|thi xa)\s+/u

const bareName = (name: string) => syllables(name).join(" ").replace(KIND_PREFIX, "")

export interface PlaceFinder {
  readonly find: (question: string) => PlaceMatch | undefined
}

export function makePlaceFinder(
  units: ReadonlyArray<AdministrativeUnit>,
  formerUnits: ReadonlyArray<FormerUnitName>,
): PlaceFinder {
  const byCode = new Map(units.map((u) => [u.code, u]))
  interface Entry {
    readonly bare: string
    readonly unit: AdministrativeUnit
    readonly former?: FormerUnitName
    readonly needsKind: boolean
    /** The name without its kind, lower case with its diacritics, for a bare mention. */
    readonly exact: string
  }
  const entries: Entry[] = []
  const exactName = (name: string) =>
    ` ${name
      .normalize("NFC")
      .toLowerCase()
      .replace(/^(phường|xã|đặc khu)\s+/u, "")} `
  for (const u of units) entries.push({ bare: bareName(u.name), unit: u, needsKind: false, exact: exactName(u.name) })
  for (const f of formerUnits) {
    const unit = byCode.get(f.unitCodes[0] ?? "")
    if (unit !== undefined) entries.push({ bare: bareName(f.name), unit, former: f, needsKind: true, exact: "" })
  }
  // The former districts, by their folded names with their kind ("huyen van don"): a commune's name is often
  // followed by its old district ("xã Minh Châu huyện Vân Đồn cũ"), which belongs to the place, not to the question.
  const districts = [
    ...new Set(
      [
        ...formerUnits.flatMap((f) => (f.formerDistrict === undefined ? [] : [f.formerDistrict])),
        ...formerUnits.map((f) => f.name).filter((n) => /^(huyện|thành phố|thị xã)\s/iu.test(n)),
      ].map((n) => syllables(n).join(" ")),
    ),
  ]
  const withDistrict = (folded: string, phrase: string): string => {
    const after = (tail: string) => folded.includes(` ${phrase} ${tail} `)
    const district = districts.find((d) => after(d) || after(`${d} cu`))
    const tail = district === undefined ? "" : after(`${district} cu`) ? ` ${district} cu` : ` ${district}`
    return district === undefined && after("cu") ? `${phrase} cu` : `${phrase}${tail}`
  }
  // Longest names first: "móng cái 1" before "móng cái"; today's names before old ones of the same length.
  entries.sort((a, b) => b.bare.length - a.bare.length || Number(a.needsKind) - Number(b.needsKind))

  const find = (question: string): PlaceMatch | undefined => {
    const folded = foldedPhrase(question)
    const written = ` ${question
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")} `
    for (const e of entries) {
      const withKind = KIND_WORDS.map((k) => ` ${k} ${e.bare} `).find((p) => folded.includes(p))
      const phrase = withKind ?? (!e.needsKind && written.includes(e.exact) ? ` ${e.bare} ` : undefined)
      if (phrase === undefined) continue
      const base = { unit: e.unit, phrase: withDistrict(folded, phrase.trim()) }
      if (e.former === undefined) return base
      return {
        ...base,
        formerName: e.former.name,
        ...(e.former.unverified === undefined ? {} : { unverified: e.former.unverified }),
      }
    }
    return undefined
  }
  return { find }
}
