"""Letters to children and the "My IRO" card, mounted at /letters/."""

from django.urls import path

from irohub.reviews import letter_views as views

app_name = "letters"

urlpatterns = [
    path("", views.recent, name="recent"),
    path("<str:child_id>/reviews/<int:review_id>/", views.letter, name="letter"),
    path("<str:child_id>/card/", views.my_iro_card, name="card"),
]


def register_navigation() -> None:
    """Called from ReviewsConfig.ready(): letters for the people who write them."""
    from irohub.accounts import navigation
    from irohub.accounts.roles import Permission

    navigation.register(
        "Letters to children", "letters:recent", Permission.RECORD_REVIEWS,
        description="Write the record of a review as a letter to the child, check how easy it "
        "is to read, and print the child's My IRO card.", order=40,
    )  # fmt: skip
