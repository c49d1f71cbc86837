import Foundation
import Yams

/// libyaml's syntax errors, told as an author needs them: where the mistake
/// is (an open quote is reported where it opened, not where the parser gave
/// up), its likely cause, the fix and a two-line example of the right form.
enum YAMLSyntaxHelp {
    struct Explanation {
        /// 1-based line and column inside the YAML text.
        var line: Int
        var column: Int
        var message: LocalizedText
    }

    static func explain(problem: String, context: YamlError.Context?, mark: Mark, yaml: String) -> Explanation {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { $0.last == "\r" ? $0.dropLast() : $0 }
        func text(_ line: Int) -> Substring { line >= 1 && line <= lines.count ? lines[line - 1] : "" }
        let contextText = context?.text ?? ""
        var line = mark.line, column = mark.column
        let (en, ru): (String, String)

        var openQuote: (line: Int, column: Int)?
        if contextText.contains("quoted scalar") && problem.contains("end of stream"), let opened = context?.mark {
            openQuote = (opened.line, opened.column)
        } else {
            openQuote = unclosedQuote(in: lines, upTo: mark.line)
        }
        if let opened = openQuote {
            // The parser notices only lines later, where the quote happens to
            // close or the text ends; the mistake is where the quote opened.
            line = opened.line; column = opened.column
            let quote = text(line).dropFirst(max(0, column - 1)).first.map(String.init) ?? "\""
            en = "the quote \(quote) opened on this line is not closed on it, so the lines below were read as part of this value; close it at the end of the value"
            ru = "кавычка \(quote), открытая в этой строке, в ней не закрыта, поэтому следующие строки прочитаны как часть этого значения. Закройте кавычку в конце значения. Например:\n    title: \"Каникулы ГИА\"\n    summary: \"Короткое описание\""
        } else if problem.contains("tab") || (problem.contains("cannot start any token") && text(line).dropFirst(max(0, column - 1)).first == "\t")
                    || text(line).prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            column = (text(line).firstIndex(of: "\t").map { text(line).distance(from: text(line).startIndex, to: $0) } ?? 0) + 1
            en = "a tab character is used for indentation; YAML accepts spaces only: replace the tab with spaces (two per level)"
            ru = "для отступа использован символ табуляции, а YAML понимает только пробелы. Замените табуляцию пробелами (по два на уровень вложенности). Например:\n    contact:\n      name: Рябова Ольга Николаевна"
        } else if problem.contains("mapping values are not allowed") && isKeyColon(text(line), column: column) {
            column = text(line).prefix { $0 == " " }.count + 1
            en = "wrong indentation: this field is shifted differently from the fields around it; fields of one level start in the same column"
            ru = "неверный отступ: это поле сдвинуто не так, как соседние. Поля одного уровня начинаются с одной позиции, вложенные — на два пробела правее. Например:\n    network: syktyvkar-gymnasium-1-network\n    program: gymnasium-1-tutoring-2020"
        } else if problem.contains("mapping values are not allowed") {
            let source = text(line)
            var example = "title: \"Каникулы ГИА: опыт сети\""
            if let colon = source.range(of: ": ") {
                let key = source[..<colon.lowerBound], value = source[colon.upperBound...]
                example = "\(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\""
            }
            en = "the value contains a colon followed by a space, which YAML reads as the start of another field; put the whole value in double quotes: \(example)"
            ru = "в значении есть двоеточие с пробелом, и YAML принял его за начало ещё одного поля. Возьмите всё значение в двойные кавычки. Например:\n    \(example.trimmingCharacters(in: .whitespaces))\n    summary: \"Цель: снизить долю неуспевающих\""
        } else if problem.contains("block sequence entries are not allowed") {
            en = "a list item `- ` cannot stand on the same line as its field: put the items on the lines below, or write the list in brackets"
            ru = "пункт списка «- » не может стоять на одной строке с полем. Перенесите пункты на следующие строки с отступом или запишите список в квадратных скобках. Например:\n    topics:\n      - mentoring\nили: topics: [mentoring, gia-preparation]"
        } else if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            let source = text(line)
            let indent = source.prefix { $0 == " " }.count
            column = indent + 1
            if source.dropFirst(indent).hasPrefix("- ") || source.dropFirst(indent) == "-" {
                en = "a list item `- ` stands where a field was expected: the list items must be indented under their field, all by the same amount"
                ru = "строка начинается с «- » (пункт списка), но стоит там, где ожидалось поле: над ней нет поля со списком или у пунктов разный отступ. Пишите поле, а под ним пункты с одинаковым отступом. Например:\n    schools:\n      - school-20-syktyvkar"
            } else if source.contains("\"") || source.contains("'") {
                en = "text continues after a closing quote, or the indentation is wrong; a quoted value must end with its quote"
                ru = "после закрывающей кавычки идёт ещё текст или у строки неверный отступ. Значение в кавычках должно целиком стоять внутри кавычек, а кавычки внутри него пишите «ёлочками». Например:\n    title: \"Каникулы ГИА\" в гимназии   ← неверно\n    title: \"«Каникулы ГИА» в гимназии\"   ← верно"
            } else {
                en = "wrong indentation: this line is shifted differently from the fields around it; fields of one level start in the same column"
                ru = "неверный отступ: эта строка сдвинута не так, как соседние поля. Поля одного уровня начинаются с одной позиции, вложенные — на два пробела правее. Например:\n    contact:\n      name: Рябова Ольга Николаевна"
            }
        } else if problem.contains("could not find expected ':'") {
            column = text(line).prefix { $0 == " " }.count + 1
            en = "this line is neither `field: value` nor a list item: the colon after the field name is missing, or a long value continues without indentation"
            ru = "строка не похожа ни на «поле: значение», ни на пункт списка: после имени поля нет двоеточия с пробелом, или длинное значение продолжается без отступа. Длинный текст пишите так:\n    summary: >-\n      первая строка текста, продолжение с отступом"
        } else if problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            en = "a list in brackets is not closed properly: check the closing bracket and put values that contain commas or quotes in quotes"
            ru = "список в скобках не закрыт как следует: проверьте закрывающую скобку; значения с запятыми, двоеточиями или кавычками берите в кавычки. Например:\n    topics: [mentoring, gia-preparation]\n    period: {from: 2020-10, to: 2021-05}"
        } else if problem.contains("unknown escape character") {
            en = "a backslash inside double quotes starts an escape sequence; use single quotes for text with backslashes"
            ru = "обратная косая черта внутри двойных кавычек воспринимается как служебный знак. Для текста с «\\» используйте одинарные кавычки. Например:\n    file: 'отчёты\\2023.pdf'\n    title: 'Путь: C:\\Документы'"
        } else if contextText.contains("alias") || contextText.contains("anchor") {
            column = text(line).prefix { $0 == " " }.count + 1
            en = "a value may not start with `*` or `&` in YAML; put it in quotes"
            ru = "значение не может начинаться со знака «*» или «&»: YAML понимает их по-своему. Возьмите значение в кавычки. Например:\n    title: \"* Звёздочка в начале\"\n    note: \"& так тоже можно\""
        } else if problem.contains("cannot start any token") {
            let character = text(line).dropFirst(max(0, column - 1)).first.map(String.init) ?? ""
            en = "a value may not start with `\(character)`; put the value in quotes"
            ru = "значение не может начинаться со знака «\(character)»: возьмите всё значение в кавычки. Например:\n    title: \"\(character)Название\"\n    phone: \"+7 (8212) 00-00-01\""
        } else {
            en = "YAML syntax error: \(problem)\(contextText.isEmpty ? "" : " (\(contextText))"); compare the line with the examples in the guide"
            ru = "ошибка в записи полей (YAML) — \(problem)\(contextText.isEmpty ? "" : " (\(contextText))"). Сравните строку с примерами из руководства (docs/guide.ru.md, раздел 8). Например:\n    title: Название\n    topics: [mentoring]"
        }
        return Explanation(line: line, column: column, message: LocalizedText(en: en.hasPrefix("YAML syntax error") ? en : "YAML syntax error: " + en, ru: ru))
    }

    /// The colon the parser stopped at is the field's own (`   network: x`), not one inside its value.
    private static func isKeyColon(_ line: Substring, column: Int) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        return line.distance(from: line.startIndex, to: colon) + 1 == column
    }

    /// The first line up to `last` where a value opens a quote it does not close.
    static func unclosedQuote(in lines: [Substring], upTo last: Int) -> (line: Int, column: Int)? {
        for number in 1...max(1, min(last, lines.count)) where number <= lines.count {
            let line = lines[number - 1]
            let body = line.drop { $0 == " " }
            if body.hasPrefix("#") { continue }
            // The value starts after `key: ` or `- `.
            var valueStart: Substring.Index?
            if body.hasPrefix("- ") { valueStart = body.index(body.startIndex, offsetBy: 2) }
            if let colon = body.range(of: ": ") { valueStart = colon.upperBound }
            guard let start = valueStart else { continue }
            let value = body[start...].drop { $0 == " " }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            if !closes(value.dropFirst(), quote: quote) {
                return (number, line.distance(from: line.startIndex, to: value.startIndex) + 1)
            }
        }
        return nil
    }

    private static func closes(_ rest: Substring, quote: Character) -> Bool {
        var escaped = false
        var index = rest.startIndex
        while index < rest.endIndex {
            let character = rest[index]
            if quote == "\"" && character == "\\" && !escaped { escaped = true; index = rest.index(after: index); continue }
            if character == quote && !escaped {
                // '' inside single quotes is a quote, not the end.
                let next = rest.index(after: index)
                if quote == "'" && next < rest.endIndex && rest[next] == "'" { index = rest.index(after: next); continue }
                return true
            }
            escaped = false
            index = rest.index(after: index)
        }
        return false
    }
}
