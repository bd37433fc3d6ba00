"""Reading one output: every file as what it is, with the automatic check's
findings beside it.

- CSV tables as a table (the header row as column headers) with the flagged
  cells marked: a background colour, a "⚠" before the value, a tooltip and an
  accessible text with the finding -- colour is never the only carrier.
  Clicking a finding (or F / Shift+F) selects its cell.
- Text files with line numbers; a line with an identifier is marked in the
  margin and shaded, the masked value's span on it underlined.
- Images scaled to fit; PDFs, Office files and unknown types "need a person",
  shown with their metadata.
- The SHA-256 of the bytes received is computed again and compared with the one
  recorded when the output was submitted: "verified", or a loud mismatch.

Contents come from `GET /outputs/{id}/files/{index}` in the background and are
kept in memory for the open output only (never written to disk). Offline, the
findings from the offline copy still show; the contents need the portal.
"""

from __future__ import annotations

import html
import logging

import shiboken6
from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QItemSelectionModel, QModelIndex, QObject, QRect,
                            QSize, Qt, Signal)
from PySide6.QtGui import (QBrush, QColor, QFont, QImage, QPainter, QPalette, QPen, QPixmap, QTextCharFormat,
                           QTextCursor, QTextFormat)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QScrollArea, QSizePolicy, QSplitter, QStackedWidget,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTabWidget, QTableView, QTextEdit,
                               QToolTip, QVBoxLayout, QWidget)

from ..models import outputs as rules
from ..sync.calls import PortalCalls, PortalClientError, PortalError, PortalUnreachable
from ..tasks import Op
from .widgets import plain_label

log = logging.getLogger(__name__)

MARK = "⚠"
FAIL_BACKGROUND = QColor(255, 196, 192)      # light red: a rule the output fails on
REVIEW_BACKGROUND = QColor(255, 226, 153)    # amber: a finding that asks for a person
MARK_TEXT = QColor(40, 20, 20)               # dark text on either background
REVIEW_RULES = frozenset({"zero", "needs_person", "contributors_missing", "contributors_mismatch",
                          "negative_contribution", "check_timeout", "check_error", "acro_mismatch", "unrounded"})
TABLE_KINDS = frozenset({"table", "magnitude_table", "contributors"})
TEXT_KINDS = frozenset({"text", "log", "acro_results"})
IMAGE_KINDS = frozenset({"image"})


def severity(finding: dict, output_verdict: str | None = None) -> str:
    """"fail" or "review" for a finding (ACRO's findings carry the output's verdict)."""
    rule = str(finding.get("rule") or "")
    if rule in REVIEW_RULES:
        return "review"
    if rule.startswith("acro:"):
        return "fail" if output_verdict == "fail" else "review"
    return "fail"


def background(finding: dict, output_verdict: str | None = None) -> QColor:
    return FAIL_BACKGROUND if severity(finding, output_verdict) == "fail" else REVIEW_BACKGROUND


def human_size(size: int | None) -> str:
    if size is None:
        return "?"
    if size < 1024:
        return QCoreApplication.translate("OutputViewer", "%1 bytes").replace("%1", str(size))
    if size < 1024 * 1024:
        return QCoreApplication.translate("OutputViewer", "%1 KiB").replace("%1", f"{size / 1024:.1f}")
    return QCoreApplication.translate("OutputViewer", "%1 MiB").replace("%1", f"{size / 1024 / 1024:.1f}")


# -- what the views say about findings ---------------------------------------------------------

