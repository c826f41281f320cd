"""Letters to children: the reviews whose letter is still to write or send, writing the letter
with its readability check, and the child's printable "My IRO" card. Every child is opened
through irohub.children.selectors.open_record (visibility, and the audit of the view)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.children import selectors as children
from irohub.reviews import letters, readability, recording
from irohub.reviews.models import Review
from irohub.staff.visibility import visible_children
from irohub.statutory.participation import age_on

P = Permission
# Letters are written soon after the review; older reviews are reached from the child's record.
RECENT = timedelta(days=120)
PAGE_SIZE = 50


class LetterForm(forms.Form):
    letter = forms.CharField(
        label="Letter to the child", widget=forms.Textarea, max_length=20000,
        error_messages={"required": "Write the letter before you save it"},
    )  # fmt: skip
    version = forms.IntegerField(widget=forms.HiddenInput)


@requires(P.RECORD_REVIEWS)
def recent(request):
    """Reviews of the last four months of the children the person may see, with the state of
    their letter (one query)."""
    today = children.today()
    held = (
        Review.objects.filter(child__in=visible_children(request.user, on=today),
                              review_date__lte=today, review_date__gte=today - RECENT)
        .select_related("child", "chair")
        .order_by("-review_date", "child__child_id")
    )  # fmt: skip
    page = Paginator(held, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reviews/letters/recent.html", {"page": page, "today": today})


def _open_review(request, child_id: str, review_id: int, page: str):
    today = children.today()
    child = children.open_record(request.user, child_id, on=today, page=page)
    review = get_object_or_404(
        Review.objects.select_related("chair", "child__current_iro"),
        pk=review_id, child=child, review_date__lte=today,
    )  # fmt: skip
    return today, child, review


def _latest(review: Review) -> bool:
    return not Review.objects.filter(
        child=review.child, review_date__gt=review.review_date
    ).exists()


@requires(P.RECORD_REVIEWS)
def letter(request, child_id: str, review_id: int):
    """Write the letter: "Check" shows the readability of the text as it is; "Save" keeps it."""
    today, child, review = _open_review(request, child_id, review_id, "letter to the child")
    next_due = child.next_review_due if _latest(review) else None
    initial = {"letter": review.letter or letters.draft(review, next_due=next_due),
               "version": review.version}  # fmt: skip
    form = LetterForm(request.POST or None, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid() and request.POST.get("action") == "save":
        try:
            letters.save_letter(review=review, text=form.cleaned_data["letter"],
                                version=form.cleaned_data["version"], by=request.user,
                                today=today)  # fmt: skip
        except recording.StaleReview:
            stale = _told_of_change(form, review)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "The letter was saved")
            return redirect("letters:letter", child_id=child.child_id, review_id=review.pk)
    text = form["letter"].value() or ""
    context = {"child": child, "review": review, "form": form, "stale": stale,
               "check": readability.check(text, child_age=age_on(child.dob, today)),
               "age": age_on(child.dob, today)}  # fmt: skip
    return render(request, "reviews/letters/letter.html", context)


def _told_of_change(form: LetterForm, review: Review) -> str:
    """Someone saved the review since: keep this person's text, show the saved letter, and
    let a second save knowingly replace it (the form now names the current version)."""
    review.refresh_from_db()
    form.data = form.data.copy()
    form.data["version"] = str(review.version)
    return review.letter


@requires()
def my_iro_card(request, child_id: str):
    """The child's printable "My IRO" card: their IRO's name and how to reach them."""
    if not (user_can(request.user, P.RECORD_REVIEWS) or user_can(request.user, P.BOOK_REVIEWS)):
        raise PermissionDenied("You do not have permission to see this page.")
    child = children.open_record(request.user, child_id, on=children.today(), page="My IRO card")
    return render(request, "reviews/letters/card.html",
                  {"child": child, "card": letters.card(child)})  # fmt: skip
