"""The after-session entry page: one form for what a round, or one of its sessions, brought
(statements, issue statuses, party positions and agreements, and the sources they cite),
saved as drafts for review.

Every row goes through the services of its record, all in one transaction: when any row is
refused, nothing is saved, each refusal stands by its row, and the form comes back with what
was typed. Rows left blank are skipped. Without JavaScript, "another row" buttons post the
form back with one more row; with it, the row is added in place.
"""
