"""A kind of record that exists only in the test settings (tests/settings.py): it is
registered once, in its app's `ready()`, and the tests find it wherever record types are
read (restore, the changes feed, the review queue)."""
