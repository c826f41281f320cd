from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "irohub.voice"
    label = "voice"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "Advocacy",
            "voice:advocacy",
            Permission.RECORD_REVIEWS,
            description="Referrals to advocacy and independent visitors, with hours and issues.",
            order=400,
        )
        navigation.register(
            "Feedback after reviews",
            "voice:feedback_reviews",
            Permission.RECORD_REVIEWS,
            description="Ask the child, parents, carers and professionals what they thought.",
            order=450,
        )
        navigation.register(
            "Feedback comments",
            "voice:feedback_comments",
            Permission.VIEW_FEEDBACK_COMMENTS,
            description="What children, families and professionals wrote after reviews.",
            order=650,
        )
