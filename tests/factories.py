"""factory_boy factories that write through the services, like every other writer.

`create()` saves as the system user unless `by=` is given; many-to-many values
(`sources=[...]`, `issues=[...]`, `parties=[...]`) go to the service with the record.
Publishable records are drafts unless `publish=True`.
"""

import datetime
import functools
import hashlib

import factory

from delegations.models import Attendance, Delegation, Membership, Party, Person
from issues import services as issue_services
from issues.models import Agreement, Issue, IssueStatus, Position, Statement
from negotrack.groups import system_user
from negotrack.registry import record_types
from rounds.models import Process, Round, Session, Source


def services_by_model():
    """Each model's save service (from the registry of record types), and the keyword
    arguments that go to it beside the record; a statement's factory also passes its issues
    and date confirmation. People are confirmed as new: tests set their scene with
    look-alikes at will ("Sergei Umerov" beside Rustem); the tests of that check pass
    `confirm_new=False`. A statement's party is confirmed likewise: a made-up speaker
    speaks for the party a test gives without a delegation of it (the rule's own tests call
    the service)."""
    table = {entry.model: (entry.save, entry.many) for entry in record_types() if entry.save is not None}
    statement_save = functools.partial(issue_services.statement_save, confirm_party=True)
    table[Statement] = (statement_save, ("sources", "issues", "confirm_date", "confirm_party"))
    table[Person] = (functools.partial(table[Person][0], confirm_new=True), ("confirm_new",))
    return table


class ServiceFactory(factory.django.DjangoModelFactory):
    """Creates through `service(record, by=..., **m2m)` instead of `Model.objects.create`."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, by=None, publish=False, **kwargs):
        service, m2m_names = services_by_model()[model_class]
        m2m = {name: kwargs.pop(name) for name in m2m_names if name in kwargs}
        record = model_class(*args, **kwargs)
        by = by or system_user()
        service(record, by=by, **m2m)
        if publish:
            issue_services.draft_publish(record, by=by)
        return record


class SourceFactory(ServiceFactory):
    class Meta:
        model = Source

    outlet = factory.Sequence(lambda n: f"Outlet {n}")
    title = "Report on the talks"
    published_on = datetime.date(2026, 2, 18)


class ProcessFactory(ServiceFactory):
    class Meta:
        model = Process

    slug = factory.Sequence(lambda n: f"process-{n}")
    name = factory.Sequence(lambda n: f"Peace talks {n}")


class RoundFactory(ServiceFactory):
    class Meta:
        model = Round

    process = factory.SubFactory(ProcessFactory)
    city = factory.Sequence(lambda n: f"City {n}")
    country = "Switzerland"
    start_date = datetime.date(2026, 2, 17)
    end_date = datetime.date(2026, 2, 18)
    status = Round.Status.CONCLUDED


class SessionFactory(ServiceFactory):
    class Meta:
        model = Session

    round = factory.SubFactory(RoundFactory)
    date = factory.LazyAttribute(lambda session: session.round.start_date)


class PartyFactory(ServiceFactory):
    class Meta:
        model = Party

    name = factory.Sequence(lambda n: f"Party {n}")
    slug = factory.Sequence(lambda n: f"party-{n}")


def surname(n: int) -> str:
    """A made-up surname for the n-th person, seven letters drawn from a hash of n:
    "Official 1000" and "Official 1001" looked alike to the person matcher, so a test that
    made people after a thousand others had been made was refused them."""
    digest = hashlib.blake2b(str(n).encode(), digest_size=7).digest()
    return "".join("abcdefghijklmnopqrstuvwxyz"[byte % 26] for byte in digest).capitalize()


class PersonFactory(ServiceFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Official {surname(n)}")


class DelegationFactory(ServiceFactory):
    class Meta:
        model = Delegation

    round = factory.SubFactory(RoundFactory)
    party = factory.SubFactory(PartyFactory)


class MembershipFactory(ServiceFactory):
    class Meta:
        model = Membership

    delegation = factory.SubFactory(DelegationFactory)
    person = factory.SubFactory(PersonFactory)
    title = "special envoy"


class AttendanceFactory(ServiceFactory):
    class Meta:
        model = Attendance

    membership = factory.SubFactory(MembershipFactory)
    session = factory.SubFactory(SessionFactory, round=factory.SelfAttribute("..membership.delegation.round"))


class IssueFactory(ServiceFactory):
    class Meta:
        model = Issue

    process = factory.SubFactory(ProcessFactory)
    topic = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Agenda issue {n}")


class IssueStatusFactory(ServiceFactory):
    class Meta:
        model = IssueStatus

    issue = factory.SubFactory(IssueFactory)
    round = factory.SubFactory(RoundFactory, process=factory.SelfAttribute("..issue.process"))
    status = "discussed"
    sources = factory.LazyFunction(lambda: [SourceFactory()])


class PositionFactory(ServiceFactory):
    class Meta:
        model = Position

    issue = factory.SubFactory(IssueFactory)
    party = factory.SubFactory(PartyFactory)
    round = factory.SubFactory(RoundFactory, process=factory.SelfAttribute("..issue.process"))
    stance = "holds firm"
    sources = factory.LazyFunction(lambda: [SourceFactory()])


class AgreementFactory(ServiceFactory):
    class Meta:
        model = Agreement

    process = factory.SubFactory(ProcessFactory)
    round = factory.SubFactory(RoundFactory, process=factory.SelfAttribute("..process"))
    title = "Prisoner exchange"
    terms = "An exchange of prisoners of war."
    parties = factory.LazyFunction(lambda: [PartyFactory(), PartyFactory()])
    sources = factory.LazyFunction(lambda: [SourceFactory()])


class StatementFactory(ServiceFactory):
    class Meta:
        model = Statement

    process = factory.SubFactory(ProcessFactory)
    round = factory.SubFactory(RoundFactory, process=factory.SelfAttribute("..process"))
    speaker = factory.SubFactory(PersonFactory)
    date = datetime.date(2026, 2, 18)
    text = "There is progress, but no details can be disclosed at this stage."
    sources = factory.LazyFunction(lambda: [SourceFactory()])
