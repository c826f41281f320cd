from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "irohub.children"
    label = "children"
