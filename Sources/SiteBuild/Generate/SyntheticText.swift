import SiteCore

/// Word lists for synthetic recommendation texts, written for HRIndex's benchmarks.
enum SyntheticText {
  static let words: [String: [String]] = [
    "en": "the State party should ensure that all children women persons with disabilities have access to education health care justice and protection against violence discrimination torture trafficking including by adopting legislation allocating resources training judges police officers strengthening the national human rights institution in cooperation with civil society and international organizations collect data monitor implementation report on progress rural areas indigenous peoples migrants refugees".split(separator: " ").map(String.init),
    "fr": "l'État partie devrait veiller à ce que tous les enfants femmes personnes handicapées aient accès à l'éducation la santé la justice et une protection contre la violence discrimination torture traite notamment en adoptant une législation allouant des ressources formant les juges policiers renforçant l'institution nationale des droits de l'homme en coopération avec la société civile".split(separator: " ").map(String.init),
    "es": "el Estado parte debe garantizar que todos los niños niñas mujeres personas con discapacidad tengan acceso a la educación la salud la justicia y protección contra la violencia discriminación tortura trata incluso mediante la adopción de legislación asignación de recursos capacitación de jueces policías fortaleciendo la institución nacional de derechos humanos en cooperación con la sociedad civil".split(separator: " ").map(String.init),
    "ru": "государство участник должно обеспечить чтобы все дети женщины инвалиды имели доступ к образованию здравоохранению правосудию и защите от насилия дискриминации пыток торговли людьми в том числе путем принятия законодательства выделения ресурсов подготовки судей сотрудников полиции укрепления национального правозащитного учреждения в сотрудничестве с гражданским обществом".split(separator: " ").map(String.init),
    "zh": "缔约国 应 确保 所有 儿童 妇女 残疾人 能够 获得 教育 卫生 保健 司法 保护 免受 暴力 歧视 酷刑 贩运 包括 通过 立法 分配 资源 培训 法官 警察 加强 国家 人权 机构 与 民间 社会 国际 组织 合作 收集 数据 监测 执行 报告 进展 农村 地区 土著 人民 移民 难民".split(separator: " ").map(String.init),
    "ar": "ينبغي للدولة الطرف أن تكفل حصول جميع الأطفال والنساء والأشخاص ذوي الإعاقة على التعليم والصحة والعدالة والحماية من العنف والتمييز والتعذيب والاتجار بما في ذلك عن طريق اعتماد تشريعات وتخصيص موارد وتدريب القضاة وأفراد الشرطة وتعزيز المؤسسة الوطنية لحقوق الإنسان بالتعاون مع المجتمع المدني".split(separator: " ").map(String.init),
  ]

  static func paragraph(language: String, words count: Int, random: inout SeededRandom) -> String {
    let list = words[language] ?? words["en"]!
    var out: [String] = []
    for i in 0..<count {
      var word = list[random.below(list.count)]
      if i == 0, language != "zh", language != "ar" { word = word.prefix(1).uppercased() + word.dropFirst() }
      out.append(word)
    }
    let separator = language == "zh" ? "" : " "
    return out.joined(separator: separator) + (language == "zh" ? "。" : ".")
  }
}
