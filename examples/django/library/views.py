"""Two views listing books with their authors: one query per book, and one joined query."""
import time

from django.core.management import call_command
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .models import Author, Book


def network_round_trip(execute, sql, params, many, context):
    """SQLite answers in microseconds; a database across the network takes milliseconds a query."""
    time.sleep(0.01)
    return execute(sql, params, many, context)


@csrf_exempt
def seed(request):
    """Creates the tables and ten books by ten authors (once)."""
    call_command("migrate", run_syncdb=True, verbosity=0)
    if not Book.objects.exists():
        for number in range(10):
            author = Author.objects.create(name=f"Author {number}")
            Book.objects.create(title=f"Book {number}", author=author)
    return JsonResponse({"books": Book.objects.count()})


def books(request):
    """The N+1: `book.author` runs one SELECT per book."""
    with connection.execute_wrapper(network_round_trip):
        rows = [[book.title, book.author.name] for book in Book.objects.all()]
    return JsonResponse({"books": rows})


def books_joined(request):
    """The fix: `select_related` fetches the authors in the same query."""
    with connection.execute_wrapper(network_round_trip):
        rows = [[book.title, book.author.name] for book in Book.objects.select_related("author")]
    return JsonResponse({"books": rows})
