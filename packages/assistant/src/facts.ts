// The fee facts a question gives in words: "3 bản sao", "hai bản sao", "2 trang", "giá trị 500 triệu", "nhà 120
// m2", "4 người", and the categories of applicant a fee exempts that it names ("hộ nghèo", "người khuyết tật").
// Only what is written is taken; a count that is missing is assumed to be one and said so (see assistant.ts).
import { foldText } from "@motcua/domain"
import { askedAge } from "./retrieval.ts"

export interface QuestionFacts {
  readonly quantities?: {
    readonly copy?: number
    readonly page?: number
    readonly person?: number
    readonly certificate?: number
    readonly item?: number
    readonly vehicle?: number
  }
  readonly declaredValue?: number
  readonly area?: number
  /** Categories of applicant the question says the citizen belongs to, as the fee items' exemptions name them. */
  readonly categories?: ReadonlyArray<string>
}

type Unit = keyof NonNullable<QuestionFacts["quantities"]>

// Counts written as words, Vietnamese (folded) and English: only before a unit of two syllables or an English unit,
// where they cannot be read otherwise ("hai bản sao", "ba người"; but "bà" or "năm" before "bản" are not counts).
const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
}
const WORD = Object.keys(NUMBER_WORDS).join("|")

const COUNTS: ReadonlyArray<readonly [RegExp, Unit]> = [
  // A set of copies ("2 bộ", "two sets") is a copy too; not "bộ" of "bố mẹ" typed without diacritics.
  [/(\d{1,4})\s*(ban sao|ban|bo(?! me\b| con\b)|copies|copy|sets?)\b/u, "copy"],
  [new RegExp(`\\b(${WORD}) (ban sao|copies|copy|bo(?! me\\b| con\\b)|sets?)\\b`, "u"), "copy"],
  [/(\d{1,4})\s*(trang|pages?|sheets?)\b/u, "page"],
  [new RegExp(`\\b(${WORD}) (trang|pages?|sheets?)\\b`, "u"), "page"],
  // People counted by what they are, too: "25 công nhân", "10 lao động", "8 thợ", "4 sinh viên", "12 workers", "5 khẩu".
  [
    /(\d{1,4})\s*(nguoi|persons?|people|nhan khau|khau|cong nhan|lao dong|nhan cong|tho|nhan vien|sinh vien|hoc sinh|workers?|employees?|students?)\b/u,
    "person",
  ],
  [
    new RegExp(
      `\\b(${WORD}) (nguoi|nhan khau|cong nhan|lao dong|nhan cong|tho|nhan vien|sinh vien|hoc sinh|persons?|people|workers?|employees?|students?)\\b`,
      "u",
    ),
    "person",
  ],
  [/(\d{1,4})\s*(phieu|certificates?)\b/u, "certificate"],
  [/(\d{1,4})\s*(xe|vehicles?)\b/u, "vehicle"],
]

