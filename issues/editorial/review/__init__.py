"""The review queue, /review/: every draft grouped by round, with all it will make public,
for reviewers to publish (one at a time or the checked drafts of a round at once) or send
back; the changes awaiting review; and the records published last, each with the way to
withdraw it."""

from issues.editorial.review.items import Item, draft_items, drafts_of, oldest_first

__all__ = ["Item", "draft_items", "drafts_of", "oldest_first"]