class Words(QObject):
    """Translated names for rules, kinds and finding locations (one place, so the
    queue, the facts and the viewer say the same)."""

    def rule(self, rule: str | None) -> str:
        rule = rule or ""
        names = {
            "threshold": self.tr("Count below the minimum"), "zero": self.tr("Zero cell"),
            "dominance": self.tr("Dominance: few contributors hold most of the total"),
            "p_percent": self.tr("p% rule: a contributor can be estimated"),
            "cpr": self.tr("CPR number"), "cvr": self.tr("CVR number"), "microdata": self.tr("Row-level microdata"),
            "needs_person": self.tr("Needs a person"),
            "contributors_missing": self.tr("Contributor figures missing"),
            "contributors_mismatch": self.tr("Contributor figures do not fit the table"),
            "negative_contribution": self.tr("Negative contribution"),
            "acro:status": self.tr("ACRO's verdict"), "acro:threshold": self.tr("ACRO: count below the threshold"),
            "acro:p-ratio": self.tr("ACRO: p-ratio"), "acro:nk-rule": self.tr("ACRO: dominance (N-k rule)"),
            "acro:all-values-are-same": self.tr("ACRO: all values the same"),
            "acro:missing": self.tr("ACRO: missing values"),
            "acro:negative": self.tr("ACRO: negative values"), "acro:zeros": self.tr("ACRO: zero cells"),
            "acro:dof": self.tr("ACRO: degrees of freedom"),
            "acro_disagrees": self.tr("ACRO passed it, the portal found a breach"),
            "acro_mismatch": self.tr("ACRO bundle names other files"),
            "check_timeout": self.tr("Check stopped: over its time budget"),
            "check_error": self.tr("Check failed: a person must check it"),
            "unrounded": self.tr("Count not rounded to the base"),
            "differencing": self.tr("Differencing: subtracting another release leaves a small count"),
            "recoverable_suppression": self.tr("Suppressed cell recoverable from the totals"),
        }
        return names.get(rule, rule)

    def rule_short(self, rule: str | None) -> str:
        rule = rule or ""
        names = {"threshold": self.tr("small counts"), "zero": self.tr("zero cells"), "dominance": self.tr("dominance"),
                 "p_percent": self.tr("p%"), "cpr": self.tr("CPR numbers"), "cvr": self.tr("CVR numbers"),
                 "microdata": self.tr("microdata"), "needs_person": self.tr("needs a person"),
                 "contributors_missing": self.tr("contributors missing"),
                 "contributors_mismatch": self.tr("contributors mismatch"),
                 "negative_contribution": self.tr("negative contribution"), "acro:status": self.tr("ACRO verdict"),
                 "acro_disagrees": self.tr("ACRO disagrees"), "acro_mismatch": self.tr("ACRO bundle mismatch"),
                 "check_timeout": self.tr("check timed out"), "check_error": self.tr("check failed"),
                 "unrounded": self.tr("unrounded"), "differencing": self.tr("differencing"),
                 "recoverable_suppression": self.tr("recoverable suppression")}
        if rule in names:
            return names[rule]
        return self.tr("ACRO %1").replace("%1", rule[5:]) if rule.startswith("acro:") else rule

    def kind(self, kind: str | None) -> str:
        names = {"table": self.tr("table"), "magnitude_table": self.tr("magnitude table"),
                 "contributors": self.tr("contributor figures"), "text": self.tr("text"), "log": self.tr("program log"),
                 "image": self.tr("image"), "pdf": self.tr("PDF"), "office": self.tr("Office document"),
                 "acro_results": self.tr("ACRO results"), "empty": self.tr("empty file"),
                 "unknown": self.tr("unknown type")}
        return names.get(kind or "", kind or "")

    def threshold(self, finding: dict) -> str:
        value = finding.get("threshold")
        if value is None or value == "":
            return ""
        rule = finding.get("rule")
        if rule in ("threshold", "acro:threshold"):
            return self.tr("minimum %1").replace("%1", _plain(value))
        if rule == "dominance":
            return self.tr("limit %1").replace("%1", _plain(value))
        return self.tr("threshold %1").replace("%1", _plain(value))

    def where(self, placed: rules.Placed, table: rules.DisplayTable | None = None) -> str:
        f = placed.finding
        column = str(f.get("column") or "")
        row = placed.row if placed.row is not None else f.get("row")
        if placed.level == rules.CELL:
            return self.tr("Row %1 · %2").replace("%1", str(row + 1)).replace("%2", column)
        if placed.level == rules.COLUMN:
            return self.tr("Column %1").replace("%1", column)
        if placed.level == rules.ROW:
            return self.tr("Row %1").replace("%1", str(row + 1))
        if placed.level == rules.LINE:
            return self.tr("Line %1").replace("%1", str(row + 1))
        if placed.level == rules.UNPLACED:
            if isinstance(row, int) and column:
                return self.tr("Row %1 · %2 (not found in the file as shown)").replace("%1", str(row + 1)) \
                    .replace("%2", column)
            if isinstance(row, int):
                return self.tr("Line %1 (not in the file as shown)").replace("%1", str(row + 1))
            return self.tr("Column %1 (not found in the file as shown)").replace("%1", column)
        return self.tr("Whole file")

    def finding_text(self, placed: rules.Placed) -> str:
        f = placed.finding
        head = f"{self.where(placed)} — {self.rule(f.get('rule'))}"
        facts = []
        if f.get("value") is not None and f.get("value") != "":
            facts.append(self.tr("value %1").replace("%1", _plain(f.get("value"))))
        threshold = self.threshold(f)
        if threshold:
            facts.append(threshold)
        lines = [head]
        if facts:
            lines.append(" · ".join(facts))
        if f.get("message"):
            lines.append(str(f["message"]))
        return "\n".join(lines)


