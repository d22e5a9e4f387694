"""The committee publishing system: content model, loading, linking and page rendering.

Nothing in this package imports MkDocs; `hooks/namndbeslut_mkdocs.py` (the MkDocs plugin) is the only bridge.
"""
