"""Writes to sources, processes, rounds and sessions."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils.text import slugify

from negotrack.records import User, delete_record, save_record
from rounds.models import Process, Round, Session, Source


def source_save(source: Source, *, by: User) -> Source:
    return save_record(source, by=by)


def process_save(process: Process, *, by: User) -> Process:
    """A process named without a slug gets one made from its name; once saved, the slug is
    fixed (negotrack.records keeps it)."""
    if not process.slug:
        process.slug = slugify(process.name)
    return save_record(process, by=by)


def _slug_taken(slug: str, talk_round: Round) -> bool:
    return Round.objects.filter(slug=slug).exclude(pk=talk_round.pk).exists()


def round_slug_assign(talk_round: Round, *, taken: Callable[[str], bool] | None = None) -> None:
    """City and first day; the process in front when that is taken by another process.

    A round without a first day gets a provisional slug, fixed once the day is known;
    a fixed slug never changes again. `taken` says whether another round holds a slug:
    the database by default; a bulk load passes the set of slugs it keeps.
    """
    if talk_round.slug and not talk_round.slug_is_provisional:
        return
    process_slug = talk_round.process.slug
    if talk_round.start_date is None:
        if not talk_round.slug:
            talk_round.slug = f"{process_slug}-scheduled-{talk_round.uuid.hex[:8]}"
        return
    base = f"{slugify(talk_round.city) or 'round'}-{talk_round.start_date.isoformat()}"
    candidates = [base, f"{process_slug}-{base}"]
    candidates += [f"{process_slug}-{base}-{n}" for n in range(2, 100)]
    is_taken = taken if taken is not None else (lambda slug: _slug_taken(slug, talk_round))
    talk_round.slug = next(slug for slug in candidates if not is_taken(slug))
    talk_round.slug_is_provisional = False


def round_save(talk_round: Round, *, by: User, sources: Iterable[Source] | None = None) -> Round:
    with transaction.atomic():
        if talk_round.process_id:
            round_slug_assign(talk_round)
        return save_record(talk_round, by=by, m2m=None if sources is None else {"sources": sources})


def session_save(session: Session, *, by: User) -> Session:
    return save_record(session, by=by)


def round_delete(talk_round: Round, *, by: User) -> None:
    delete_record(talk_round, by=by)
