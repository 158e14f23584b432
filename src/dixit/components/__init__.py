"""The analysis components and their registry.

A component is a plain function `run(ctx: Context) -> None` that reads what earlier
components left in the context and adds its own records. Components are registered by
name (`@component("quotes")`) and run in the order of `PIPELINE`; a language can drop or
reorder them in its `language.toml` (`pipeline = [...]`) without touching the core.
"""

from __future__ import annotations

from collections.abc import Callable

from dixit.components.context import Context

Component = Callable[[Context], None]
REGISTRY: dict[str, Component] = {}

# The default order: each component may use what the ones before it produced.
PIPELINE = ["layout", "flags", "entities", "quotes", "events", "fingerprint"]


def component(name: str) -> Callable[[Component], Component]:
    def register(fn: Component) -> Component:
        REGISTRY[name] = fn
        return fn

    return register


def load_components() -> dict[str, Component]:
    """Import the modules that register the built-in components."""
    from dixit.components import entities, events, fingerprint, flags, layout, quotes  # noqa: F401

    return REGISTRY
