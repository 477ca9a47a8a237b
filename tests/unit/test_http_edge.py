"""The HTTP edge without services: body limits per route, security headers, trusted proxies."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from starlette.datastructures import MutableHeaders

from api.headers import OTHER_POLICY, PAGE_POLICY, security_headers
from api.limits import FORM_OVERHEAD, body_rule, human_size, too_large
from jiancha.settings import Settings

SETTINGS = Settings(media_max_bytes=2 * 1024**3, attachment_max_bytes=20 * 1024**2)


def test_each_route_has_its_body_limit():
    login = body_rule("POST", "/auth/token", SETTINGS)
    assert login.max_bytes == 8 * 1024 and not login.signed_in
    upload = body_rule("POST", "/recordings", SETTINGS)
    assert upload.max_bytes == 2 * 1024**3 + FORM_OVERHEAD and upload.signed_in
    answer = body_rule("POST", "/orders/ORD-7/answers", SETTINGS)
    assert answer.max_bytes == 10 * 20 * 1024**2 + FORM_OVERHEAD and answer.signed_in
    for method, path in [
        ("POST", "/cases/C-1/decision"),
        ("POST", "/orders"),
        ("POST", "/orders/ORD-7/answers/x"),
        ("GET", "/recordings"),
        ("PUT", "/auth/token"),
    ]:
        rule = body_rule(method, path, SETTINGS)
        assert rule.max_bytes == 1024**2 and not rule.signed_in, (method, path)


def test_limits_are_named_in_chinese():
    assert human_size(8 * 1024) == "8 KB"
    assert human_size(1024**2) == "1 MB"
    assert human_size(2 * 1024**3 + 1024**2) == "2 GB"
    assert human_size(1536 * 1024**2) == "1.5 GB"
    assert human_size(500) == "500 字节"
    assert too_large(body_rule("POST", "/x", SETTINGS)) == "请求体过大：上限 1 MB"


def test_pages_get_the_page_policy_and_everything_else_none():
    page = MutableHeaders({"content-type": "text/html; charset=utf-8", "cache-control": "no-cache"})
    security_headers(page)
    assert page["content-security-policy"] == PAGE_POLICY
    assert (
        "script-src 'self';" in PAGE_POLICY
        and "'unsafe-inline'" not in PAGE_POLICY.split("script-src")[1].split(";")[0]
    )
    assert page["cache-control"] == "no-cache"  # the route's choice stays
    data = MutableHeaders({"content-type": "application/json"})
    security_headers(data)
    assert data["content-security-policy"] == OTHER_POLICY
    assert data["cache-control"] == "no-store"
    for headers in (page, data):
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


def test_trusted_proxies_are_addresses_or_networks():
    """``JIANCHA_TRUSTED_PROXIES=10.0.0.5,10.1.0.0/16``: a comma-separated string."""
    assert Settings().trusted_proxies == ()
    proxies = Settings(trusted_proxies="10.0.0.5, 10.1.0.0/16,::1").trusted_proxies
    assert proxies == ("10.0.0.5", "10.1.0.0/16", "::1")
    with pytest.raises(ValidationError, match="可信代理应为 IP 地址或网段"):
        Settings(trusted_proxies="proxy.example")
    with pytest.raises(ValidationError):
        Settings(trusted_proxies="*")  # trusting everyone is trusting no proxy at all
