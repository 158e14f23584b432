"""Scoring dixit against hand-made gold annotations (../shared/corpus/ANNOTATION.md)."""
