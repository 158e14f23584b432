"""The web view of a dixit store: pages to read records in place, charts, a network, a JSON API."""

from dixit.web.app import create_app

__all__ = ["create_app"]
