from django.apps import AppConfig


class EscalationsConfig(AppConfig):
    name = "irohub.escalations"
    label = "escalations"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "Escalations",
            "escalations:list",
            Permission.RAISE_ESCALATIONS,
            description="Challenges to children's plans, each with its working-day clock.",
            order=300,
        )
