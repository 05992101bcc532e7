from django.urls import path

from library import views as library

from . import views

urlpatterns = [
    path("health/", views.health),
    path("checkout/", views.checkout),
    path("payment/", views.payment),
    path("quantity/", views.quantity),
    path("inventory/", views.inventory),
    path("pay/", views.pay),
    path("admin-only/", views.admin_only),
    path("library/seed/", library.seed),
    path("library/books/", library.books),
    path("library/books-joined/", library.books_joined),
]
