from django.shortcuts import render

from kring.core.access import USER, allow


@allow(USER)
def home(request):
    return render(request, "members/home.html")
