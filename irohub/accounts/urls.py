"""Signing in and out, and the person's own account."""

from django.urls import path

from irohub.accounts import views, views_second_factor

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-in/code/", views.enter_code, name="code"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("account/", views.account, name="account"),
    path("account/second-factor/", views_second_factor.set_up, name="second-factor"),
    path("account/second-factor/remove/", views_second_factor.remove, name="second-factor-remove"),
]
