"""The manager's allocation pages, mounted at /allocation/: reverse("allocation:waiting"),
reverse("allocation:child", args=[child.child_id])."""

from django.urls import path

from irohub.staff import allocation_views

app_name = "allocation"

urlpatterns = [
    path("", allocation_views.waiting, name="waiting"),
    path("child/<str:child_id>/", allocation_views.choose, name="child"),
]


def register_navigation() -> None:
    """Called from StaffConfig.ready(): the allocation page for people who allocate IROs."""
    from irohub.accounts import navigation
    from irohub.accounts.roles import Permission

    navigation.register(
        "Allocate IROs", "allocation:waiting", Permission.ALLOCATE_IROS,
        description="Children coming into care without an IRO, and changes of IRO, with "
        "suggested IROs.", order=210,
    )  # fmt: skip
