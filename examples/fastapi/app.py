"""A FastAPI service reporting errors and traces to Faultline via the official sentry-sdk.

Run with `SENTRY_DSN=http://KEY@127.0.0.1:8787/ID python3 -m uvicorn app:app --port 8001`.
"""
import os

import sentry_sdk
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from sentry_sdk.integrations.fastapi import FastApiIntegration
from sentry_sdk.integrations.starlette import StarletteIntegration

sentry_sdk.init(
    dsn=os.environ.get("SENTRY_DSN"),
    integrations=[StarletteIntegration(), FastApiIntegration()],
    traces_sample_rate=1.0,
    release=os.environ.get("ORDERS_RELEASE", "orders@0.9.0"),
    environment=os.environ.get("ORDERS_ENVIRONMENT", "staging"),
    send_default_pii=False,
)

app = FastAPI()

# Browser pages on other origins may call the API with the trace headers the
# Faultline SDK adds for its `tracePropagationTargets`, which need a CORS preflight.
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_methods=["GET"],
    allow_headers=["sentry-trace", "baggage"],
)


@app.middleware("http")
async def sentry_scope(request: Request, call_next):
    """Puts who and where on every Sentry event of a request."""
    sentry_sdk.set_tag("tenant", request.headers.get("X-Tenant", "public"))
    customer = request.headers.get("X-Customer-Id")
    if customer:
        sentry_sdk.set_user({"id": customer})
    return await call_next(request)


def price_per_item(total: int, items: int) -> float:
    return total / items


@app.get("/health")
async def health():
    return {"ok": True}


@app.get("/orders/{order_id}")
async def get_order(order_id: int):
    sentry_sdk.set_tag("order_id", str(order_id))
    return {"order": order_id, "price": price_per_item(100, 0)}
