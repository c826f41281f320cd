"""Business support's pages, mounted at /support/: reverse("support:to-book") and the rest."""

from django.urls import path

from irohub.reviews import support_views as views

app_name = "support"

urlpatterns = [
    path("", views.to_book, name="to-book"),
    path("booked/", views.booked, name="booked"),
    path("papers/", views.papers, name="papers"),
    path("records/", views.records, name="records"),
    path("book/<str:child_id>/", views.book, name="book"),
    path("bookings/<int:booking_id>/invitations/", views.invitations_sent, name="invitations-sent"),
    path("bookings/<int:booking_id>/papers/", views.papers_received, name="papers-received"),
    path("records/<int:review_id>/sent/", views.record_sent, name="record-sent"),
]


def register_navigation() -> None:
    """Called from ReviewsConfig.ready(): business support's lists, and their home page."""
    from irohub.accounts import navigation
    from irohub.accounts.roles import Permission

    navigation.register(
        "Business support", "support:to-book", Permission.BOOK_REVIEWS,
        description="Reviews to book in the next 30 working days, invitations, papers not "
        "received and records to send.", order=30,
    )  # fmt: skip
    navigation.register_landing("support:to-book", Permission.BOOK_REVIEWS, order=30)
