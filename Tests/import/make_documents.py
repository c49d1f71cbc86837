"""Writes the Word documents the import tests read, the way offices make them.

Usage: python3 Tests/import/make_documents.py OUT_FOLDER

python-docx builds real .docx files (Word numbering, merged cells, an embedded
picture); LibreOffice turns one of them into an old .doc.
"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib

import docx
from docx.shared import Cm

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def png(width, height, rgb):
    """A plain PNG, so the tests need no image library."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def cell_lines(cell, lines, style=None):
    """Puts each line in its own paragraph of the cell (the first one replaces the empty paragraph)."""
    cell.text = lines[0]
    if style:
        cell.paragraphs[0].style = style
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def passport_program():
    d = docx.Document()
    d.add_paragraph("Приложение")
    d.add_paragraph("УТВЕРЖДЕНА")
    d.add_paragraph("приказом Управления образования администрации МО ГО «Примерск»")
    d.add_paragraph("от 20 августа 2020 г. № 472")
    d.add_heading("Паспорт программы", 1)
    rows = [
        ("Наименование программы", ["Программа тьюторского сопровождения СОШ № 5 г. Примерска"]),
        ("Нормативно-правовая основа Программы", ["- Приказ Министерства образования от 23.03.2020 г. № 242", "- Устав СОШ № 1 г. Примерска"]),
        ("Цель реализации Программы", ["Повышение качества образования в школе с низкими результатами"]),
        ("Задачи реализации Программы", None),
        ("Целевые индикаторы и показатели", ["1. Доля учителей, прошедших диагностику", "2. Средний балл ОГЭ по математике"]),
        ("Сроки и этапы реализации", ["I этап – организационный (сентябрь-октябрь 2020)",
                                      "II этап – проектировочный (октябрь 2020- апрель 2021)",
                                      "III  этап –диагностический (май- август 2021)"]),
        ("Ресурсное обеспечение", ["Кадровое обеспечение: команды педагогов обеих школ"]),
        ("Риски и меры по их устранению", ["1. Формальное отношение педагогов к проекту.", "Необходимо:",
                                          "· разъяснение целей проекта;", "· индивидуальная работа с педагогами",
                                          "2. Недостаточная квалификация специалистов.", "Необходимо:", "· повышение квалификации"]),
        ("Ожидаемые результаты", None),
        ("Ответственные лица", ["Иванова Мария Петровна, заместитель директора по УВР"]),
        ("Основные разработчики", ["Администрация СОШ № 1 г. Примерска"]),
    ]
    table = d.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for index, (label, lines) in enumerate(rows):
        table.cell(index, 0).text = label
        if label.startswith("Задачи"):
            cell_lines(table.cell(index, 1), ["Выявить профессиональные затруднения педагогов",
                                              "Организовать наставничество",
                                              "Провести совместные методические проекты"], style="List Number")
        elif label.startswith("Ожидаемые"):
            cell_lines(table.cell(index, 1), ["Рост среднего балла ОГЭ", "Снижение доли неуспевающих"], style="List Bullet")
        else:
            cell_lines(table.cell(index, 1), lines)

    d.add_heading("План мероприятий", 2)
    plan = d.add_table(rows=8, cols=5)
    plan.style = "Table Grid"
    for column, text in enumerate(["№", "Мероприятие", "Исполнитель", "Срок", "Ожидаемый результат"]):
        plan.cell(0, column).text = text
    stage = plan.cell(1, 0).merge(plan.cell(1, 4))
    stage.text = "I этап"
    items = [
        ("1", "Диагностика профессиональных затруднений", "", "До 15 сентября", "Карта затруднений"),
        ("2", "Формирование наставнических пар", "", "С 15 по 25 сентября", "Пары сформированы"),
        ("3", "Семинар для наставников", "Методист ЦРО", "Октябрь", "Проведён семинар"),
    ]
    for row, item in enumerate(items, start=2):
        for column, text in enumerate(item):
            if text:
                plan.cell(row, column).text = text
    executor = plan.cell(2, 2).merge(plan.cell(3, 2))
    executor.text = "Совет участников"
    # The result of item 3 runs over into a row of its own.
    plan.cell(5, 4).text = "и разосланы рекомендации"
    stage2 = plan.cell(6, 0).merge(plan.cell(6, 4))
    stage2.text = "II этап"
    for column, text in enumerate(["4", "Открытые уроки наставников", "Руководители МО", "Ноябрь – декабрь 2020", "Проведено 6 уроков"]):
        plan.cell(7, column).text = text
    d.save(os.path.join(out, "passport-program.docx"))


