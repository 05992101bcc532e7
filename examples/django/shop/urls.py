from django.urls import path

from . import views

urlpatterns = [
    path("health/", views.health),
    path("checkout/", views.checkout),
    path("payment/", views.payment),
    path("quantity/", views.quantity),
    path("inventory/", views.inventory),
    path("pay/", views.pay),
    path("admin-only/", views.admin_only),
]
