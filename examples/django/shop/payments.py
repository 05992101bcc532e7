"""A payment flow that fails deep down, with secrets in its local variables.

Frame `vars` are where a Python SDK leaks the most: the card form, the gateway's
credentials and signing key, the customer's details and session token all sit in
locals when the gateway call fails. The collector must scrub every one of them.
"""
import logging

logger = logging.getLogger(__name__)

GATEWAY = {
    "url": "https://payments.example.com/v2/charges",
    "api_key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "aws_access_key": "AKIAIOSFODNN7EXAMPLE",
    "slack_webhook": "https://hooks.slack.com/services/T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXXX",
    "timeout": 10,
}
SIGNING_KEY = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEA7bq2tPl1n2yT0dG3fLrZ3mXkQ8vN1cR5sW9uY2aB4cD6eF8g\n"
    "-----END RSA PRIVATE KEY-----"
)


class GatewayError(Exception):
    pass


class HttpClient:
    """A tiny HTTP client with retries, as payment SDKs bundle."""

    def __init__(self, base_url, api_key, retries=3):
        self.base_url = base_url
        self.api_key = api_key
        self.retries = retries
        self.default_headers = {"Authorization": f"Bearer {api_key}", "User-Agent": "shop/2.7.1"}

    def open_connection(self, url, body, attempt):
        raise ConnectionResetError(f"connection reset by peer after {len(body)} bytes (attempt {attempt})")

    def send(self, method, url, body, headers, attempt):
        return self.open_connection(url, body, attempt)

    def post(self, path, payload, headers):
        url = f"{self.base_url}{path}?api_key={self.api_key}"
        body = "&".join(f"{key}={value}" for key, value in payload.items())
        last_error = None
        for attempt in range(1, self.retries + 1):
            try:
                return self.send("POST", url, body, {**self.default_headers, **headers}, attempt)
            except ConnectionResetError as error:
                last_error = error
                logger.warning("gateway attempt %s failed: %s", attempt, error)
        raise last_error


class Gateway:
    def __init__(self, config):
        self.config = config
        self.session_token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl"
        self.client = HttpClient(config["url"], config["api_key"])

    def authorize(self, payload, signature, order):
        headers = {"X-Signature": signature, "Idempotency-Key": payload["order_id"]}
        logger.info("authorizing order %s for %s", payload["order_id"], payload["email"])
        try:
            return self.client.post("/authorize", payload, headers)
        except ConnectionResetError as error:
            raise GatewayError(
                f"card declined for order {payload['order_id']} (gateway ref 7f3a9c1e44b2)"
            ) from error


class PaymentService:
    def __init__(self, gateway):
        self.gateway = gateway
        self.signing_key = SIGNING_KEY

    def sign(self, payload):
        return "sha256=" + str(abs(hash(str(sorted(payload.items())))))

    def charge(self, order, card):
        payload = {
            "order_id": str(order["id"]),
            "amount": order["total"],
            "currency": "EUR",
            "card_number": card["number"],
            "cvc": card["cvc"],
            "email": order["email"],
            "iban": "DE89 3704 0044 0532 0130 00",
            "ssn": "078-05-1120",
        }
        signing_key = self.signing_key
        signature = self.sign(payload) if signing_key else None
        return self.gateway.authorize(payload, signature, order)


def build_order(form):
    lines = [
        {"sku": f"SKU-{n:04d}", "name": f"Garden chair model {n}", "quantity": 1 + n % 3,
         "price": f"{19 + n}.90", "note": "gift wrap, deliver to the back door " * 4}
        for n in range(40)
    ]
    return {
        "id": 50023,
        "email": form["email"],
        "shipping": f"{form['name']}, {form['address']}",
        "lines": lines,
        "total": "1299.90",
    }


def charge_with_audit(service, order, card, client_ip):
    audit = {"order": order["id"], "ip": client_ip, "card": card["number"][-4:]}
    logger.info("audit %s", audit)
    return service.charge(order, card)


def pay(form, client_ip):
    """Charges the card in `form`; raises GatewayError when the gateway declines."""
    order = build_order(form)
    card = {"number": form["card_number"], "cvc": form["cvc"], "holder": form["name"]}
    logger.info("checkout by %s from %s with card %s", form["email"], client_ip, card["number"])
    gateway_config = dict(GATEWAY)
    service = PaymentService(Gateway(gateway_config))
    return charge_with_audit(service, order, card, client_ip)
