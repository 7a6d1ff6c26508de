from django.urls import path

from stories.teller.views import teller_page

urlpatterns = [
    path("teller/<str:language>/<str:token>/", teller_page, name="teller_page"),
]
