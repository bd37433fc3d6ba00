"""Issue 10: Danish. Every user-visible string has a Danish translation; the .qm files build and
load; Qt's own buttons, dates, numbers and weekdays follow the chosen language.

When a string is added or changed: `python scripts/i18n.py update`, translate the unfinished
messages in resources/translations/portal_desk_da.ts, then `python scripts/i18n.py check`.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_i18n():
    spec = importlib.util.spec_from_file_location("i18n_tool", os.path.join(ROOT, "scripts", "i18n.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


i18n = load_i18n()


@pytest.fixture(scope="module")
def scanned():
    """The current sources scanned into a temporary copy of the Danish .ts (lupdate)."""
    return i18n.untranslated("da")


def test_every_user_visible_string_has_a_danish_translation(scanned):
    messages, missing = scanned
    assert len(messages) > 500, "lupdate found the sources' strings"
    listing = "\n".join(f"  [{m.context}] {m.source!r}" for m in missing)
    assert not missing, (f"{len(missing)} of {len(messages)} strings have no Danish translation "
                         f"(python scripts/i18n.py update, translate, check):\n{listing}")


def test_translations_keep_their_placeholders(scanned):
    messages, _missing = scanned
    problems = i18n.placeholder_problems(messages)
    assert not problems, "\n".join(problems)


def test_committed_ts_is_up_to_date(scanned):
    """The committed .ts holds every string of the sources (run `scripts/i18n.py update` after changes)."""
    messages, _missing = scanned
    committed = {(m.context, m.source) for m in i18n.read_ts(i18n.ts_path("da"))}
    absent = sorted({(m.context, m.source) for m in messages} - committed)
    assert not absent, "strings not yet in portal_desk_da.ts:\n" + "\n".join(f"  [{c}] {s!r}" for c, s in absent)


# -- literal strings that never reach tr() ----------------------------------------------------------
TEXT_SETTERS = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
                "setAccessibleDescription", "addItem", "setStatusTip", "showMessage", "setTitle", "addTab",
                "setTabText", "setHeaderLabels", "setHorizontalHeaderLabels", "setSuffix", "setPrefix",
                "setSpecialValueText", "addButton", "addMenu", "addAction", "setWhatsThis", "information",
                "warning", "critical", "question"}
WIDGETS = {"QPushButton", "QLabel", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
           "QMessageBox", "QListWidgetItem", "QTreeWidgetItem", "QTableWidgetItem"}
# Not words for a person to read: product names, the TLP standard's labels, units of the standard.
NOT_PROSE = re.compile(r"^(Portal Desk|TLP:.*|CSAF.*|CVE.*|[A-Z]{2,6}|[\W\d_]*|.{0,1})$")


def literal_text(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        return "".join(parts)
    return None


def untranslated_literals(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, path)
    found = []
    helpers = i18n.translate_helpers(tree)           # `def _t(text): return translate("ctx", text)`: lupdate sees
    helper_bodies = {id(n): True for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name in helpers
                     for n in ast.walk(f)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("tr", "translate") and "QT_TR_NOOP" not in source and "QT_TRANSLATE_NOOP" not in source \
                and not helper_bodies.get(id(node)):
            text_arg = node.args[0 if name == "tr" else 1] if len(node.args) > (0 if name == "tr" else 1) else None
            if text_arg is not None and literal_text(text_arg) is None:
                found.append(f"{os.path.relpath(path, ROOT)}:{node.lineno}: {name}() of a variable: lupdate cannot "
                             f"see its strings (mark them with QT_TRANSLATE_NOOP)")
            continue
        if name not in TEXT_SETTERS and name not in WIDGETS:
            continue
        receiver = func.value if isinstance(func, ast.Attribute) else None
        receiver_name = receiver.id if isinstance(receiver, ast.Name) else \
            receiver.attr if isinstance(receiver, ast.Attribute) else ""
        if receiver_name in ("log", "logger", "logging", "_log", "warnings") or "password" in receiver_name:
            continue            # log lines and a password field's value are not for reading
        for arg in node.args[:3]:
            text = literal_text(arg)
            if text is None or not re.search(r"[A-Za-z]{3,}", text) or NOT_PROSE.match(text.strip()):
                continue
            if name in ("addItem", "addAction", "addButton", "addMenu") and not re.search(r"[a-z]{3,} ", text):
                continue        # single words passed as data (codes), not prose
            found.append(f"{os.path.relpath(path, ROOT)}:{node.lineno}: {name}({text!r})")
    return found


def test_no_user_visible_literal_bypasses_translation():
    """Text handed straight to a widget never reaches lupdate: wrap it in self.tr() / translate()."""
    found = []
    for folder, _dirs, files in os.walk(os.path.join(ROOT, "desktop")):
        for name in files:
            if name.endswith(".py"):
                found += untranslated_literals(os.path.join(folder, name))
    assert not found, "\n".join(found)


# -- the .qm files and the running language -----------------------------------------------------------
@pytest.fixture
def danish(qapp):
    """The app in Danish as main() sets it up (`--lang da`); English again afterwards."""
    from desktop.app import install_translations
    i18n.release(if_outdated=True)
    before = set(qapp.findChildren(QTranslator))
    old_locale = QLocale()
    assert install_translations(qapp, "da") == "da"
    yield qapp
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(old_locale)


def test_qm_is_built_from_the_ts(danish):
    assert os.path.exists(i18n.qm_path("da")) and not i18n.outdated("da")
    assert QCoreApplication.translate("MainWindow", "Applications") == "Ansøgninger"


def test_a_painter_finds_the_strings_of_its_mixins(danish):
    # The supervisors' charts are written in a mixin (chart_areas.OutputCharts): tr() on the
    # painter looks in each class of its MRO, so the mixin's context is found.
    from desktop.views.chart_painter import ChartPainter
    painter = ChartPainter()
    assert painter.tr("Outputs submitted, sampled and withheld per week") == \
        "Output indsendt, udtaget til stikprøve og tilbageholdt pr. uge"


def test_sign_in_dialog_in_danish_with_qts_own_buttons(qtbot, danish, tmp_path):
    from desktop.session import SessionManager
    from desktop.views.sign_in import SignInDialog
    dialog = SignInDialog(SessionManager(str(tmp_path), "http://127.0.0.1:9"), demo=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Log ind på Portal Desk"
    assert dialog.cancel_button.text() == "Annuller"                        # from Qt's qtbase_da.qm
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Luk"


def test_dates_numbers_and_weekdays_follow_the_locale(danish):
    from desktop.models import labels
    assert labels.local_date("2025-03-07") == "07.03.2025"
    shown = labels.local_time("2025-03-07T10:15:00Z")
    assert re.fullmatch(r"07\.03\.2025 \d\d[.:]\d\d", shown), shown
    assert QLocale().toString(1234567.5, "f", 1) == "1.234.567,5"
    assert QLocale().dayName(QDate(2025, 3, 7).dayOfWeek()) == "fredag"
    assert QLocale().toString(QDate(2025, 3, 1), "MMMM yyyy") == "marts 2025"
    assert labels.application_status("in_review") == "Under behandling"


def test_language_is_chosen_in_settings_and_used_at_the_next_start(qtbot, tmp_path):
    from desktop.app import parse_args, saved_language
    from desktop.settings import Settings
    from desktop.views.settings_dialog import SettingsDialog
    settings = Settings(str(tmp_path / "settings.ini"))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == ""                      # the system's language by default
    dialog.language.setCurrentIndex(dialog.language.findData("da"))
    dialog.portal.setText("http://portal.example.org")              # plain http off this computer: refused
    dialog.accept()
    assert dialog.message.isVisibleTo(dialog) and settings.get("language") == ""     # nothing saved
    dialog.portal.clear()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.restart_needed
    assert settings.get("language") == "da"
    assert saved_language(parse_args(["--data-dir", str(tmp_path)])) == "da"


def test_strings_of_the_shared_review_queue_are_danish_in_both_queues(danish):
    """Strings written once in ReviewQueuePage are filed under its context; PySide6 finds
    them from the approvals and the output-check pages (their own context first)."""
    from desktop.views.approvals import ApprovalsView
    from desktop.views.outputs import OutputChecksView
    from desktop.views.review_queue import ReviewQueuePage
    for text in ("Why you cannot decide", "Show:", "Age"):
        danish_text = ReviewQueuePage.tr(text)
        assert danish_text != text
        assert ApprovalsView.tr(text) == OutputChecksView.tr(text) == danish_text


def test_every_plural_has_its_english_forms():
    """English is the source language, but "%n output(s)" needs its two forms written out."""
    messages, missing = i18n.untranslated("en")
    listing = "\n".join(f"  [{m.context}] {m.source!r}" for m in missing)
    assert not missing, f"plural strings without English forms (resources/translations/portal_desk_en.ts):\n{listing}"


def test_english_plurals_read_as_english(qapp):
    from desktop.views.main_window import MainWindow
    one = MainWindow.tr("%n action(s) you took are not sent to the portal yet. They are kept safely in the offline "
                        "copy on this computer and will be sent the next time you sign in.", "", 1)
    two = MainWindow.tr("%n action(s) you took are not sent to the portal yet. They are kept safely in the offline "
                        "copy on this computer and will be sent the next time you sign in.", "", 2)
    assert one.startswith("1 action you took is not sent") and two.startswith("2 actions you took are not sent")


def test_counts_read_right_in_english(qapp):
    from PySide6.QtCore import QCoreApplication
    tr = QCoreApplication.translate
    assert tr("SampleDialog", "%n output(s)", "", 1) == "1 output"
    assert tr("SampleDialog", "%n output(s)", "", 3) == "3 outputs"
    assert tr("SamplingOverviewDialog", "%n output(s) in the copy.", "", 1) == "1 output in the copy."


def test_date_fields_use_the_locale_format_with_a_full_year(qapp):
    from desktop.models import labels
    old = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.C))
        assert labels.date_edit_format() == "yyyy-MM-dd"          # never "1 11 2026"
        QLocale.setDefault(QLocale("da_DK"))
        assert labels.date_edit_format() == "dd.MM.yyyy"
        QLocale.setDefault(QLocale("en_US"))
        assert "yyyy" in labels.date_edit_format()
    finally:
        QLocale.setDefault(old)
