"""Provenance: find every copy of a story (republications, cuts, spun rewrites, summaries,
translations) and tell them from independent reports of the same event.

- `fingerprint`: what an article yields (text layer for any language; extracted layer);
- `compare`: how two texts relate (label, score, evidence);
- `index`: the store tables and the candidate search (MinHash bands, fragments, cross keys);
- `query`: `similar`, `stories`, `story` as plain dicts for the CLI and the web view.
"""

from dixit.provenance.index import index_article, index_text, reindex
from dixit.provenance.query import similar, similar_text, stories, story

__all__ = ["index_article", "index_text", "reindex", "similar", "similar_text", "stories", "story"]
