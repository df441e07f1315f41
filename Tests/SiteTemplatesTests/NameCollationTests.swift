import Testing

@testable import SiteTemplates

/// Names sort as the UN's own lists of Member States sort them in each language. The expected
/// orders are runs of those published lists (facts, not output of HRIndex), fed in shuffled.
@Suite("Names in each language's order")
struct NameCollationTests {
  static func sorted(_ names: [String], _ language: String) -> [String] {
    var shuffled = names
    var generator = SystemRandomNumberGenerator()
    shuffled.shuffle(using: &generator)
    return NameCollation.order(shuffled.map { (key: $0, name: $0) }, language: language)
  }

  @Test("Chinese by pinyin, as the UN's Chinese list of Member States")
  func chinese() {
    let un = ["阿尔巴尼亚", "阿尔及利亚", "阿富汗", "阿根廷", "阿拉伯联合酋长国", "阿曼", "阿塞拜疆", "埃及", "埃塞俄比亚",
              "爱尔兰", "爱沙尼亚", "安道尔", "安哥拉", "奥地利", "澳大利亚", "巴巴多斯", "巴基斯坦", "巴拉圭", "巴林", "巴拿马",
              "巴西", "白俄罗斯", "保加利亚", "贝宁", "比利时", "冰岛", "波兰", "丹麦", "德国", "多哥", "俄罗斯联邦", "厄瓜多尔",
              "法国", "菲律宾", "芬兰", "哥伦比亚", "肯尼亚", "摩洛哥", "墨西哥", "南非", "尼日利亚", "挪威", "突尼斯",
              "瓦努阿图", "乌克兰", "印度", "约旦", "中非共和国", "中国"]
    #expect(Self.sorted(un, "zh") == un)
  }

  @Test("Arabic with the article ال ignored and the hamza forms of alif as alif, as the UN's Arabic list")
  func arabic() {
    let un = ["الاتحاد الروسي", "إثيوبيا", "أذربيجان", "الأرجنتين", "الأردن", "أرمينيا", "إريتريا", "إسبانيا", "أستراليا",
              "إستونيا", "أفغانستان", "إكوادور", "ألبانيا", "ألمانيا", "الإمارات العربية المتحدة", "أندورا", "إندونيسيا",
              "أنغولا", "أوروغواي", "أوزبكستان", "أوغندا", "أوكرانيا", "إيطاليا", "باراغواي", "باكستان", "البحرين",
              "البرازيل", "بربادوس", "البرتغال", "بلجيكا", "بلغاريا", "تونس", "الجزائر", "جنوب أفريقيا", "الصين",
              "فرنسا", "الفلبين", "كولومبيا", "كينيا", "مصر", "المغرب", "المكسيك", "النرويج", "نيجيريا", "الهند"]
    #expect(Self.sorted(un, "ar") == un)
  }

  @Test("Russian with ё beside е; French and Spanish with accented letters beside plain ones")
  func alphabets() {
    let russian = ["Азербайджан", "Ёлкино", "Египет", "Ельня", "Эквадор", "Южная Африка", "Япония"]
    #expect(Self.sorted(russian, "ru") == ["Азербайджан", "Египет", "Ёлкино", "Ельня", "Эквадор", "Южная Африка", "Япония"])
    let french = ["Égypte", "Équateur", "Érythrée", "Espagne", "Estonie", "États-Unis d'Amérique", "Éthiopie", "Fidji"]
    #expect(Self.sorted(french, "fr") == french)
    let spanish = ["Ecuador", "Egipto", "El Salvador", "Emiratos Árabes Unidos", "Eritrea", "España", "Estados Unidos de América"]
    #expect(Self.sorted(spanish, "es") == spanish)
  }
}
