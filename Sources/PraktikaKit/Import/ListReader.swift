import Foundation

/// Lists as offices type them: Word numbering, «1.» and «-» typed by hand,
/// «Задачи: - … - …» inside one cell, risks followed by «Необходимо:» and measures.
enum ListReader {
    typealias Line = MarkdownWriter.Line

    /// One item per list item or line; a lead-in ending with «:» is not an item.
    static func items(_ lines: [Line]) -> [String] {
        var items: [String] = []
        let anyMarked = lines.contains { $0.listMarker != nil || RussianText.stripListMarker($0.text).marked }
        for (index, line) in lines.enumerated() {
            let stripped = RussianText.stripListMarker(line.text)
            if index == 0, line.text.hasSuffix(":"), lines.count > 1 { continue }
            let inline = splitInlineDashes(stripped.text)
            if inline.count > 1 {
                items += inline
                continue
            }
            let isItem = line.listMarker != nil || stripped.marked || !anyMarked || items.isEmpty
            let text = markdownWithoutMarker(line)
            if isItem {
                items.append(text)
            } else {
                // A line without a marker among marked ones continues the item before it.
                items[items.count - 1] += " " + text
            }
        }
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// «- первое; - второе» or «Задачи: - первое - второе» written in one paragraph.
    static func splitInlineDashes(_ text: String) -> [String] {
        var parts = text.split(separator: /(?:^|\s)[-–•·]\s+/, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
        }
        guard parts.count > 2 || (parts.count == 2 && parts[0].isEmpty) else { return [] }
        // Only a lead-in ending with «:» (or nothing) may stand before the first dash.
        guard parts[0].isEmpty || parts[0].hasSuffix(":") else { return [] }
        parts.removeFirst()
        let items = parts.filter { !$0.isEmpty }
        return items.count > 1 ? items.map(MarkdownWriter.escape) : []
    }

    /// The item's Markdown without the hand-typed marker at its start.
    static func markdownWithoutMarker(_ line: Line) -> String {
        let stripped = RussianText.stripListMarker(line.text)
        guard stripped.marked else { return line.markdown }
        // Drop as many characters of Markdown as the marker took in the text, skipping escapes.
        let markerLength = line.text.trimmingCharacters(in: .whitespaces).count - stripped.text.count
        var markdown = Substring(line.markdown.trimmingCharacters(in: .whitespaces))
        var dropped = 0
        while dropped < markerLength, let first = markdown.first {
            if first == "\\" { markdown = markdown.dropFirst(); continue }
            markdown = markdown.dropFirst()
            dropped += 1
        }
        return MarkdownWriter.guardLineStart(markdown.trimmingCharacters(in: .whitespaces))
    }

    /// Drops a first line that only repeats the label («Задачи:»).
    static func dropLead(_ lines: [Line], _ stem: String) -> [Line] {
        guard let first = lines.first else { return lines }
        let words = FieldLabels.words(first.text)
        if words.count <= 3, words.first?.hasPrefix(stem) == true, first.text.hasSuffix(":") || words.count == 1 {
            return Array(lines.dropFirst())
        }
        if let (label, rest) = DocumentOutline.inlineLabel([.str(first.text)]), FieldLabels.words(label).first?.hasPrefix(stem) == true {
            var copy = lines
            copy[0].text = MarkdownWriter.plain(rest)
            copy[0].markdown = MarkdownWriter.escape(copy[0].text)
            return copy
        }
        return lines
    }

    /// «Цель: … Задачи: - … - …» in one cell, or «… решение следующих задач:» before the list.
    static func splitGoalAndTasks(_ lines: [Line]) -> (goal: [Line], tasks: [Line]) {
        guard let tasksStart = lines.firstIndex(where: { line in
            let words = FieldLabels.words(line.text)
            return words.first?.hasPrefix("задач") == true
                || (line.text.hasSuffix(":") && words.contains { $0.hasPrefix("задач") })
        }) else {
            return (dropLead(lines, "цел"), [])
        }
        let goal = dropLead(Array(lines[..<tasksStart]), "цел")
        var tasks = Array(lines[tasksStart...])
        if FieldLabels.words(tasks[0].text).first?.hasPrefix("задач") == true {
            tasks = dropLead(tasks, "задач")
        } else {
            tasks.removeFirst()
        }
        return (goal, tasks)
    }

    /// Risks: numbered lines (or unmarked ones) are risks, bulleted lines their measures.
    static func risks(_ lines: [Line]) -> [(String, [String])] {
        var risks: [(String, [String])] = []
        let anyNumbered = lines.contains {
            if case .number = $0.listMarker { return true }
            return RussianText.stripListMarker($0.text).numbered
        }
        for line in lines {
            let stripped = RussianText.stripListMarker(line.text)
            let words = FieldLabels.words(stripped.text)
            if words.count <= 2, stripped.text.hasSuffix(":"),
               words.first.map({ $0.hasPrefix("необходим") || $0.hasPrefix("мер") || $0.hasPrefix("пут") }) == true {
                continue
            }
            var isNumbered = stripped.numbered
            if case .number = line.listMarker, line.level == 0 { isNumbered = true }
            let isRisk = anyNumbered ? isNumbered : !stripped.marked && line.listMarker == nil
            let text = markdownWithoutMarker(line)
            if isRisk || risks.isEmpty {
                risks.append((text, []))
            } else {
                risks[risks.count - 1].1.append(text)
            }
        }
        return risks
    }
}
