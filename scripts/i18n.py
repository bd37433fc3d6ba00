#!/usr/bin/env python3
"""Translations of the user interface: Qt's lupdate and lrelease (from PySide6) over desktop/.

    python scripts/i18n.py update            find new and changed strings: rewrite resources/translations/*.ts
                                             (new ones are marked unfinished; vanished ones are dropped)
    python scripts/i18n.py check             fail (exit 1) listing every string with no translation, scanning
                                             the current sources into a temporary copy (the .ts files stay as they are)
    python scripts/i18n.py release [--if-outdated]
                                             build the .qm files the app loads (build products, not committed)
    python scripts/i18n.py stats             count messages and translations per language

The source language is English; the translations are resources/translations/portal_desk_<lang>.ts.
Translate with Qt Linguist (pyside6-linguist) or by editing the XML, then run `check`.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRANSLATIONS = os.path.join(ROOT, "resources", "translations")
SOURCES = ["desktop", "main.py"]          # relative to ROOT
LANGUAGES = {"da": "da_DK", "en": "en_GB"}   # language -> lupdate's -target-language
# English is the source language: its file holds only the plural forms ("1 output", "2 outputs")
# that a source string written once with %n cannot give by itself.
PLURAL_ONLY = {"en"}
PREFIX = "portal_desk_"


def ts_path(language: str) -> str:
    return os.path.join(TRANSLATIONS, f"{PREFIX}{language}.ts")


def qm_path(language: str) -> str:
    return os.path.join(TRANSLATIONS, f"{PREFIX}{language}.qm")


def qt_tool(name: str) -> str:
    """lupdate / lrelease as shipped inside the PySide6 wheel (what pyside6-lupdate runs)."""
    import PySide6
    folder = os.path.dirname(os.path.abspath(PySide6.__file__))
    exe = os.path.join(folder, name + (".exe" if sys.platform == "win32" else ""))
    if os.path.exists(exe):
        return exe
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return found
    raise FileNotFoundError(f"{name} not found: install PySide6 (it ships lupdate and lrelease)")


def translate_helpers(tree: ast.AST) -> dict[str, str]:
    """Functions of the form `def _t(text): return QCoreApplication.translate("ctx", text)`: name -> ctx."""
    helpers = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1 or len(node.body) != 1:
            continue
        ret = node.body[0]
        call = ret.value if isinstance(ret, ast.Return) else None
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "translate"
                and len(call.args) == 2 and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str) and isinstance(call.args[1], ast.Name)
                and call.args[1].id == node.args.args[0].arg):
            helpers[node.name] = call.args[0].value
    return helpers


def expand_helpers(source: str) -> str:
    """The source with each `_t("text")` of a translate helper spelled as lupdate knows it:
    `QCoreApplication.translate("ctx", "text")` (only what lupdate reads is rewritten)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    helpers = translate_helpers(tree)
    if not helpers:
        return source
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            edits.append((node.func.lineno - 1, node.func.col_offset, node.func.end_col_offset, node.func.id))
    for row, start, end, name in sorted(edits, reverse=True):
        line = lines[row]
        prefix = line.encode("utf-8")[:start].decode("utf-8")       # ast offsets count UTF-8 bytes
        rest = line.encode("utf-8")[end:].decode("utf-8")
        if rest.startswith("("):
            lines[row] = f'{prefix}QCoreApplication.translate("{helpers[name]}", {rest[1:]}'
    return "".join(lines)


def prepared_sources(folder: str) -> list[str]:
    """The sources copied into folder with translate helpers expanded; returns the paths to scan."""
    scanned = []
    for item in SOURCES:
        path = os.path.join(ROOT, item)
        files = [path] if os.path.isfile(path) else [
            os.path.join(d, f) for d, _dirs, names in os.walk(path) for f in names if f.endswith(".py")]
        for source in files:
            rel = os.path.relpath(source, ROOT)
            target = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(source, encoding="utf-8") as f:
                text = f.read()
            with open(target, "w", encoding="utf-8") as f:
                f.write(expand_helpers(text))
        scanned.append(item)
    return scanned


