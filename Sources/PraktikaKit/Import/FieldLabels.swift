import Foundation

/// The labels offices give the fields of a program passport and a practice form,
/// with their usual synonyms («Наименование» / «Название программы»; «Сроки и
/// этапы реализации»; «Целевые индикаторы и показатели …»).
enum ProgramField: Equatable {
    case title, legalBasis, goal, goalAndTasks, tasks, indicators, stages, resources, risks
    case expectedResults, responsible, plan, description

    static func match(_ label: String) -> ProgramField? {
        let words = FieldLabels.words(label)
        guard !words.isEmpty, words.count <= 12 else { return nil }
        let has = { (stem: String) in words.contains { $0.hasPrefix(stem) } }
        let starts = { (stem: String) in words.first?.hasPrefix(stem) ?? false }
        if (words.contains("цель") || words.contains("цели")) && has("задач") { return .goalAndTasks }
        if has("индикатор") || has("показател") { return .indicators }
        if words.contains("задачи") || (starts("задач") && words.count == 1) { return .tasks }
        if words.contains("цель") || words.contains("цели") { return .goal }
        if has("риск") { return .risks }
        if has("ожидаем") || (has("результат") && (has("конечн") || has("реализаци") || has("программ"))) { return .expectedResults }
        if has("этап") || has("срок") { return .stages }
        if has("ресурс") || has("обеспечени") { return .resources }
        if has("ответствен") || has("руководител") || has("координатор") || has("куратор") { return .responsible }
        if has("нормативн") || has("правов") || has("основани") { return .legalBasis }
        if starts("план") || has("мероприяти") || (has("дорожн") && has("карт")) { return .plan }
        if starts("наименовани") || starts("название") { return .title }
        if has("пояснительн") || starts("введени") || starts("аннотаци") || starts("актуальност")
            || starts("участник") || starts("организационн") || starts("механизм") { return .description }
        return nil
    }
}

enum PracticeField: Equatable {
    case title, school, author, contact, summary, resources, replicability, period, results

    static func match(_ label: String) -> PracticeField? {
        let words = FieldLabels.words(label)
        guard !words.isEmpty, words.count <= 12 else { return nil }
        let has = { (stem: String) in words.contains { $0.hasPrefix(stem) } }
        let starts = { (stem: String) in words.first?.hasPrefix(stem) ?? false }
        if (starts("наименовани") || starts("название") || starts("тема")) && (has("практик") || words.count == 1) { return .title }
        if has("образовательн") && has("организаци") || starts("школа") || starts("оо") || starts("учреждени")
            || (starts("организаци") && words.count <= 3) { return .school }
        if has("автор") || has("фио") || has("составител") || has("разработчик") { return .author }
        if has("контакт") || has("телефон") || has("почт") || words.contains("e") || has("email") || has("mail") { return .contact }
        if starts("аннотаци") || (starts("кратк") && (has("описани") || has("аннотаци") || has("характеристик"))) || starts("резюме") { return .summary }
        if has("ресурс") { return .resources }
        if has("тиражир") || has("распространени") || has("воспроизвед") || (has("услови") && has("применени")) { return .replicability }
        if (has("срок") || has("период")) && has("реализаци") { return .period }
        if has("результат") { return .results }
        return nil
    }
}

enum FieldLabels {
    /// Lower-case words, «ё» read as «е», without punctuation.
    static func words(_ label: String) -> [String] {
        RussianText.tokens(label.lowercased().replacingOccurrences(of: "ё", with: "е"))
            .filter { !$0.allSatisfy(\.isNumber) }
    }
}