// The categories of applicant the catalogue's fee exemptions name, and how a question says it belongs to one:
// whole words only, never guessed from a relation ("con" is not a child under the law, "bố" is not elderly).
const CATEGORIES: ReadonlyArray<readonly [RegExp, ReadonlyArray<string>]> = [
  [/\bho ngheo\b|\bpoor household/u, ["poor-household"]],
  // "tàn tật" is the older word for it.
  [/\bkhuyet tat\b|\btan tat\b|\bdisabilit|\bdisabled\b/u, ["person-with-disability"]],
  [
    /\bnguoi co cong\b|\bco cong voi cach mang\b|\bthuong binh\b|\bbenh binh\b|\bliet si\b|\bme viet nam anh hung\b|\bchat doc (da cam|hoa hoc)\b|\bwar invalid|\bmartyr/u,
    [
      "person-with-revolutionary-merit-and-relatives",
      "person-with-revolutionary-merit-family",
      "student-or-person-with-merit",
    ],
  ],
  // Pupils and students share one reduction with people of merit (the judicial record's fee).
  [/\bsinh vien\b|\bhoc sinh\b|\bstudents?\b|\bpupils?\b/u, ["student-or-person-with-merit"]],
  // Permanent residents of a border commune or an island district (now a special zone, "đặc khu"): said in words,
  // not taken from the place the question names alone (where one files is not where one lives: "làm lại căn cước ở
  // đặc khu Cô Tô"); a special zone or an island is where the citizen lives when they say so ("mình ở đặc khu", "dân
  // ở đảo"; by the place's kind: withResidence). "người Dao" is a people, not an island's.
  [
    /\b(xa|vung|khu vuc) bien gioi\b|\b(huyen|xa|song tren|o tren|ngoai) dao\b|\b(dan|nha|song|toi|minh|em) (o )?(tren )?dao\b|\bnguoi o (tren )?dao\b|\b(toi|minh|em|nha|song|thuong tru|ho khau) (o|tai) dac khu\b|\bborder (commune|area)|\bisland (district|commune)|\b(live|living) (in|on) (a|the) special zone\b|\bon an island\b/u,
    ["border-or-island-resident"],
  ],
  [/\bmo coi\b|\borphan/u, ["orphan-under-18"]],
  // A newborn is a child by its age, whoever's it is ("con mới sinh", "bé sơ sinh", "newborn").
  [/\btre em\b|\b(moi sinh|so sinh|moi de|vua sinh|vua de)\b|\bnew ?born/u, ["child"]],
  [/\bnguoi cao tuoi\b|\bnguoi gia\b|\belderly\b/u, ["elderly"]],
  // "vùng khó khăn", "miền núi", "hải đảo", "ở đảo" too: the one fee that reduces for it (the pharmacy's appraisal,
  // Thông tư 277/2016/TT-BTC) names areas of hardship, mountains and islands with those of special hardship, where
  // the shop is.
  [
    /\bdac biet kho khan\b|\b(vung|xa|dia ban) kho khan\b|\bmien nui\b|\bvung (cao|sau|nui)\b|\b(hai|o|tren|ngoai) dao\b/u,
    ["hardship-area"],
  ],
]
const CHILD_BELOW = 16
const ELDERLY_FROM = 60
// An ethnic minority, said as such or by its people's name after "dân tộc" or "người" (those of Quảng Ninh and the
// largest of the country's 53: "người dân tộc Dao", "người Dao", "dân tộc Sán Dìu"); never the Kinh, nor Thailand's
// people ("người Thái Lan").
const ETHNIC_MINORITY =
  /\b(dan toc|nguoi) (thieu so|dao|tay|nung|san diu|san chi|hoa|cao lan|muong|thai(?! lan)|h ?mong|mong|khmer|cham|ede|gia rai|ba na|xo dang|co ho|hre|ra glai|gie trieng)\b|\bethnic minorit/u

/**
 * The question without the counts it gives before what they count ("chứng thực 4 bản sao" → "chứng thực bản sao",
 * "cho 12 công nhân"): read for the fee (readFacts), they are noise to the search and break the phrases they sit in.
 */
export function withoutCounts(question: string): string {
  return question
    .replace(
      /(^|\s)\d{1,4}\s*(?=(bản|ban|bộ|trang|tờ|phiếu|phieu|người|nguoi|công nhân|cong nhan|copies|copy|sets?|pages?|sheets?)(\s|$|[,.;!?]))/giu,
      "$1",
    )
    .replace(/\s+/gu, " ")
    .trim()
}

const LEADING = new Set(["nguoi", "cho", "cua"])

/**
 * The question without the words that name a category of applicant (CATEGORIES: "thương binh", "hộ nghèo", "người
 * cao tuổi"): who asks, not what is asked for ("thương binh đổi thẻ căn cước có mất phí không" asks for the ID card).
 * Each whitespace-separated word of the question that a category's words cover is dropped, with the "người", "cho",
 * "của" that lead to them, its punctuation kept; the question is returned as it is when it names none.
 */
export function withoutApplicant(question: string): string {
  const written = question.split(/(\s+)/u)
  // The folded words, joined by one space, and where each written word starts in them.
  const starts: number[] = []
  let folded = " "
  written.forEach((w, i) => {
    starts[i] = folded.length
    if (i % 2 === 0)
      folded += `${foldText(w)
        .replace(/[^a-z0-9]+/gu, " ")
        .trim()} `
  })
  const dropped = new Set<number>()
  for (const [pattern] of CATEGORIES)
    for (const m of folded.matchAll(new RegExp(pattern.source, "gu"))) {
      const [from, to] = [m.index, m.index + m[0].length]
      written.forEach((_, i) => {
        const end = (starts[i + 2] ?? folded.length) - 1
        if (i % 2 === 0 && (starts[i] as number) < to && end > from) dropped.add(i)
      })
    }
  if (dropped.size === 0) return question
  // With the words that lead to them: "cho người khuyết tật", "của hộ nghèo" ("cho người" would read as the first ID
  // card's name, "cấp thẻ căn cước cho người …").
  for (const i of [...dropped].sort((a, b) => b - a))
    for (let j = i - 2; j >= 0 && !dropped.has(j) && LEADING.has(foldText(written[j] as string)); j -= 2) dropped.add(j)
  return written
    .map((w, i) => (dropped.has(i) ? w.replace(/[\p{L}\p{N}]+/gu, "") : w))
    .join("")
    .replace(/\s+/gu, " ")
    .replace(/\s+(?=[,.;!?])/gu, "")
    .replace(/^[\s,.;!?]+/u, "")
    .trim()
}

