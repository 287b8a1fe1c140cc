"""What every analyst page shares: conditional reads from the change log, answers kept
under their ETag for readers who are not signed in (negotrack.answers), and no cache that
could keep a page for someone else."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeAlias, overload

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from issues.editorial.drafts import shows_drafts
from negotrack.answers import keep_answer, kept_answer
from negotrack.conditional import is_not_modified, validators_for
from rounds.models import Source

View: TypeAlias = Callable[..., HttpResponse]
PageState: TypeAlias = Callable[..., str]  # state(request, **kwargs)


@overload
def page(view: View, *, state: PageState | None = None, drafts: bool = False) -> View: ...
@overload
def page(view: None = None, *, state: PageState | None = None, drafts: bool = False) -> Callable[[View], View]: ...


def page(
    view: View | None = None, *, state: PageState | None = None, drafts: bool = False
) -> View | Callable[[View], View]:
    """A page built from the record: answers 304 when nothing in the change log moved since
    the reader's copy (`state(request, **kwargs)` adds what else the page depends on),
    and tells every cache to check back, per signed-in user.

    A page with `drafts=True` shows editors its drafts (issues.editorial.drafts): its ETag says
    whether the reader sees them, and every draft saved, sent back or published logs a
    change, so an editor's copy never outlives a draft that someone else touched."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            # Who reads, in which sign-in (a signed-in page carries the sign-out form's
            # CSRF token, which a new sign-in replaces), and any message waiting for them.
            extra = [str(request.user.pk or ""), request.session.session_key or "", request.COOKIES.get("messages", "")]
            if state is not None:
                extra.append(state(request, **kwargs))
            validators = validators_for(request, drafts=drafts and shows_drafts(request), extra="\n".join(extra))
            # What "Cite this page" fixes the page to (negotrack.as_known.page_context).
            request.newest_change_at = validators.newest_change_at  # type: ignore[attr-defined]
            # The ETag alone decides: it carries the reader and the timeline's currency,
            # which a Last-Modified date cannot tell apart.
            if (
                request.method in ("GET", "HEAD")
                and "HTTP_IF_NONE_MATCH" in request.META
                and is_not_modified(request, validators)
            ):
                response: HttpResponse = HttpResponseNotModified()
            elif (kept := kept_answer(request, validators)) is not None:
                response = kept
            else:
                response = view(request, *args, **kwargs)
                if isinstance(response, TemplateResponse):
                    response.add_post_render_callback(lambda rendered: keep_answer(request, validators, rendered))
                else:
                    keep_answer(request, validators, response)
            if response.status_code in (200, 304):
                response["ETag"] = validators.etag
                response["Last-Modified"] = validators.last_modified_header
            patch_vary_headers(response, ["Cookie"])
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, no_cache=True)
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


def cited(lookup: str = "sources", to_attr: str = "source_list") -> Prefetch:
    """A record's sources as a list on the record: a template that walks a related manager
    makes a new QuerySet each time, which on a long page costs more than the query."""
    return Prefetch(lookup, Source.objects.select_related("via").order_by("id"), to_attr=to_attr)


def render_page(request: HttpRequest, template: str, context: dict[str, Any], *, nav: str = "home") -> TemplateResponse:
    return TemplateResponse(request, template, {"nav": nav, **context})


def crumbs(*pairs: tuple[object, str | None]) -> list[tuple[str, str | None]]:
    """Breadcrumbs after Home: (label, url) pairs, the last one without a url."""
    return [(str(label), url) for label, url in pairs]
