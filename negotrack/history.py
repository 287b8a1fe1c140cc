"""Editors' pages on the history of the record: every version of a record with what
changed, a restore of any earlier version, and the recent changes across the record.

Editors, reviewers and superusers only: anyone else is sent to sign in, or refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST
from simple_history.utils import get_m2m_reverse_field_name

from negotrack.display import FieldChange, Labels, display_value
from negotrack.groups import admin_change_url, editorial_only
from negotrack.models import Change, PendingRevision
from negotrack.records import Record
from negotrack.registry import record_type
from negotrack.registry import record_types as registered_types
from negotrack.restore import record_model, restore_version
from negotrack.revisions import AWAITS_REVIEW, describe_revisions

KINDS = {"+": "created", "~": "changed", "-": "deleted"}
# Shown with every version rather than as a difference.
NOT_DIFFED = {"id", "uuid", "version", "created_at", "updated_at"}
CHANGES_PER_PAGE = 50


def history_url(record_type: str, uuid: UUID) -> str:
    return reverse("records:history", kwargs={"record_type": record_type, "uuid": uuid})


def record_type_choices() -> list[tuple[str, str]]:
    """(app_label.model_name, verbose name) of every registered kind of record with a history."""
    types = [
        (entry.label, str(entry.model._meta.verbose_name))
        for entry in registered_types()
        if hasattr(entry.model, "_record_history")
    ]
    return sorted(types, key=lambda pair: pair[1])


# --- the history of one record -----------------------------------------------------------


@dataclass
class Version:
    row: Any
    kind: str
    changes: list[FieldChange]
    restorable: bool


@dataclass
class LinkEvent:
    when: Any
    user: Any
    issue: str
    kind: str


def _m2m_targets(model: type[Record]) -> dict[str, tuple[Any, Any, str]]:
    """Each recorded many-to-many field, with its history model and the attname of its
    target on the rows of that model."""
    recorder = model._record_history
    targets: dict[str, tuple[Any, Any, str]] = {}
    for m2m_field in recorder.cls.history.model._history_m2m_fields:
        target = get_m2m_reverse_field_name(m2m_field) + "_id"
        targets[m2m_field.name] = (m2m_field, recorder.m2m_models[m2m_field], target)
    return targets


def build_history(model: type[Record], uuid: UUID) -> tuple[list[Version], list[LinkEvent]]:
    history_model = model._record_history.cls.history.model
    m2m = _m2m_targets(model)
    rows = list(
        history_model.objects.filter(uuid=uuid).select_related("history_user").order_by("-history_date", "-history_id")
    )
    if not rows:
        return [], []
    m2m_values: dict[int, dict[str, set[Any]]] = {row.history_id: {name: set() for name in m2m} for row in rows}
    for name, (_, m2m_model, target) in m2m.items():
        pairs = m2m_model.objects.filter(history_id__in=m2m_values).values_list("history_id", target)
        for history_id, pk in pairs:
            m2m_values[history_id][name].add(pk)
    tracked = [f for f in history_model.tracked_fields if f.name not in NOT_DIFFED]
    editable = [f.name for f in tracked if f.editable]

    labels = Labels()
    for row in rows:
        for f in tracked:
            if f.is_relation:
                labels.want(f.related_model, [getattr(row, f.attname)])
        for name, (m2m_field, _, _) in m2m.items():
            labels.want(m2m_field.related_model, m2m_values[row.history_id][name])

    links: list[LinkEvent] = []
    link_rows = []
    registered = record_type(model)
    linked = registered.links if registered is not None else None
    if linked is not None:
        link_rows = list(
            linked.model()
            .history.filter(**{f"{linked.owner_field}_id__in": {row.id for row in rows}})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        target_model = linked.target_model()
        target_attname = f"{linked.target_field}_id"
        labels.want(target_model, [getattr(link, target_attname) for link in link_rows])
    labels.load()
    if link_rows:
        verbs = {"+": "added", "-": "removed", "~": "changed"}
        for link in link_rows:
            target = labels.name(target_model, getattr(link, target_attname))
            links.append(LinkEvent(link.history_date, link.history_user, target, verbs[link.history_type]))

    exists = rows[0].history_type != "-"
    versions = []
    for index, row in enumerate(rows):
        older = rows[index + 1] if index + 1 < len(rows) else None
        changes: list[FieldChange] = []
        if older is None:
            for f in tracked:
                value = getattr(row, f.attname)
                if value not in (None, "", False):
                    changes.append(FieldChange(str(f.verbose_name), "—", display_value(f, value, labels)))
        elif row.history_type != "-":
            changed = set(row.diff_against(older, included_fields=editable).changed_fields)
            # diff_against() compares editable fields only: the publication fields
            # (state, published_at, …) are not editable in forms, yet are history too.
            changed |= {
                f.name for f in tracked if not f.editable and getattr(row, f.attname) != getattr(older, f.attname)
            }
            for f in tracked:
                if f.name in changed:
                    old, new = getattr(older, f.attname), getattr(row, f.attname)
                    changes.append(
                        FieldChange(str(f.verbose_name), display_value(f, old, labels), display_value(f, new, labels))
                    )
        for name, (m2m_field, _, _) in m2m.items():
            new_set = m2m_values[row.history_id][name]
            old_set = m2m_values[older.history_id][name] if older is not None else set()
            if row.history_type != "-" and new_set != old_set:
                target = m2m_field.related_model
                changes.append(
                    FieldChange(
                        str(m2m_field.verbose_name),
                        "",
                        "",
                        added=sorted(labels.name(target, pk) for pk in new_set - old_set),
                        removed=sorted(labels.name(target, pk) for pk in old_set - new_set),
                        is_list=True,
                    )
                )
        restorable = row.history_type != "-" and not (exists and index == 0)
        versions.append(Version(row, KINDS[row.history_type], changes, restorable))
    return versions, links


@require_GET
@editorial_only
def record_history(request: HttpRequest, record_type: str, uuid: UUID) -> HttpResponse:
    try:
        model = record_model(record_type)
    except ValidationError:
        raise Http404("No such kind of record.") from None
    versions, links = build_history(model, uuid)
    if not versions:
        raise Http404("No record with this UUID has a history.")
    current = model._base_manager.filter(uuid=uuid).first()
    title = str(current) if current is not None else str(versions[0].row.instance)
    context = {
        "model_name": model._meta.verbose_name,
        "record_type": record_type,
        "uuid": uuid,
        "title": title,
        "record": current,
        "expected_version": current.version if current is not None else versions[0].row.version,
        "versions": versions,
        "links": links,
        "revisions": describe_revisions(
            list(
                PendingRevision.objects.filter(record_type=record_type, record_uuid=uuid)
                .select_related("proposed_by", "resolved_by")
                .order_by("-proposed_at", "-id")
            )
        ),
        "admin_url": admin_change_url(current) if current is not None else None,
        "breadcrumbs": [("Recent changes", reverse("records:changes")), (f"History of {title}", None)],
    }
    return render(request, "records/history.html", context)


@require_POST
@editorial_only
def restore(request: HttpRequest, record_type: str, uuid: UUID) -> HttpResponse:
    back = history_url(record_type, uuid)
    try:
        history_id = int(request.POST.get("history_id", ""))
        expected_version = int(request.POST.get("expected_version", ""))
    except ValueError:
        messages.error(request, "The form lacked the version to restore: reload the page and try again.")
        return HttpResponseRedirect(back)
    try:
        restored = restore_version(
            record_type=record_type,
            uuid=uuid,
            history_id=history_id,
            by=request.user,
            expected_version=expected_version,
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "version_conflict":
            messages.error(
                request,
                "This record was changed by someone else meanwhile: nothing was restored. "
                "Look at the newest version below, then restore again if you still want to.",
            )
        else:
            for message in error.messages:
                messages.error(request, f"Nothing was restored: {message}")
        return HttpResponseRedirect(back)
    if str(restored.uuid) != str(uuid):
        messages.success(
            request,
            "The record is published, so it was not changed in place: a correction draft now carries "
            "the earlier values. Review it and publish it to replace the published record.",
        )
        return HttpResponseRedirect(history_url(record_type, restored.uuid))
    if restored.pending_revision is not None:
        messages.success(request, AWAITS_REVIEW.format(name=restored._meta.verbose_name))
        return HttpResponseRedirect(back)
    if restored.version == expected_version:
        messages.info(request, "Nothing to restore: the record already has the values of that version.")
    else:
        messages.success(request, f"Restored: the record is now at version {restored.version}.")
    return HttpResponseRedirect(back)


# --- recent changes ----------------------------------------------------------------------


class ChangeFilters(forms.Form):
    editor = forms.CharField(required=False, max_length=150, label="Editor (user name)")
    model = forms.ChoiceField(required=False, label="Kind of record")
    since = forms.DateField(required=False, label="From")
    until = forms.DateField(required=False, label="To")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", "any"), *record_type_choices()]  # type: ignore[attr-defined]  # a ChoiceField

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[assignment]  # Form.clean returns cleaned_data
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", "The end of the range lies before its start.")
        return data


@require_GET
@editorial_only
def recent_changes(request: HttpRequest) -> HttpResponse:
    filters = ChangeFilters(request.GET or None)
    changes = Change.objects.select_related("user").order_by("-occurred_at", "-id")
    if filters.is_bound and filters.is_valid():
        data = filters.cleaned_data
        if data["editor"]:
            changes = changes.filter(user__username=data["editor"].strip())
        if data["model"]:
            changes = changes.filter(record_type=data["model"])
        if data["since"]:
            changes = changes.filter(occurred_at__date__gte=data["since"])
        if data["until"]:
            changes = changes.filter(occurred_at__date__lte=data["until"])
    elif filters.is_bound:
        changes = changes.none()
    page = Paginator(changes, CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    names = dict(record_type_choices())
    rows = [
        {
            "change": change,
            "type_name": names.get(change.record_type, change.record_type),
            "url": history_url(change.record_type, change.record_uuid) if change.record_type in names else None,
        }
        for change in page
    ]
    kept = {key: value for key, value in request.GET.items() if key != "page" and value}
    context = {
        "filters": filters,
        "page": page,
        "rows": rows,
        "kept_query": urlencode(kept),  # type: ignore[arg-type]  # QueryDict.items() gives each key's last value
        "breadcrumbs": [("Recent changes", None)],
    }
    return render(request, "records/changes.html", context)
