// The words retrieval reads (text.ts) and the two stages of ranking (retrieval.ts), on the Quảng Ninh catalogue.
import { describe, expect, it } from "vitest"
import { quangNinhAssistantData } from "./quangninh.test-support.ts"
import { ageRange, askedAge, excludedPairs, inForce, makeRetriever } from "./retrieval.ts"
import { initials, isVietnameseSyllable, oneSoundApart, soundKey, stem, withoutPhrase } from "./text.ts"

describe("words", () => {
  it("tells a Vietnamese syllable from an English word or an acronym", () => {
    for (const s of ["nghieng", "khuyen", "truong", "can", "cuoc", "a", "oai", "gi", "14"])
      expect(isVietnameseSyllable(s), s).toBe(true)
    for (const s of ["register", "birth", "card", "thcs", "cccd", "gcn", "qsdd"])
      expect(isVietnameseSyllable(s), s).toBe(false)
  })

  it("cuts English words to one stem, and leaves Vietnamese syllables alone", () => {
    expect(new Set(["register", "registration", "registering", "registered"].map(stem))).toEqual(new Set(["regist"]))
    expect(stem("certificate")).toBe(stem("certified"))
    expect(stem("marriage")).toBe(stem("married"))
    // A consonant doubled before an ending is one.
    expect(stem("splitting")).toBe(stem("split"))
    expect(stem("stopped")).toBe(stem("stop"))
    expect(stem("filling")).toBe(stem("fill"))
    for (const s of ["khuyen", "truong", "nghieng"]) expect(stem(s)).toBe(s)
  })

  it("gives syllables misspelt by ear one sound", () => {
    expect(soundKey("tru")).toBe(soundKey("chu"))
    // kh is a sound of its own: "khu công nghiệp" is not corrected into "trú"
    expect(soundKey("khu")).not.toBe(soundKey("chu"))
    expect(soundKey("kinh")).toBe(soundKey("cinh"))
    expect(soundKey("sinh")).toBe(soundKey("sing"))
    expect(soundKey("can")).toBe(soundKey("cang"))
    expect(soundKey("dat")).toBe(soundKey("dac"))
    expect(soundKey("lam")).toBe(soundKey("nam"))
    expect(soundKey("tru")).not.toBe(soundKey("tu"))
  })

  it("takes a syllable for another misheard only when one confusion sets them apart, not two", () => {
    expect(oneSoundApart("chu", "tru")).toBe(true)
    expect(oneSoundApart("kin", "kinh")).toBe(true)
    expect(oneSoundApart("rieng", "rien")).toBe(true)
    // initial and final both: another word
    expect(oneSoundApart("rieng", "dien")).toBe(false)
    expect(oneSoundApart("khu", "chu")).toBe(false)
  })

  it("makes acronyms of runs of syllables", () => {
    expect(initials(["trung", "hoc", "co", "so"])).toBe("thcs")
  })

  it("takes a phrase out of a text by its folded words, leaving the rest as written", () => {
    expect(withoutPhrase("xin cấp sổ đỏ ở xã Đồng Tiến!", "xa dong tien")).toBe("xin cấp sổ đỏ ở")
    expect(withoutPhrase("Đồng Tiến, xin cấp sổ đỏ", "dong tien")).toBe("xin cấp sổ đỏ")
    expect(withoutPhrase("xin cấp sổ đỏ", "dong tien")).toBe("xin cấp sổ đỏ")
    // the commas between clauses stay: the retrieval reads each clause on its own
    expect(withoutPhrase("nhà ở Hạ Long, giờ muốn tách hộ", "ha long")).toBe("nhà ở , giờ muốn tách hộ")
  })

  it("reads what a name excludes: the word right after 'không'", () => {
    expect(
      excludedPairs(["Giao đất, cho thuê đất (trường hợp không đấu giá quyền sử dụng đất) đối với cá nhân"]),
    ).toEqual(["dau_gia"])
    expect(excludedPairs(["Đăng ký khai sinh"])).toEqual([])
  })

  it("reads the ages a name limits a procedure to, and the age a question gives", () => {
    expect(ageRange("Cấp thẻ căn cước cho người dưới 14 tuổi")).toEqual({ below: 14 })
    expect(ageRange("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên")).toEqual({ from: 14 })
    expect(ageRange("Đăng ký khai sinh")).toBeUndefined()
    expect(askedAge("làm căn cước cho bé 5 tuổi")).toBe(5)
    expect(askedAge("cháu được 4 tháng tuổi")).toBe(0)
    expect(askedAge("my 15 years old daughter")).toBe(15)
    // English with hyphens.
    expect(askedAge("ID card for my 8-year-old daughter")).toBe(8)
    expect(askedAge("a 4-month-old baby")).toBe(0)
    expect(askedAge("đăng ký kết hôn")).toBeUndefined()
  })
})