def plain_tip(text: str | None) -> str | None:
    """A tooltip that shows `text` as it is: Qt renders a tooltip that looks like HTML
    as HTML, and findings quote cells and labels written by researchers."""
    if not text:
        return text
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def _plain(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# -- CSV tables ------------------------------------------------------------------------------

class CsvModel(QAbstractTableModel):
    """A small read-only model over a DisplayTable, with the placed findings."""

    def __init__(self, table: rules.DisplayTable, placed: list[rules.Placed], verdict: str | None, words: Words,
                 parent=None):
        super().__init__(parent)
        self.table = table
        self.placed = placed
        self.verdict = verdict
        self.words = words
        self.cells: dict[tuple[int, int], list[rules.Placed]] = {}
        self.columns: dict[int, list[rules.Placed]] = {}
        self.rows_marked: dict[int, list[rules.Placed]] = {}
        for p in placed:
            if p.level == rules.CELL:
                self.cells.setdefault((p.row, p.col), []).append(p)
            elif p.level == rules.COLUMN:
                self.columns.setdefault(p.col, []).append(p)
            elif p.level == rules.ROW:
                self.rows_marked.setdefault(p.row, []).append(p)
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.table.width

    def flagged(self) -> set[tuple[int, str]]:
        """(data row, column name) of every highlighted cell (for tests and screen readers)."""
        return {(r, self.table.names[c]) for (r, c) in self.cells}

    def _messages(self, found: list[rules.Placed]) -> str:
        return "\n\n".join(self.words.finding_text(p) for p in found)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        found = self.cells.get((r, c))
        raw = self.table.cell(r, c)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{MARK} {raw}" if found else raw
        if found is None and role != Qt.ItemDataRole.TextAlignmentRole:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return raw
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(background(found[0].finding, self.verdict))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(MARK_TEXT)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._messages(found))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("%1, flagged: %2").replace("%1", raw).replace(
                "%2", "; ".join(self.words.rule(p.finding.get("rule")) for p in found))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if rules.number_of(raw, self.table.danish) is not None:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.table.width:
                return None
            name = self.table.names[section]
            found = self.columns.get(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{MARK} {name}" if found else name
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(self._messages(found) if found else name)
            if role == Qt.ItemDataRole.BackgroundRole and found:
                return QBrush(background(found[0].finding, self.verdict))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            marked = self.rows_marked.get(section) or any(r == section for (r, _c) in self.cells)
            return f"{MARK} {section + 1}" if marked else str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.rows_marked.get(section)
            if found:
                return plain_tip(self._messages(found))
            return self.tr("Data row %1 (the check counts from 0: row %2)").replace("%1", str(section + 1)) \
                .replace("%2", str(section))
        return None


class FramedSelection(QStyledItemDelegate):
    """The selected cell keeps its finding colour and gets a frame: the colour says
    what is wrong with it, the frame says which cell you are on."""

    def paint(self, painter, option, index):
        if not option.state & QStyle.StateFlag.State_Selected:
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        painter.save()
        pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 3)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


# -- text with line numbers -------------------------------------------------------------------

class _Gutter(QWidget):
    def __init__(self, editor: "NumberedText"):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self):
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event):
        self.editor.paint_gutter(event)


