from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "irohub.reporting"
    label = "reporting"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "Annual reports",
            "reporting:years",
            Permission.VIEW_REPORTS,
            description="The statutory IRO annual report for each year, to read and download.",
            order=700,
        )
        from irohub.reporting.dashboard import urls as dashboard

        dashboard.register_navigation()