def narrative_program():
    d = docx.Document()
    d.add_paragraph("УТВЕРЖДЕНА приказом директора СОШ № 5 от 01.04.2021 № 15")
    d.add_heading("Программа перехода СОШ № 5 в эффективный режим работы", 1)
    d.add_heading("Цель программы", 2)
    d.add_paragraph("Создание условий для повышения качества образования.")
    d.add_heading("Задачи программы", 2)
    for text in ["Провести самообследование школы", "Разработать индивидуальные маршруты", "Вовлечь родителей"]:
        d.add_paragraph(text, style="List Number")
    d.add_heading("Сроки реализации", 2)
    d.add_paragraph("Первый этап (май – август) – аналитический. Самообследование и планирование.")
    d.add_paragraph("Второй этап (сентябрь – май) – основной")
    d.add_heading("Ожидаемые результаты", 2)
    for text in ["Положительная динамика результатов ВПР", "Рост учебной мотивации"]:
        d.add_paragraph(text, style="List Bullet")
    d.add_heading("Риски реализации программы", 2)
    risks = d.add_table(rows=3, cols=2)
    risks.style = "Table Grid"
    risks.cell(0, 0).text = "Риск"
    risks.cell(0, 1).text = "Пути минимизации"
    risks.cell(1, 0).text = "Перегрузка учителей"
    cell_lines(risks.cell(1, 1), ["Перераспределение нагрузки", "Стимулирующие выплаты"], style="List Bullet")
    risks.cell(2, 0).text = "Низкая мотивация родителей"
    risks.cell(2, 1).text = "Родительские собрания в новом формате"
    d.add_heading("Ответственные за реализацию", 2)
    people = d.add_table(rows=2, cols=2)
    people.style = "Table Grid"
    people.cell(0, 0).text = "ФИО"
    people.cell(0, 1).text = "Должность"
    people.cell(1, 0).text = "Орлова Наталья Викторовна"
    people.cell(1, 1).text = "директор СОШ № 5"
    d.add_heading("Пояснительная записка", 2)
    p = d.add_paragraph("Школа работает в ")
    p.add_run("неблагоприятных").bold = True
    p.add_run(" социальных условиях, ")
    p.add_run("около половины").italic = True
    p.add_run(" учащихся из семей группы риска.")
    d.add_heading("Дорожная карта", 2)
    # Columns in an unusual order and wording.
    plan = d.add_table(rows=4, cols=5)
    plan.style = "Table Grid"
    for column, text in enumerate(["Сроки", "Содержание деятельности", "Ответственные", "Результат", "№ п/п"]):
        plan.cell(0, column).text = text
    stage = plan.cell(1, 0).merge(plan.cell(1, 4))
    stage.text = "Аналитический этап"
    rows = [
        ("Март-апрель", "Самообследование школы", "Директор", "Отчёт о самообследовании", "1.1."),
        ("Май", "Разработка маршрутов", "Заместитель директора", "Маршруты утверждены", "1.2."),
    ]
    for r, row in enumerate(rows, start=2):
        for column, text in enumerate(row):
            plan.cell(r, column).text = text
    d.save(os.path.join(out, "narrative-program.docx"))