// Said of the place the question names: the citizen lives there ("dân Vân Đồn", "sống ở Cô Tô", "hộ khẩu ở …"); a
// bare "tôi ở xã …" may be where they are, not where they live, and is not taken.
const LIVES_THERE = /\b(dan|nguoi dan|song|thuong tru|ho khau|nha (toi|minh|em))\b/u

/**
 * The facts with the category of a special zone's resident added when the place the question names is a special zone
 * (the island districts of before, "đặc khu") and the question says the citizen lives there: the exemption is for
 * its permanent residents, and "dân Vân Đồn" says so where "làm căn cước ở Vân Đồn" (where one files) does not.
 */
export function withResidence(
  facts: QuestionFacts,
  question: string,
  unit: { readonly kind: string } | undefined,
): QuestionFacts {
  const text = ` ${foldText(question).replace(/[^a-z0-9]+/gu, " ")} `
  if (unit?.kind !== "special-zone" || !LIVES_THERE.test(text)) return facts
  const categories = [...new Set([...(facts.categories ?? []), "border-or-island-resident"])].sort()
  return { ...facts, categories }
}

/** The categories of applicant a question names (see CATEGORIES), in a stable order. */
export function readCategories(question: string): string[] {
  const text = ` ${foldText(question).replace(/[^a-z0-9]+/gu, " ")} `
  const out = new Set<string>()
  for (const [pattern, categories] of CATEGORIES) if (pattern.test(text)) for (const c of categories) out.add(c)
  // An age the question gives is a fact of the law's categories: a child is under 16 (Luật Trẻ em 2016, Điều 1), an
  // elderly person 60 or over (Luật Người cao tuổi 2009, Điều 2). A relation alone ("bà", "con") says no age.
  const age = askedAge(question)
  if (age !== undefined && age < CHILD_BELOW) out.add("child")
  if (age !== undefined && age >= ELDERLY_FROM) out.add("elderly")
  // The exemption is for an ethnic minority in a commune of special hardship: both must be said (mere hardship, "vùng
  // khó khăn", is not enough).
  if (ETHNIC_MINORITY.test(text) && /\bdac biet kho khan\b/u.test(text)) out.add("ethnic-minority-hardship-area")
  return [...out].sort()
}

export function readFacts(question: string, previous?: QuestionFacts): QuestionFacts {
  const text = foldText(question)
  const quantities: Record<string, number> = { ...previous?.quantities }
  for (const [pattern, unit] of COUNTS) {
    const m = pattern.exec(text)
    const n = m?.[1] === undefined ? undefined : (NUMBER_WORDS[m[1]] ?? Number(m[1]))
    if (n !== undefined && quantities[unit] === previous?.quantities?.[unit]) quantities[unit] = n
  }
  const area = /(\d{1,6}(?:[.,]\d+)?)\s*(m2|m²|met vuong|square met)/u.exec(text)
  const value = /(\d{1,9}(?:[.,]\d+)?)\s*(ty|trieu|nghin|dong|d)\b/u.exec(text)
  const multiplier: Record<string, number> = { ty: 1e9, trieu: 1e6, nghin: 1e3, dong: 1, d: 1 }
  const out: {
    quantities?: Record<string, number>
    declaredValue?: number
    area?: number
    categories?: ReadonlyArray<string>
  } = {}
  if (Object.keys(quantities).length > 0) out.quantities = quantities
  if (area?.[1] !== undefined) out.area = Number(area[1].replace(",", "."))
  else if (previous?.area !== undefined) out.area = previous.area
  if (value?.[1] !== undefined && value[2] !== undefined)
    out.declaredValue = Math.round(Number(value[1].replace(",", ".")) * (multiplier[value[2]] ?? 1))
  else if (previous?.declaredValue !== undefined) out.declaredValue = previous.declaredValue
  const categories = [...new Set([...(previous?.categories ?? []), ...readCategories(question)])].sort()
  if (categories.length > 0) out.categories = categories
  return out
}
