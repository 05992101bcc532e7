"""Books and authors: an ORM view that queries once per row (N+1) and its fix."""
