from django.urls import path

from stories.reach import views

urlpatterns = [path("reach/", views.beacon, name="reach_beacon")]
