from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "irohub.staff"
    label = "staff"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "Cover",
            "staff:cover",
            Permission.ALLOCATE_IROS,
            description="Let an IRO cover a colleague's caseload, or one child, for set dates.",
            order=220,
        )
        from irohub.staff import allocation_urls

        allocation_urls.register_navigation()
