"""The analysts' pages: server-rendered, the public record only (editors see a page's drafts
too, apart: see drafts.py), a fixed number of queries each.

They combine every layer (a round with its statuses, a person with their statements), so
they live here, in the highest app they show.
"""
