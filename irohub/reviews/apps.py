from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "irohub.reviews"
    label = "reviews"
