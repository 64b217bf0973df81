"""Plain share links for a story: addresses of the networks' own share pages, so sharing
needs no third-party script on our pages (the CSP allows none) and works without ours."""

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class ShareLink:
    name: str
    url: str


def share_links(url: str, text: str) -> list[ShareLink]:
    """Facebook's sharer, WhatsApp's click-to-chat and X's post intent for `url`."""
    return [
        ShareLink(
            "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
        ),
        ShareLink("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
        ShareLink("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": text})),
    ]
