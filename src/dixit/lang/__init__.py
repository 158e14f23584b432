"""Language knowledge, one folder per language: data files, not code branches.

Each `lang/<code>/language.toml` names the spaCy pipeline and points at the data files
(cue verbs, titles, demonyms, event triggers...) of that language. Adding a language means
adding a folder; the core never tests for a language code.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from dixit.errors import UnsupportedLanguage

LANG_ROOT = Path(str(resources.files("dixit") / "lang"))


@dataclass
class LanguageData:
    """What dixit knows of one language; files are read once per process, on first use."""

    code: str
    spacy_model: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return LANG_ROOT / self.code

    def toml(self, name: str) -> dict[str, Any]:
        """`lang/<code>/<name>.toml`, or an empty table when the language has none."""
        return _read_toml(self.folder / f"{name}.toml")

    def tsv(self, name: str) -> list[dict[str, str]]:
        return _read_tsv(self.folder / f"{name}.tsv")


def common_toml(name: str) -> dict[str, Any]:
    """Language-independent data (`lang/common/<name>.toml`): PLOVER types, ISO codes..."""
    return _read_toml(LANG_ROOT / "common" / f"{name}.toml")


def common_tsv(name: str) -> list[dict[str, str]]:
    return _read_tsv(LANG_ROOT / "common" / f"{name}.tsv")


@cache
def _read_toml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


@cache
def _read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [dict(r) for r in rows]


def supported_languages() -> list[str]:
    return sorted(p.parent.name for p in LANG_ROOT.glob("*/language.toml"))


@cache
def get_language(code: str, source: str | None = None) -> LanguageData:
    path = LANG_ROOT / code / "language.toml"
    if not path.exists():
        raise UnsupportedLanguage(source, code, supported_languages())
    meta = _read_toml(path)
    return LanguageData(code=code, spacy_model=meta["spacy_model"], meta=meta)
