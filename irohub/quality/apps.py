from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "irohub.quality"
    label = "quality"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "Audits and complaints",
            "quality:audits",
            Permission.MANAGE_QUALITY,
            description="Case audits and dip samples with their scores, and complaints about the service.",
            order=600,
        )
        # The target register and priorities pages live in irohub.council (views_targets).
        navigation.register(
            "Targets and priorities",
            "targets:register",
            Permission.VIEW_DASHBOARD,
            description="The year's targets with their actual figures, and the service's priorities.",
            order=620,
        )