def run_lupdate(ts_file: str, language: str) -> str:
    """Scan the sources into ts_file (created or merged); returns lupdate's report."""
    ts_file = os.path.abspath(ts_file)
    with tempfile.TemporaryDirectory(prefix="i18n-src-") as folder:
        sources = prepared_sources(folder)
        cmd = [qt_tool("lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
               *(["-pluralonly"] if language in PLURAL_ONLY else []),
               "-target-language", LANGUAGES[language], *sources, "-ts", ts_file]
        done = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"lupdate failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def run_lrelease(ts_file: str, qm_file: str) -> str:
    done = subprocess.run([qt_tool("lrelease"), ts_file, "-qm", qm_file], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"lrelease failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool
    comment: str = ""


def read_ts(path: str) -> list[Message]:
    """Every live message of a .ts file (vanished and obsolete ones left out)."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes" and node is not None:
                forms = [f.text or "" for f in node.iter("numerusform")]
                text = " | ".join(forms) if all(forms) and forms else ""
            else:
                text = (node.text or "") if node is not None else ""
            messages.append(Message(name, message.findtext("source") or "", text,
                                    finished=kind != "unfinished" and bool(text.strip()),
                                    comment=message.findtext("comment") or ""))
    return messages


def untranslated(language: str) -> tuple[list[Message], list[Message]]:
    """Scan the current sources into a temporary copy of the language's .ts: (all, untranslated)."""
    with tempfile.TemporaryDirectory(prefix="i18n-") as tmp:
        copy = os.path.join(tmp, os.path.basename(ts_path(language)))
        if os.path.exists(ts_path(language)):
            shutil.copyfile(ts_path(language), copy)
        run_lupdate(copy, language)
        messages = read_ts(copy)
    return messages, [m for m in messages if not m.finished]


def placeholder_problems(messages: list[Message]) -> list[str]:
    """Translations that lose or invent a %1, %2 … placeholder (the code fills them by replace())."""
    import re
    problems = []
    for m in messages:
        if not m.finished:
            continue
        want = sorted(set(re.findall(r"%\d", m.source)))
        have = sorted(set(re.findall(r"%\d", m.translation)))
        if want != have:
            problems.append(f"[{m.context}] {m.source!r} -> {m.translation!r}: placeholders {want} vs {have}")
    return problems


def outdated(language: str) -> bool:
    ts, qm = ts_path(language), qm_path(language)
    return not os.path.exists(qm) or os.path.getmtime(qm) < os.path.getmtime(ts)


def release(if_outdated: bool = False) -> list[str]:
    """Build the .qm files; returns the ones (re)built."""
    built = []
    for language in LANGUAGES:
        if not os.path.exists(ts_path(language)):
            continue
        if if_outdated and not outdated(language):
            continue
        run_lrelease(ts_path(language), qm_path(language))
        built.append(qm_path(language))
    return built


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="i18n.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="rescan the sources into the .ts files")
    sub.add_parser("check", help="fail listing strings without a translation")
    rel = sub.add_parser("release", help="build the .qm files")
    rel.add_argument("--if-outdated", action="store_true", help="only when a .qm is missing or older than its .ts")
    sub.add_parser("stats", help="messages and translations per language")
    args = parser.parse_args(argv)

    if args.command == "update":
        os.makedirs(TRANSLATIONS, exist_ok=True)
        for language in LANGUAGES:
            print(run_lupdate(ts_path(language), language).strip())
            messages = read_ts(ts_path(language))
            missing = sum(not m.finished for m in messages)
            print(f"{language}: {len(messages)} messages, {missing} without a translation")
        return 0
    if args.command == "release":
        for path in release(args.if_outdated):
            print(f"built {os.path.relpath(path, ROOT)}")
        return 0
    if args.command == "stats":
        for language in LANGUAGES:
            messages = read_ts(ts_path(language)) if os.path.exists(ts_path(language)) else []
            print(f"{language}: {len(messages)} messages, {sum(m.finished for m in messages)} translated")
        return 0
    # check
    failed = False
    for language in LANGUAGES:
        messages, missing = untranslated(language)
        bad = placeholder_problems(messages)
        print(f"{language}: {len(messages)} messages in the sources, {len(missing)} without a translation")
        for m in missing:
            print(f"  [{m.context}] {m.source!r}")
        for line in bad:
            print(f"  {line}")
        failed |= bool(missing or bad)
    if failed:
        print("Run `python scripts/i18n.py update`, translate the unfinished messages in "
              "resources/translations/*.ts (Qt Linguist: pyside6-linguist), and check again.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
