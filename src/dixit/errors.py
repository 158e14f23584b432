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


class AnalysisError(InputError):
    """A component failed on one document: a bug to report, but never a reason to stop a batch."""

    def __init__(self, source: str | None, component: str, error: BaseException):
        self.component = component
        super().__init__(
            source, f"analysis failed in component '{component}' ({type(error).__name__}: {error}); please report it"
        )


class UnsupportedLanguage(InputError):
    """A text in a language dixit has no pipeline for: named, with the ones it has."""

    def __init__(self, source: str | None, language: str, supported: list[str]):
        self.language = language
        self.supported = sorted(supported)
        listed = ", ".join(_named(code) for code in self.supported)
        self.short = f"language {_named(language)} is not supported (dixit analyses: {listed})"
        super().__init__(source, f"{self.short}; use --language to override a wrong detection")


def _named(code: str) -> str:
    """'de' -> "German (de)"; a code lingua does not know stays quoted as given."""
    from dixit.lang.detect import language_name

    name = language_name(code)
    return f"{name} ({code})" if name else repr(code)
