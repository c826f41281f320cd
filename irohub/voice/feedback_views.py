"""Feedback pages: the links an IRO prints or sends after a review (staff), the public form a
child, parent, carer or professional fills in without signing in, and the comments page for
managers.

The public pages never show or keep anything about the child and are never cached. The token is in
the address, so the pages link nowhere outside the site (the site's Referrer-Policy is
same-origin; "no-referrer" would make browsers post with `Origin: null`, which CSRF refuses).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from irohub.accounts.access import public, requires
from irohub.accounts.roles import Permission
from irohub.audit.services import record, viewed
from irohub.reviews.models import Review
from irohub.staff.visibility import can_see_child
from irohub.voice import feedback, ratelimit, selectors
from irohub.voice.forms import FeedbackForm, LinksForm
from irohub.voice.models import FeedbackResponse
from irohub.voice.qr import qr_svg
from irohub.voice.wording import wording_for

PROBLEMS = {
    "unknown": (404, "This feedback link does not work",
                "Check you typed or copied the whole web address. If it still does not work, ask "
                "the person who gave you the link for a new one."),
    "used": (410, "This feedback link has already been used",
             "Each link can be used once, so your answers are counted once. If you have already "
             "answered: thank you."),
    "expired": (410, "This feedback link has run out",
                "Links work for 60 days after a review. Ask the person who gave you the link for "
                "a new one."),
    "withdrawn": (410, "This feedback link has been replaced",
                  "A newer link was made for you. Use the newest one you were given, or ask for "
                  "a new one."),
}  # fmt: skip


def today() -> date:
    """Today, in one place so tests can pin it."""
    return date.today()


def _problem(request, kind: str):
    status, title, text = PROBLEMS[kind]
    return render(request, "voice/feedback/problem.html", {"title": title, "text": text},
                  status=status)  # fmt: skip


@public
@never_cache
def feedback_form(request, token: str):
    """The public form. Posts are counted per address first, so a flood is refused before any
    token is even looked at."""
    if request.method == "POST" and not ratelimit.allow(
        "feedback", ratelimit.client_address(request)
    ):
        return render(request, "voice/feedback/too_many.html", status=429)
    try:
        invitation = feedback.check(token, today=today())
    except feedback.LinkProblem as problem:
        return _problem(request, problem.kind)
    wording = wording_for(invitation.respondent, invitation.age_band)
    form = FeedbackForm(request.POST if request.method == "POST" else None, wording=wording)
    if request.method == "POST" and form.is_valid():
        try:
            feedback.submit(token=token, answers=form.cleaned_data,
                            comment=form.cleaned_data["comment"], today=today())  # fmt: skip
        except feedback.LinkProblem as problem:
            return _problem(request, problem.kind)
        return redirect("feedback:thanks")
    return render(request, "voice/feedback/form.html", {"form": form, "wording": wording})


@public
@never_cache
def thanks(request):
    return render(request, "voice/feedback/thanks.html")


def _review_or_404(request, review_pk: int) -> Review:
    review = Review.objects.select_related("child").filter(pk=review_pk).first()
    if review is None:
        raise Http404("There is no such review.")
    if not can_see_child(request.user, review.child, on=today()):
        record(by=request.user, action="refused", target_type="reviews.review", target_id=review_pk)
        raise Http404("There is no such review.")
    return review


def _absolute(request, path: str) -> str:
    base = getattr(settings, "IROHUB_BASE_URL", "")
    return base.rstrip("/") + path if base else request.build_absolute_uri(path)


@requires(Permission.RECORD_REVIEWS)
def links(request, review_pk: int):
    """Make feedback links for a review, and print them with a QR code each (shown once)."""
    review = _review_or_404(request, review_pk)
    respondents = feedback.respondents_for(review, today=today())
    band = feedback.child_band(review.child.dob, today()) or ""
    form = LinksForm(request.POST if request.method == "POST" else None, respondents=respondents, child_band=band,
                     initial={"respondents": respondents})  # fmt: skip
    viewed(by=request.user, target_type="child", target_id=review.child.child_id)
    if request.method == "POST" and form.is_valid():
        issued = feedback.create_links(review=review, respondents=form.cleaned_data["respondents"],
                                       today=today(), by=request.user)  # fmt: skip
        cards = [_card(request, link) for link in issued]
        response = render(request, "voice/feedback/printable.html",
                          {"review": review, "cards": cards})  # fmt: skip
        response["Cache-Control"] = "no-store"  # the tokens must not sit in any cache
        return response
    context = {"review": review, "form": form,
               "invitations": review.feedback_invitations.order_by("-created_on", "respondent")}  # fmt: skip
    return render(request, "voice/feedback/links.html", context)


def _card(request, link: feedback.IssuedLink) -> dict:
    url = _absolute(request, reverse("feedback:form", args=[link.token]))
    title = f"QR code of the feedback link for the {link.respondent_label.lower()}"
    return {"link": link, "url": url, "qr": qr_svg(url, title)}


@requires(Permission.RECORD_REVIEWS)
def recent_reviews(request):
    """Reviews held in the last 60 days on the children one may see, each with its feedback
    links (made, answered), so feedback is asked for after every review."""
    since = today() - feedback.LINK_LIFETIME
    reviews = selectors.recent_reviews(request.user, since=since, until=today())
    page = Paginator(reviews, 50).get_page(request.GET.get("page"))
    return render(request, "voice/feedback/recent.html", {"page": page, "since": since})


@requires(Permission.VIEW_FEEDBACK_COMMENTS)
def comments(request):
    """Free-text comments, newest first: only people who may read them (managers) see them."""
    found = FeedbackResponse.objects.exclude(comment="").order_by("-response_date", "-id")
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    return render(request, "voice/feedback/comments.html", {"page": page})