def practice_form(image_path):
    d = docx.Document()
    d.add_heading("Паспорт практики", 1)
    rows = [
        ("Название практики", "Наставнические пары «учитель – учитель»"),
        ("Образовательная организация", "МОУ «СОШ № 5» г. Примерска"),
        ("Автор практики", "Петрова Анна Сергеевна, учитель математики"),
        ("Контакты", "тел. +7 (900) 000-00-00, petrova@example.ru"),
        ("Аннотация", "Опытные учителя и молодые педагоги работают в парах: посещают уроки друг друга и вместе разбирают трудные темы."),
        ("Сроки реализации", "сентябрь 2022 – май 2023"),
        ("Ресурсы", "Два часа в неделю на пару, методист на полставки."),
        ("Условия тиражирования", "Подходит школе, где есть хотя бы три опытных учителя."),
    ]
    table = d.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for index, (label, value) in enumerate(rows):
        table.cell(index, 0).text = label
        table.cell(index, 1).text = value
    d.add_heading("Проблема", 2)
    p = d.add_paragraph("Молодые учителя ")
    p.add_run("не получали").bold = True
    p.add_run(" методической помощи, а ")
    p.add_run("опытные").italic = True
    p.add_run(" работали поодиночке.")
    d.add_heading("Что сделали", 2)
    for text in ["Составили карту затруднений", "Сформировали пары", "Провели 40 взаимных посещений"]:
        d.add_paragraph(text, style="List Bullet")
    d.add_heading("Первый месяц", 3)
    d.add_paragraph("Пары составили общий план посещений.")
    d.add_paragraph("График встреч:")
    schedule = d.add_table(rows=3, cols=2)
    schedule.style = "Table Grid"
    for r, row in enumerate([("День", "Занятие"), ("Вторник", "Посещение урока"), ("Четверг", "Разбор | обсуждение")]):
        for column, text in enumerate(row):
            schedule.cell(r, column).text = text
    d.add_picture(image_path, width=Cm(4))
    d.add_heading("Результаты", 2)
    results = d.add_table(rows=4, cols=3)
    results.style = "Table Grid"
    for r, row in enumerate([("Показатель", "До", "После"),
                             ("Средний балл ОГЭ по математике", "3,1", "3,8"),
                             ("Доля учителей, посещающих уроки коллег, %", "12", "85"),
                             ("Качество знаний", "41 %", "48,5 %")]):
        for column, text in enumerate(row):
            results.cell(r, column).text = text
    d.save(os.path.join(out, "practice-form.docx"))


def legacy_program(folder):
    """A program with «Цели и задачи» in one cell, saved by LibreOffice as an old .doc."""
    d = docx.Document()
    d.add_paragraph("Программа тьюторского сопровождения школ Заречного")
    table = d.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Цели и задачи"
    cell_lines(table.cell(0, 1), ["Цель:", "разработка механизмов тьюторского сопровождения.", "Задачи:",
                                  " - определение затруднений управленческих команд;", " - оценка результатов сопровождения."])
    table.cell(1, 0).text = "Сроки и этапы реализации"
    cell_lines(table.cell(1, 1), ["Подготовительный этап (май2023г. - сентябрь2023г.)", "Аналитический этап(декабрь2023г.)"])
    # Word documents end with a paragraph; LibreOffice's .doc export drops a table that ends the document.
    d.add_paragraph("Рассмотрено на педагогическом совете 30.08.2023")
    source = os.path.join(folder, "legacy-program.docx")
    d.save(source)
    profile = tempfile.mkdtemp(prefix="praktika-test-lo-")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "doc:MS Word 97", "--outdir", out, source], check=True, capture_output=True)


def free_text_practice():
    """A practice written as free text: labels inside paragraphs, a school the site does not have, years as columns."""
    d = docx.Document()
    d.add_heading("Школьная служба примирения", 1)
    d.add_paragraph("Образовательная организация: МБОУ «Лицей № 7» г. Нового")
    d.add_paragraph("Автор: Сидоров Олег Ильич, педагог-психолог")
    d.add_heading("Описание практики", 2)
    d.add_paragraph("Старшеклассники учатся разбирать конфликты сверстников по правилам медиации.")
    results = d.add_table(rows=2, cols=4)
    results.style = "Table Grid"
    for r, row in enumerate([("Показатель", "2021", "2022", "2023"), ("Число конфликтов за год", "24", "15", "9")]):
        for column, text in enumerate(row):
            results.cell(r, column).text = text
    d.add_paragraph("Данные школьной службы.")
    d.save(os.path.join(out, "free-text-practice.docx"))


def unclear_notes():
    """Neither a program nor a practice."""
    d = docx.Document()
    d.add_paragraph("Список покупок для кабинета: бумага, маркеры, папки.")
    d.save(os.path.join(out, "unclear-notes.docx"))


with tempfile.TemporaryDirectory() as work:
    image = os.path.join(work, "diagram.png")
    with open(image, "wb") as f:
        f.write(png(40, 20, (30, 90, 160)))
    passport_program()
    narrative_program()
    practice_form(image)
    legacy_program(work)
    free_text_practice()
    unclear_notes()
    # The practice form once more as LibreOffice's .odt, in a folder of its own.
    profile = tempfile.mkdtemp(prefix="praktika-test-lo-")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "odt", "--outdir", os.path.join(out, "odt"), os.path.join(out, "practice-form.docx")],
                   check=True, capture_output=True)
print("ok")
