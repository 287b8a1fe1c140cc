"""The editors' pages: the after-session entry page, the review queue, and the drafts
shown to editors on the analysts' pages."""
