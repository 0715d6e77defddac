"""Shared pieces of the REFI-QDA exporters: namespaces, deterministic GUIDs, xs:dateTime
values, XML-safe text and all-or-nothing file writes."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from lxml import etree

from qualcode import __version__
from qualcode.exports.safefiles import xml_text

QDC_NS = "urn:QDA-XML:codebook:1.0"
QDE_NS = "urn:QDA-XML:project:1.0"
ORIGIN = f"qualcode {__version__}"
# Every GUID qualcode writes is uuid5(GUID_NAMESPACE, "<kind>|<key>"), so exporting the
# same project twice gives the same GUIDs (and the same file).
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:qualcode:refi-qda")


def guid(kind: str, *key: object) -> str:
    """A deterministic GUID (lower-case 8-4-4-4-12 hex, the schemas' pattern)."""
    return str(uuid.uuid5(GUID_NAMESPACE, "|".join([kind, *map(str, key)])))


def xs_datetime(value: str | None) -> str | None:
    """An ISO 8601 timestamp as xs:dateTime in UTC (``2024-05-14T10:00:00Z``); None
    when there is none or it does not parse."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_date(value: str | None) -> bool:
    """Whether ``value`` is an xs:date (YYYY-MM-DD)."""
    if not value:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def sub(parent: etree._Element, ns: str, tag: str, **attrs: str | None) -> etree._Element:
    """Append ``<ns:tag>`` with the attributes that are not None."""
    values = {k: xml_text(v) for k, v in attrs.items() if v is not None}
    return etree.SubElement(parent, f"{{{ns}}}{tag}", values)


def text_child(parent: etree._Element, ns: str, tag: str, text: str) -> etree._Element:
    """Append ``<ns:tag>text</ns:tag>``."""
    child = sub(parent, ns, tag)
    child.text = xml_text(text)
    return child


def serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
