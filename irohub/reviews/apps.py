from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "irohub.reviews"
    label = "reviews"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "My caseload",
            "reviews:caseload",
            Permission.VIEW_OWN_CASELOAD,
            description="Your children: reviews due and overdue, midway reviews, records to write "
            "and open escalations.",
            order=10,
        )
        # An IRO's day starts from their caseload, so "/" takes them there.
        navigation.register_landing("reviews:caseload", Permission.VIEW_OWN_CASELOAD, order=10)
        from irohub.reviews import letter_urls, support_urls

        support_urls.register_navigation()
        letter_urls.register_navigation()
