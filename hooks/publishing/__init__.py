"""The committee publishing system: content model, loading, linking and page rendering.

Nothing in this package imports MkDocs; `hooks/site_hooks.py` is the only bridge.
"""
