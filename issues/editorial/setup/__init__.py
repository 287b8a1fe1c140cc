"""Setting up a round on one page: the round and its process, its sessions, the delegations
with their roles, their members (people typed by name or alias, or added on the spot) and
who sat in which session.

Every row goes through the services of its record in one transaction, as on the entry
page: when any row is refused, nothing is saved, each refusal stands by its row, and the
form comes back with what was typed. "Start from the previous round" copies the previous
round's delegations and members into the form, saved only when the editor saves.
"""
