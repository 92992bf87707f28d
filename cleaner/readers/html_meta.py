"""What the markup says about the article: each field a chain of small fallbacks.

headline: JSON-LD ``headline`` > the article's single ``<h1>`` > ``og:title`` > ``<title>``
without the site name; byline: JSON-LD ``author`` > ``meta[name=author]`` > ``rel=author``
links; published: JSON-LD ``datePublished`` > article meta tags > ``<time datetime>`` > a date
in the URL; language: ``<html lang>``; url: canonical link > ``og:url``.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from ..blocks import squash
from ..dates import normalise_date
from ..steps.byline import split_names

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "webpage",
                  "techarticle", "scholarlyarticle", "report", "posting", "socialmediaposting", "liveblogposting"}
_DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "date",
              "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created",
              "parsely-pub-date", "sailthru.date", "article.published", "published-date", "cxenseparse:recs:publishtime")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|$|[-_])")
_MAX_JSONLD = 200_000


def _meta(tree, *names: str) -> str | None:
    """The content of the first ``<meta>`` whose name/property/itemprop is one of ``names``."""
    wanted = {n.lower() for n in names}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted and meta.get("content"):
            return squash(meta.get("content"))
    return None


def _jsonld_objects(tree) -> Iterator[dict]:
    """Every JSON-LD object on the page (graphs flattened), article types first."""
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "")[:_MAX_JSONLD]
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))
    articles = [o for o in found if _types(o) & _ARTICLE_TYPES]
    return iter(articles or [])


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD author value (string, object, or list of either)."""
    if isinstance(value, str):
        return split_names(value) or ([squash(value)] if value.strip() else [])
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def headline(tree, objects: list[dict]) -> str | None:
    for obj in objects:
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return squash(obj["headline"])
    h1s = tree.xpath("//article//h1") or tree.xpath("//h1")
    if len(h1s) == 1 and squash(h1s[0].text_content()):
        return squash(h1s[0].text_content())
    og = _meta(tree, "og:title", "twitter:title")
    if og:
        return og
    title = tree.findtext(".//title")
    return squash(title) if title and title.strip() else None


def byline(tree, objects: list[dict]) -> tuple[str, ...]:
    for obj in objects:
        names = _names(obj.get("author"))
        if names:
            return tuple(dict.fromkeys(names))
    meta = _meta(tree, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
    if meta and not meta.startswith("http"):
        names = split_names(meta) or [meta]
        return tuple(dict.fromkeys(names))
    links = [squash(a.text_content()) for a in tree.xpath('//a[@rel="author"]')]
    return tuple(dict.fromkeys(n for link in links for n in split_names(link)))


def published(tree, objects: list[dict], url: str | None) -> str | None:
    for obj in objects:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if isinstance(obj.get(key), str) and (date := normalise_date(obj[key])) and date[0] != "-":
                return date
    meta = _meta(tree, *_DATE_META)
    if meta and (date := normalise_date(meta)) and date[0] != "-":
        return date
    for time in tree.xpath("//article//time[@datetime] | //time[@datetime]")[:3]:
        if (date := normalise_date(time.get("datetime"))) and date[0] != "-":
            return date
    if url and (found := _URL_DATE.search(url)):
        return "-".join(found.groups())
    return None


def language(tree) -> str | None:
    """Two-letter code from ``<html lang>`` (or ``og:locale``).

    >>> import lxml.html
    >>> language(lxml.html.fromstring('<html lang="en-GB"><body><p>x</p></body></html>'))
    'en'
    """
    value = tree.get("lang") or tree.get("xml:lang") or _meta(tree, "og:locale", "content-language") or ""
    code = re.split(r"[-_]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def page_url(tree) -> str | None:
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        href = link.get("href").strip()
        if href.startswith("http"):
            return href
    og = _meta(tree, "og:url")
    return og if og and og.startswith("http") else None


def hints(tree, url: str | None) -> dict[str, Any]:
    """Every field the markup offers, for the pipeline's steps (``ctx.hints``)."""
    objects = list(_jsonld_objects(tree))
    found = {"format": "html", "headline": headline(tree, objects), "byline": byline(tree, objects) or None,
             "published": published(tree, objects, url), "language": language(tree), "url": url}
    return {k: v for k, v in found.items() if v}
