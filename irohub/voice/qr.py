"""QR codes for printed feedback links: inline SVG from segno, so nothing is fetched."""

from __future__ import annotations

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(url: str, title: str) -> SafeString:
    """The QR code of `url` as inline SVG, named for screen readers by `title`."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, title=title, svgclass="irohub-qr-code", lineclass=None)
    return mark_safe(f'<span role="img" aria-label="{escape(title)}">{svg}</span>')
