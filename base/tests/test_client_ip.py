"""Whose address a limit counts: behind our proxies, never one the client chose."""

from hypothesis import given
from hypothesis import strategies as st

from django.test import RequestFactory, override_settings

from base.client_ip import client_ip

addresses = st.ip_addresses().map(str)
# Whatever a client may put in the header itself: addresses, junk, nothing.
forged = st.lists(st.one_of(addresses, st.text(max_size=20)), max_size=5)


def request_with(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@given(forged, addresses, addresses)
def test_behind_one_proxy_the_address_it_saw_counts(prefix, seen_by_proxy, proxy):
    header = ", ".join([*prefix, seen_by_proxy])
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request_with(proxy, header)) == seen_by_proxy


@given(forged, addresses)
def test_without_proxies_the_header_is_ignored(prefix, remote):
    with override_settings(TRUSTED_PROXY_COUNT=0):
        assert client_ip(request_with(remote, ", ".join(prefix))) == remote


def test_a_header_shorter_than_our_proxies_make_it_is_not_believed():
    with override_settings(TRUSTED_PROXY_COUNT=2):
        assert client_ip(request_with("10.0.0.1", "203.0.113.9")) == "10.0.0.1"
        assert client_ip(request_with("10.0.0.1", "bad, 10.0.0.2")) == "10.0.0.1"