class NumberedText(QPlainTextEdit):
    """Read-only text with line numbers; flagged lines are shaded, marked "⚠" in
    the margin, and explain themselves in a tooltip."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse |
                                     Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.gutter = _Gutter(self)
        self.marks: dict[int, list[rules.Placed]] = {}
        self.messages: dict[int, str] = {}
        self.blockCountChanged.connect(lambda _n: self._update_margin())
        self.updateRequest.connect(self._update_gutter)
        self._update_margin()

    def set_lines(self, lines: list[str], placed: list[rules.Placed], words: Words, verdict: str | None):
        self.setPlainText("\n".join(lines))
        self.marks = {}
        for p in placed:
            if p.level == rules.LINE:
                self.marks.setdefault(p.row, []).append(p)
        self.messages = {line: "\n\n".join(words.finding_text(p) for p in found) for line, found in self.marks.items()}
        selections = []
        for line, found in self.marks.items():
            block = self.document().findBlockByNumber(line)
            if not block.isValid():
                continue
            shade = QTextEdit.ExtraSelection()
            colour = background(found[0].finding, verdict)
            shade.format.setBackground(colour.lighter(110))
            shade.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            shade.cursor = QTextCursor(block)
            selections.append(shade)
            for p in found:
                if p.span is None:
                    continue
                span = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(colour.darker(115))
                fmt.setForeground(MARK_TEXT)
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setFontWeight(QFont.Weight.Bold)
                span.format = fmt
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + p.span[0])
                cursor.setPosition(block.position() + p.span[1], QTextCursor.MoveMode.KeepAnchor)
                span.cursor = cursor
                selections.append(span)
        self.setExtraSelections(selections)
        self._update_margin()

    def flagged_lines(self) -> set[int]:
        return set(self.marks)

    def select(self, placed: rules.Placed):
        block = self.document().findBlockByNumber(placed.row or 0)
        cursor = QTextCursor(block)
        if placed.span is not None:
            cursor.setPosition(block.position() + placed.span[0])
            cursor.setPosition(block.position() + placed.span[1], QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    # -- the margin --------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9" * digits + " " + MARK)

    def _update_margin(self):
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int):
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event):
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber()
                flagged = number in self.marks
                text = f"{MARK} {number + 1}" if flagged else str(number + 1)
                if flagged:
                    painter.fillRect(0, top, self.gutter.width(), height, background(self.marks[number][0].finding))
                    painter.setPen(MARK_TEXT)
                else:
                    painter.setPen(muted)
                painter.drawText(0, top, self.gutter.width() - 5, height, Qt.AlignmentFlag.AlignRight, text)
            block = block.next()
            top = bottom

    def viewportEvent(self, event):
        if event.type() == event.Type.ToolTip:
            line = self.cursorForPosition(event.pos()).blockNumber()
            if line in self.messages:
                QToolTip.showText(event.globalPos(), plain_tip(self.messages[line]), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


# -- one file -----------------------------------------------------------------------------------

class Prepared:
    """A file made ready for display off the UI thread: `shown` is "table", "text",
    "image", "person" (needs a person, not shown) or "empty"."""

    def __init__(self, content: rules.FileContent, shown: str, *, table=None, lines=None, placed=None,
                 image: QImage | None = None, note: str = ""):
        self.content = content
        self.shown = shown
        self.table = table
        self.lines = lines
        self.placed = placed or []
        self.image = image
        self.note = note


def prepare(content: rules.FileContent, findings: list[dict]) -> Prepared:
    """Decode and lay out one file (runs in the background)."""
    kind, name = content.kind, content.name.lower()
    data = content.data
    if not data:
        return Prepared(content, "empty", placed=[rules.Placed(n, f, rules.FILE) for n, f in enumerate(findings)])
    if kind in IMAGE_KINDS:
        image = QImage.fromData(data)
        return Prepared(content, "image" if not image.isNull() else "person", image=image,
                        placed=[rules.Placed(n, f, rules.FILE) for n, f in enumerate(findings)])
    text = rules.decode_text(data) if kind not in ("pdf", "office") else None
    if text is not None and (kind in TABLE_KINDS or name.endswith((".csv", ".tsv"))):
        try:
            table, placed = rules.table_for_findings(text, findings)
            return Prepared(content, "table", table=table, placed=placed)
        except ValueError as exc:
            lines = rules.text_lines(text)
            return Prepared(content, "text", lines=lines, placed=rules.place_in_text(lines, findings), note=str(exc))
    if text is not None:
        lines = rules.text_lines(text)
        return Prepared(content, "text", lines=lines, placed=rules.place_in_text(lines, findings))
    return Prepared(content, "person", placed=[rules.Placed(n, f, rules.FILE) for n, f in enumerate(findings)])


class FilePage(QWidget):
    """One file of the output: its metadata and checksum, its contents, its findings."""

    def __init__(self, index: int, meta: dict, findings: list[dict], verdict: str | None, words: Words, parent=None):
        super().__init__(parent)
        self.index = index
        self.meta = meta
        self.findings = findings
        self.verdict = verdict
        self.words = words
        self.prepared: Prepared | None = None
        self.state = "loading"        # loading | shown | offline | failed
        self.placed: list[rules.Placed] = [rules.Placed(n, f, rules.FILE) for n, f in enumerate(findings)]
        self.model: CsvModel | None = None
        self.table_view: QTableView | None = None
        self.text_view: NumberedText | None = None
        self.image_label: QLabel | None = None
        self._pixmap: QPixmap | None = None
        self.image_note: QLabel | None = None
        self._current = -1

        self.meta_line = plain_label("", wrap=True, selectable=True)
        self.meta_line.setObjectName("muted")
        self.checksum = plain_label("", wrap=True, selectable=True)
        self.checksum.setAccessibleName(self.tr("Checksum"))
        self.titles = plain_label("", wrap=True)
        self.titles.setObjectName("muted")
        self.titles.hide()

        self.stack = QStackedWidget()
        self.message = plain_label(self.tr("Loading the file from the portal…"), wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setMargin(12)
        message_box = QScrollArea()
        message_box.setWidgetResizable(True)
        message_box.setFrameShape(QFrame.Shape.NoFrame)
        message_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        message_box.setWidget(self.message)
        self.stack.addWidget(message_box)

        self.findings_list = QListWidget()
        self.findings_list.setObjectName("findingsList")
        self.findings_list.setAccessibleName(self.tr("Findings of the automatic check"))
        self.findings_list.setWordWrap(True)
        self.findings_list.setAlternatingRowColors(True)
        self.findings_list.setSpacing(2)
        self.findings_list.currentRowChanged.connect(self._finding_chosen)
        self.findings_list.itemClicked.connect(lambda item: self._finding_chosen(self.findings_list.row(item)))
        self.findings_title = plain_label("")
        self.findings_title.setObjectName("subheading")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.findings_title)
        side_layout.addWidget(self.findings_list, 1)
        self.findings_hint = plain_label(self.tr("Click a finding, or press F / Shift+F, to select its cell."),
                                         wrap=True)
        self.findings_hint.setObjectName("muted")
        side_layout.addWidget(self.findings_hint)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.titles)
        content_layout.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(content)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 300])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.meta_line)
        layout.addWidget(self.checksum)
        layout.addWidget(self.splitter, 1)
        self._fill_meta(None)
        self._fill_findings()

    # -- metadata and checksum ------------------------------------------------------------------
    def _fill_meta(self, verification: rules.Verification | None):
        meta = self.meta
        parts = [str(meta.get("name") or ""), self.words.kind(meta.get("kind")), human_size(meta.get("size"))]
        self.meta_line.setText(" · ".join(p for p in parts if p))
        recorded = str(meta.get("sha256") or "")
        if verification is None:
            self.checksum.setObjectName("muted")
            self.checksum.setText(self.tr("SHA-256 recorded at submission: %1 (checked when the file arrives)")
                                  .replace("%1", recorded or self.tr("none")))
        elif verification.state == "verified":
            self.checksum.setObjectName("")
            self.checksum.setText(self.tr("✔ SHA-256 verified: the file received is the one the portal checked "
                                          "(%1)").replace("%1", verification.actual))
        elif verification.state == "unrecorded":
            self.checksum.setObjectName("error")
            self.checksum.setText(self.tr("No checksum was recorded for this file; SHA-256 of what arrived: %1")
                                  .replace("%1", verification.actual))
        else:
            self.checksum.setObjectName("checksumMismatch")
            text = self.tr("✖ CHECKSUM MISMATCH — the file received is NOT the one the portal checked. Do not "
                           "release it. Recorded %1, received %2.").replace("%1", verification.expected or "?") \
                .replace("%2", verification.actual)
            if verification.answered and verification.answered != verification.expected:
                text += " " + self.tr("The portal's answer named %1.").replace("%1", verification.answered)
            self.checksum.setText(text)
        self.checksum.setStyleSheet(
            "QLabel#checksumMismatch { color: white; background: #b3261e; font-weight: 700; padding: 6px; "
            "border-radius: 4px; }" if verification is not None and verification.state == "mismatch" else "")
        self.checksum.style().unpolish(self.checksum)
        self.checksum.style().polish(self.checksum)

    @property
    def verification(self) -> rules.Verification | None:
        return self.prepared.content.verification if self.prepared else None

    # -- findings ------------------------------------------------------------------------------
    def _fill_findings(self):
        self.findings_list.blockSignals(True)
        self.findings_list.clear()
        for placed in self.placed:
            item = QListWidgetItem(self.words.finding_text(placed))
            item.setData(Qt.ItemDataRole.UserRole, placed.index)
            item.setToolTip(plain_tip(self.words.finding_text(placed)))
            marker = QColor(background(placed.finding, self.verdict))
            item.setData(Qt.ItemDataRole.DecorationRole, marker)
            self.findings_list.addItem(item)
        self.findings_list.blockSignals(False)
        count = len(self.placed)
        self.findings_title.setText(self.tr("No findings in this file") if not count else
                                    self.tr("1 finding") if count == 1 else
                                    self.tr("%1 findings").replace("%1", str(count)))
        shown = self.prepared.shown if self.prepared is not None else None
        if shown == "text":
            self.findings_hint.setText(self.tr("Click a finding, or press F / Shift+F, to select its line."))
        self.findings_hint.setVisible(bool(count) and shown in ("table", "text"))
        if not count:
            empty = QListWidgetItem(self.tr("The automatic check found nothing in this file."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.findings_list.addItem(empty)

    def _finding_chosen(self, number: int):
        if not 0 <= number < len(self.placed):
            return
        self._current = number
        self.select_finding(number)

    def select_finding(self, number: int):
        """Show finding `number`: select its cell, column, row or line."""
        if not 0 <= number < len(self.placed):
            return
        self._current = number
        if self.findings_list.currentRow() != number:
            self.findings_list.blockSignals(True)
            self.findings_list.setCurrentRow(number)
            self.findings_list.blockSignals(False)
        placed = self.placed[number]
        if self.table_view is not None and self.model is not None:
            selection = self.table_view.selectionModel()
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            if placed.level == rules.CELL:
                index = self.model.index(placed.row, placed.col)
                selection.setCurrentIndex(index, flags)
                self.table_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            elif placed.level == rules.COLUMN:
                self.table_view.selectColumn(placed.col)
                self.table_view.scrollTo(self.model.index(0, placed.col))
            elif placed.level == rules.ROW:
                self.table_view.selectRow(placed.row)
                self.table_view.scrollTo(self.model.index(placed.row, 0))
        elif self.text_view is not None and placed.level == rules.LINE:
            self.text_view.select(placed)

    def step_finding(self, step: int) -> bool:
        if not self.placed:
            return False
        number = (self._current + step) % len(self.placed) if self._current >= 0 else (0 if step > 0 else
                                                                                       len(self.placed) - 1)
        self.select_finding(number)
        return True

    def current_cell(self) -> tuple[int, int] | None:
        if self.table_view is None:
            return None
        index = self.table_view.currentIndex()
        return (index.row(), index.column()) if index.isValid() else None

    # -- contents ----------------------------------------------------------------------------------
    def show_message(self, text: str, state: str):
        self.state = state
        self.message.setText(text)
        self.stack.setCurrentIndex(0)

    def show_prepared(self, prepared: Prepared):
        self.prepared = prepared
        self.state = "shown"
        self.placed = prepared.placed
        self._fill_meta(prepared.content.verification)
        shown = prepared.shown
        if shown == "table":
            self.model = CsvModel(prepared.table, prepared.placed, self.verdict, self.words, self)
            view = QTableView()
            view.setObjectName("fileTable")
            view.setAccessibleName(self.tr("Contents of %1").replace("%1", prepared.content.name))
            view.setModel(self.model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setWordWrap(False)
            view.setAlternatingRowColors(False)
            view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(False)
            view.setItemDelegate(FramedSelection(view))
            if len(prepared.table.rows) <= 2000:
                view.resizeColumnsToContents()
                for col in range(self.model.columnCount()):
                    view.setColumnWidth(col, min(max(view.columnWidth(col) + 12, 70), 320))
            self.table_view = view
            self.stack.addWidget(view)
            self.stack.setCurrentWidget(view)
            titles = [t for t in prepared.table.titles if t]
            if titles:
                self.titles.setText(self.tr("Title lines above the table: %1").replace("%1", " · ".join(titles)))
                self.titles.show()
            if prepared.table.layout == "acro":
                self.titles.setText(self.tr("Read as ACRO wrote it: %1 header rows joined with \" / \".")
                                    .replace("%1", str(prepared.table.header_rows)))
                self.titles.show()
        elif shown == "text":
            view = NumberedText()
            view.setObjectName("fileText")
            view.setAccessibleName(self.tr("Contents of %1").replace("%1", prepared.content.name))
            view.set_lines(prepared.lines, prepared.placed, self.words, self.verdict)
            self.text_view = view
            self.stack.addWidget(view)
            self.stack.setCurrentWidget(view)
            if prepared.note:
                self.titles.setText(self.tr("Shown as text: %1").replace("%1", prepared.note))
                self.titles.show()
        elif shown == "image":
            self._pixmap = QPixmap.fromImage(prepared.image)
            self.image_label = QLabel()
            self.image_label.setObjectName("fileImage")
            self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.image_label.setMinimumSize(120, 120)
            self.image_label.setAccessibleName(self.tr("Image %1, %2 × %3 pixels").replace(
                "%1", prepared.content.name).replace("%2", str(self._pixmap.width()))
                .replace("%3", str(self._pixmap.height())))
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            holder_layout.addWidget(self.image_label, 1)
            self.image_note = plain_label("", wrap=True)
            self.image_note.setObjectName("muted")
            holder_layout.addWidget(self.image_note)
            self.stack.addWidget(holder)
            self.stack.setCurrentWidget(holder)
            self._scale_image()
        elif shown == "empty":
            self.show_message(self.tr("The file is empty."), "shown")
        else:
            self.show_message(self._person_text(prepared.content), "shown")
        self._fill_findings()

    def _person_text(self, content: rules.FileContent) -> str:
        kind = self.words.kind(content.kind)
        lines = [self.tr("This file needs a person."),
                 self.tr("The automatic check cannot read a file of this kind (%1), and Portal Desk does not show it. "
                         "Ask the researcher for a checkable version, or judge it from what you know of the "
                         "project.").replace("%1", kind),
                 "",
                 self.tr("Name: %1").replace("%1", content.name),
                 self.tr("Kind: %1").replace("%1", kind),
                 self.tr("Size: %1").replace("%1", human_size(len(content.data))),
                 self.tr("SHA-256: %1").replace("%1", content.verification.actual)]
        return "\n".join(lines)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._scale_image()

    def _scale_image(self):
        if self.image_label is None or self._pixmap is None:
            return
        area = self.image_label.size()
        if area.width() < 10 or area.height() < 10:
            return
        pixmap = self._pixmap
        if pixmap.width() > area.width() or pixmap.height() > area.height():
            pixmap = pixmap.scaled(area, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        elif pixmap.width() * 4 <= area.width() and pixmap.height() * 4 <= area.height():
            # a tiny image (a sparkline, a 1-pixel test) is enlarged so that it can be seen at all
            factor = max(1, min(area.width() // max(pixmap.width(), 1), area.height() // max(pixmap.height(), 1)) // 2)
            pixmap = pixmap.scaled(pixmap.width() * factor, pixmap.height() * factor,
                                   Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
        self.image_label.setPixmap(pixmap)
        if self.image_note is not None:
            note = self.tr("%1 × %2 pixels").replace("%1", str(self._pixmap.width())) \
                .replace("%2", str(self._pixmap.height()))
            if pixmap.width() > self._pixmap.width():
                note += " " + self.tr("(shown enlarged)")
            elif pixmap.width() < self._pixmap.width():
                note += " " + self.tr("(shown smaller, to fit)")
            self.image_note.setText(note + ". " + self.tr("The automatic check cannot read images: look at it "
                                                          "yourself."))

    def focus_contents(self):
        for widget in (self.table_view, self.text_view, self.image_label):
            if widget is not None:
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.findings_list.setFocus(Qt.FocusReason.ShortcutFocusReason)


# -- the output's files --------------------------------------------------------------------------

class OutputViewer(QWidget):
    """The files of one output in tabs. `show_output(doc)` starts fetching their
    contents; `loaded` is emitted when every file has arrived (or failed)."""

    loaded = Signal(str)                 # output id
    verification_changed = Signal(str)   # output id

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.words = Words(self)
        self.output_id: str | None = None
        self.version = None
        self.pages: list[FilePage] = []
        self.state = "none"         # none | loading | loaded | offline | failed (for tests and screen readers)
        self._request = 0
        self._stop = False

        self.tabs = QTabWidget()
        self.tabs.setObjectName("fileTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.banner = plain_label("", wrap=True)
        self.banner.setObjectName("muted")
        self.banner.hide()
        self.empty = plain_label(self.tr("Select an output in the queue to read its files."), wrap=True)
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self.tabs.hide()

    # -- showing an output ----------------------------------------------------------------------
    def clear(self):
        """Forget the open output and its file contents."""
        self._request += 1
        self.output_id = None
        self.version = None
        self._files = None
        for page in self.pages:
            page.prepared = None
            page.deleteLater()
        self.pages = []
        self.tabs.clear()
        self.tabs.hide()
        self.banner.hide()
        self.empty.show()
        self.state = "none"

    def show_output(self, output: dict | None):
        if output is None:
            self.clear()
            return
        if output.get("id") == self.output_id and output.get("files") == self._files:
            self.version = output.get("version")
            return
        current_tab = self.tabs.currentIndex() if output.get("id") == self.output_id else 0
        self.clear()
        self.output_id = output["id"]
        self.version = output.get("version")
        self._files = output.get("files")
        files = [f for f in output.get("files") or [] if isinstance(f, dict)]
        verdict = rules.check_verdict(output)
        for index, meta in enumerate(files):
            findings = rules.findings_of_file(output, str(meta.get("name") or ""))
            page = FilePage(index, meta, findings, verdict, self.words)
            self.pages.append(page)
            title = str(meta.get("name") or f"#{index + 1}")
            if findings:
                title = f"{MARK} {title} ({len(findings)})"
            self.tabs.addTab(page, title)
            tip = self.tr("%1 — %2, %3 findings").replace("%1", str(meta.get("name") or "")) \
                .replace("%2", self.words.kind(meta.get("kind"))).replace("%3", str(len(findings)))
            self.tabs.setTabToolTip(index, plain_tip(tip))
        # findings on files the output does not list (should not happen) stay visible too
        listed = {str(f.get("name") or "") for f in files}
        stray = [f for f in rules._findings(output) if f.get("file") not in listed]
        if stray:
            page = FilePage(len(files), {"name": self.tr("(other)"), "kind": "unknown"}, stray, verdict, self.words)
            page.show_message(self.tr("These findings name files that are not in this output."), "shown")
            self.pages.append(page)
            self.tabs.addTab(page, self.tr("Other findings"))
        self.empty.hide()
        self.tabs.show()
        if not files:
            self.empty.setText(self.tr("This output has no files."))
            self.empty.show()
        self.tabs.setCurrentIndex(min(max(current_tab, 0), max(self.tabs.count() - 1, 0)))
        self._fetch(output, files)

    _files = None

    def _online(self) -> bool:
        client = self.workspace.client
        return bool(client.token) and not self.workspace.offline

    def _fetch(self, output: dict, files: list[dict]):
        if not files:
            self.state = "loaded"
            self.loaded.emit(output["id"])
            return
        if not self._online():
            self._offline_pages()
            return
        self._request += 1
        request = self._request
        self.state = "loading"
        calls = PortalCalls(self.workspace.client)
        output_id = output["id"]
        wanted = [(i, meta, rules.findings_of_file(output, str(meta.get("name") or "")))
                  for i, meta in enumerate(files)]

        def work(report):
            for index, meta, findings in wanted:
                if request != self._request:
                    return None
                try:
                    answer = calls.output_file(output_id, index)
                    content = rules.decode_file_answer(answer, meta, index)
                    report((index, prepare(content, findings), None))
                except Exception as exc:   # each file on its own: one failure does not hide the others
                    report((index, None, exc))
            return None

        Op(work, with_progress=True).progress(lambda item: self._arrived(request, *item)) \
            .success(lambda _r: self._finished(request)).failure(lambda exc: self._finished(request, exc)) \
            .run_in_background()

    def _current(self, request: int) -> bool:
        return shiboken6.isValid(self) and request == self._request

    def _arrived(self, request: int, index: int, prepared: Prepared | None, error: Exception | None):
        if not self._current(request) or not 0 <= index < len(self.pages):
            return
        page = self.pages[index]
        if prepared is not None:
            page.show_prepared(prepared)
            verification = prepared.content.verification
            if verification.state == "mismatch":
                self.tabs.setTabText(index, f"✖ {self.tabs.tabText(index)}")
            self.verification_changed.emit(self.output_id or "")
            return
        if isinstance(error, PortalUnreachable):
            page.show_message(self._offline_text(), "offline")
        elif isinstance(error, PortalError):
            page.show_message(self.tr("The portal did not hand out this file (%1): %2").replace(
                "%1", error.code).replace("%2", error.message), "failed")
        elif isinstance(error, PortalClientError):
            page.show_message(self.tr("The file could not be fetched: %1").replace("%1", str(error)), "failed")
        else:
            page.show_message(self.tr("The file could not be read: %1").replace("%1", str(error)), "failed")

    def _finished(self, request: int, error: Exception | None = None):
        if not self._current(request):
            return
        states = [p.state for p in self.pages]
        if error is not None:
            log.info("file fetch failed: %s", error)
        if any(s == "offline" for s in states):
            self.state = "offline"
            self._say_banner(self.tr("The portal could not be reached: file contents need the portal. The findings "
                                     "below come from the offline copy."))
        elif any(s == "failed" for s in states):
            self.state = "failed"
        else:
            self.state = "loaded"
        if self.mismatches():
            self._say_banner(self.tr("✖ A file's checksum does not match: what you see is not what the portal "
                                     "checked. Do not release this output."), error=True)
        self.loaded.emit(self.output_id or "")

    def _offline_text(self) -> str:
        return self.tr("The file contents need the portal, and you are offline. The findings of the automatic "
                       "check (from the offline copy) are listed beside; the file is shown when the portal can be "
                       "reached again.")

    def _offline_pages(self):
        for page in self.pages:
            if page.state == "loading":
                page.show_message(self._offline_text(), "offline")
        self.state = "offline"
        self._say_banner(self.tr("Offline: file contents need the portal. The findings come from the offline copy."))
        self.loaded.emit(self.output_id or "")

    def _say_banner(self, text: str, error: bool = False):
        self.banner.setText(text)
        self.banner.setObjectName("error" if error else "muted")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()

    def reload(self):
        """Fetch the open output's files again (after going online, or a mismatch)."""
        output = self.workspace.cache.get("output", self.output_id) if self.output_id else None
        if output is not None:
            self.output_id = None
            self.show_output(output)

    # -- for the queue view and tests -----------------------------------------------------------
    def mismatches(self) -> list[str]:
        return [p.prepared.content.name for p in self.pages
                if p.prepared is not None and p.prepared.content.verification.state == "mismatch"]

    def current_page(self) -> FilePage | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, FilePage) else None

    def page_named(self, name: str) -> FilePage | None:
        return next((p for p in self.pages if p.meta.get("name") == name), None)

    def step_file(self, step: int):
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def step_finding(self, step: int):
        """F / Shift+F: the next finding, moving on to the next file with findings."""
        page = self.current_page()
        if page is None:
            return
        if page.placed and 0 <= page._current + step < len(page.placed) or (page.placed and page._current < 0):
            page.step_finding(step)
            return
        count = self.tabs.count()
        for offset in range(1, count + 1):
            other = self.tabs.widget((self.tabs.currentIndex() + offset * step) % count)
            if isinstance(other, FilePage) and other.placed:
                self.tabs.setCurrentWidget(other)
                other._current = -1
                other.step_finding(step)
                return

    def focus_contents(self):
        page = self.current_page()
        if page is not None:
            page.focus_contents()