describe("retrieval", () => {
  const data = quangNinhAssistantData()
  const retriever = makeRetriever(inForce(data.catalogue, data.catalogueDate), data.vocabulary)
  const top = (q: string) => retriever.rank(q)[0]?.code

  it("keeps 'căn' of 'căn cước', which folds like the question word 'cần', and drops 'cần'", () => {
    expect(retriever.prepare("chưa có căn cước")).toContain("can cuoc")
    expect(retriever.prepare("chua co can cuoc")).toContain("can cuoc")
    expect(retriever.prepare("cần giấy tờ gì")).toBe("")
  })

  it("keeps a question word typed without diacritics where it makes one of the catalogue's words", () => {
    // "đi", "cho", "để" and the English "do" are question words; "di dời", "tặng cho", "mới đẻ" and "sổ đỏ" are not.
    expect(retriever.prepare("di doi nha can giay phep gi")).toContain("di doi")
    expect(top("di doi nha can giay phep gi")).toBe("1.013232")
    expect(retriever.prepare("bo me tang cho con manh dat")).toContain("tang cho")
    expect(retriever.prepare("vo toi moi de")).toContain("dang ky khai sinh")
    expect(retriever.prepare("xin cap so do")).toBe(retriever.prepare("xin cấp sổ đỏ"))
    // Elsewhere they are still question words.
    expect(retriever.prepare("cho tôi hỏi làm khai sinh")).toBe(retriever.prepare("làm khai sinh"))
  })

  it("keeps a question word written with diacritics where it makes a two-syllable phrase of the synonyms", () => {
    // "tiền" is money in a question, but "tiền án", "tiền sự" are a criminal record.
    expect(retriever.prepare("giấy xác nhận không tiền án tiền sự")).toContain("phieu ly lich tu phap")
    expect(top("xin giấy xác nhận không tiền án tiền sự")).toBe("3.000333")
    expect(retriever.prepare("làm giấy khai sinh hết bao nhiêu tiền")).not.toContain("tien")
  })

  it("reads a synonym written with diacritics only where the question writes the same word, or none", () => {
    // "đò" (a ferry boat) is neither "độ" of "chế độ" nor "đỏ" of "sổ đỏ"; "do" alone may be "đò".
    expect(retriever.prepare("chế độ thai sản")).not.toContain("phuong tien")
    expect(retriever.prepare("đăng ký đò chở khách")).toContain("phuong tien thuy noi dia")
    expect(retriever.prepare("doi ten tren so do")).not.toContain("phuong tien")
    expect(retriever.prepare("dang ky thuyen danh ca")).toContain("phuong tien thuy noi dia")
    // Nor is "xuong" a "xuồng" (boat) where it makes "nhà xưởng" (a factory building) with its neighbour.
    expect(retriever.prepare("cong ty xay nha xuong")).not.toContain("phuong tien")
    expect(retriever.prepare("đăng ký xuồng máy")).toContain("phuong tien thuy noi dia")
    // Typed without diacritics, "xuong" alone is the motion "xuống" (a question word), not a boat.
    expect(retriever.prepare("tu Binh Lieu xuong Mong Cai lam thue")).not.toContain("phuong tien")
  })

  it("drops 'mất phí', 'mất bao lâu' and the slang 'ko' as question words: a fee or a time asked, not a loss", () => {
    expect(retriever.prepare("doi the can cuoc co mat phi ko")).toBe(retriever.prepare("doi the can cuoc"))
    expect(retriever.prepare("mất căn cước làm lại mất bao lâu")).toBe(retriever.prepare("mất căn cước làm lại"))
  })

  it("reads an English possessive as its noun, and English everyday words through the vocabulary", () => {
    expect(retriever.prepare("my family's household")).toBe(retriever.prepare("my family household"))
    expect(top("split from my parents' household")).toBe("1.010038")
    expect(top("foster care for a child living in a social protection centre")).toBe("2.001942")
  })

  it("reads everyday Vietnamese for what the names say in legal words (vocabulary)", () => {
    expect(top("dời ngôi nhà sang vị trí khác trên cùng thửa đất")).toBe("1.013232")
    expect(top("chuyển đất vườn lên đất ở")).toBe("1.013949")
    expect(top("hỗ trợ tiền chôn cất cho người hưởng bảo trợ xã hội")).toBe("1.001731")
    expect(top("đánh rơi thẻ căn cước")).toBe("1.014064")
    // Who the citizen is ("vợ chồng con trai") says nothing of the procedure; "ra riêng" does.
    expect(top("vợ chồng con trai muốn ra riêng")).toBe("1.010038")
  })

  it("reads the abbreviations citizens type (vocabulary): đk, hk, gks, hộ kd, cc", () => {
    expect(retriever.prepare("đk tạm trú")).toBe(retriever.prepare("đăng ký tạm trú"))
    expect(top("đk tạm trú")).toBe("1.004194")
    expect(top("nhap hk cho vo ve nha chong")).toBe("1.004222")
    expect(top("đăng kí hộ kd")).toBe("1.001612")
    expect(retriever.prepare("cap lai cc")).toBe(retriever.prepare("cấp lại căn cước"))
    expect(top("sửa lại nhà, nâng thêm 1 tầng thì xin phép gì")).toBe("1.013229")
  })

  it("takes a procedure as naming a word of the question when any of its phrases does, not only its best text", () => {
    const land = retriever
      .rank("dat khai hoang chua co giay to xin cap giay chung nhan")
      .find((c) => c.code === "1.013978")
    expect(land?.namesAWord).toBe(true)
  })

  it("corrects a pair misspelt by ear to the catalogue's pair", () => {
    expect(retriever.prepare("dang ky thuong chu")).toBe(retriever.prepare("đăng ký thường trú"))
    expect(top("đăng kí tạm chú")).toBe("1.004194")
  })

  it("spells out an acronym of the catalogue's words", () => {
    expect(retriever.prepare("chuyển trường thcs")).toContain("trung hoc co so")
    expect(top("cấp gcn qsdđ lần đầu")).toBe("1.013978")
  })

  it("meets English questions whatever the form of their words", () => {
    expect(top("registering a boat on the river")).toBe("1.004002")
    expect(top("signature certification")).toBe("2.000884")
  })

  it("reads a grade in Roman numerals as its number, and not 'I' as the English word", () => {
    expect(retriever.prepare("công trình cấp IV")).toBe(retriever.prepare("công trình cấp 4"))
    expect(retriever.prepare("công trình cấp I")).toContain("cap 1")
    expect(retriever.prepare("I want a building permit")).not.toContain("1")
    expect(top("giấy phép xây dựng công trình cấp 4")).toBe("1.013225")
  })

  it("puts the procedure whose ages fit the question first", () => {
    expect(top("làm căn cước cho con 10 tuổi")).toBe("1.014062")
    expect(top("làm căn cước cho con 16 tuổi")).toBe("1.014061")
  })

  it("ranks by everything the catalogue says of a procedure: the reissue for a lost card", () => {
    expect(top("mất thẻ căn cước")).toBe("1.014064")
    expect(top("đổi thẻ căn cước khi đủ 40 tuổi")).toBe("1.014063")
  })

  it("pairs two English words whatever their order, as English orders them either way", () => {
    // The catalogue says "household business"; the citizen writes "business household".
    expect(top("permanently close a business household")).toBe("1.001266")
    expect(top("close my household business")).toBe("1.001266")
  })

  it("drops the words that only say who or when, so the procedure's words weigh", () => {
    // "ông nội", "năm ngoái", "giờ mới" typed without diacritics; "daughter" like "con gái".
    expect(retriever.prepare("ong noi mat tu nam ngoai gio moi di khai tu")).toBe(retriever.prepare("mất từ khai tử"))
    expect(retriever.prepare("ID card for my 8-year-old daughter")).toBe(retriever.prepare("ID card 8"))
  })

  it("ranks a procedure whose name does an action after its plain sibling when the question names no action", () => {
    // "Đăng ký lại khai sinh" re-registers; a question that names no re-registration means the registration.
    expect(top("làm khai sinh cho bé trai")).toBe("1.001193")
    expect(top("khai sinh cho em bé nhà tôi")).toBe("1.001193")
    // A bare noun is its registration, not its extension or removal.
    const first = (q: string) => retriever.rank(q).find((c) => !c.code.startsWith("elsewhere:"))?.code
    expect(first("tạm trú")).toBe("1.004194")
    expect(first("thuong tru")).toBe("1.004222")
    // Named, or read from a loss, the action still wins; an action listed deep in a name ("đăng ký biến động …
    // chuyển đổi, chuyển nhượng") is no verb of it.
    expect(top("đăng ký lại khai sinh vì sổ gốc bị mất")).toBe("1.004884")
    expect(top("mất thẻ căn cước")).toBe("1.014064")
    expect(top("sang tên sổ đỏ khi mua đất")).toBe("1.013831")
  })

  it("corrects a misspelt pair within a clause only, never across a comma", () => {
    // "số, giờ" sounds like "sổ đỏ" when the comma is dropped.
    expect(retriever.prepare("mã định danh 12 số, giờ làm thẻ căn cước").split(" ")).not.toContain("do")
    expect(retriever.prepare("mã định danh 12 số giờ làm thẻ căn cước").split(" ")).toContain("do")
    // Within a clause the correction still reads a misspelling by ear.
    expect(retriever.prepare("đăng ký thường chú, ở phường")).toBe(retriever.prepare("đăng ký thường trú ở phường"))
  })
})
