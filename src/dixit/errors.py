"""Errors dixit reports to its users: each names the input and the reason in one line."""

from __future__ import annotations


class DixitError(Exception):
    """Base class: a problem with the input or the setup, not a bug."""


class InputError(DixitError):
    """A document that cannot be analysed (empty, binary, too large, undecodable...)."""

    def __init__(self, source: str | None, reason: str):
        self.source = source or "<text>"
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class UnsupportedLanguage(InputError):
    def __init__(self, source: str | None, language: str, supported: list[str]):
        self.language = language
        super().__init__(
            source,
            f"language '{language}' is not supported (dixit analyses: {', '.join(sorted(supported))}); "
            "use --language to override a wrong detection",
        )
