"""A displaCy-style HTML view of processed articles: entities, quotes and events.

``render(doc_or_docs)`` returns one self-contained HTML page (inline CSS, no
scripts, no external assets), right to left (``dir="rtl" lang="ar"``). Each
article shows its text with marks for entities, quote content (one colour per
quote, with the quote's number), cue and speaker, event triggers (with their
type) and event arguments, followed by a table of the quotes and one of the
events.

The marks are built by a sweep over the character offsets of all spans, so
overlapping spans always nest into well-formed tags: a span that crosses
another is split into fragments. Labels, numbers and types are drawn by CSS
from ``data-*`` attributes (``::before``/``::after``), so the text of an
article's ``<div class="khabar-text">`` is exactly ``doc.text``: every
character once, in order, nothing added (copying from the page copies the
article). Offsets are those of the JSON contract (``doc_to_record``), which
also lets gold records be rendered (``render_record``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

# One colour per quote, cycled: (background of the content, strong colour for
# its number, cue and speaker).
QUOTE_COLOURS = [
    ("#fde2a7", "#b7791f"),
    ("#c6f0d9", "#2f855a"),
    ("#cfe3fb", "#2b6cb0"),
    ("#f6d0e6", "#b83280"),
    ("#e3d9fb", "#6b46c1"),
    ("#d3f2f4", "#2c7a7b"),
    ("#fbd5cc", "#c05621"),
    ("#e4ecc4", "#6b7d1f"),
]

ENTITY_COLOURS = {
    "PER": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "FAC": "#9cc9cc",
    "NORP": "#c887fb",
    "EVENT": "#ffeb80",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "MONEY": "#e4e7d2",
    "PERCENT": "#e4e7d2",
    "QUANTITY": "#e4e7d2",
    "MISC": "#d0d0d0",
}

# Nesting order when several spans start at the same place with the same end:
# the lower rank is the outer tag.
_RANK = {"quote": 0, "speaker": 1, "cue": 1, "arg": 2, "ent": 3, "trigger": 4}

CSS = """
.khabar{font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",Tahoma,sans-serif;
  color:#1a202c;line-height:2.6;max-width:60em;margin:1.5em auto;padding:0 1em;}
.khabar h2{font-size:1.05em;color:#4a5568;margin:.5em 0;line-height:1.4;}
.khabar-text{white-space:pre-wrap;font-size:1.15em;padding:.8em 1em;border:1px solid #e2e8f0;
  border-radius:6px;background:#fff;}
.khabar mark{background:none;color:inherit;padding:0;}
.khabar [data-tag]::after,.khabar [data-num]::before,.khabar-key .tag{direction:ltr;
  unicode-bidi:isolate;display:inline-block;font:600 .6em/1.3 ui-monospace,Menlo,Consolas,
  monospace;padding:0 .35em;margin:0 .25em;border-radius:3px;vertical-align:middle;
  background:#4a5568;color:#fff;white-space:nowrap;user-select:none;}
.khabar [data-tag]::after{content:attr(data-tag);}
.khabar [data-num]::before{content:attr(data-num);border-radius:1em;background:var(--q,#4a5568);}
.khabar mark.q-content{border-radius:4px;padding:.15em 0;}
.khabar mark.q-cue{border:2px dashed currentColor;border-radius:4px;padding:0 .1em;
  font-weight:700;}
.khabar mark.q-speaker{font-weight:700;text-decoration:underline double;
  text-decoration-thickness:2px;text-underline-offset:.35em;}
.khabar mark.ent{border-bottom:3px solid #d0d0d0;padding-bottom:1px;}
.khabar mark.ent[data-tag]::after{background:#718096;}
.khabar mark.ev-trigger{font-weight:700;color:#c53030;text-decoration:underline wavy #c53030;
  text-underline-offset:.35em;}
.khabar mark.ev-trigger[data-tag]::after{background:#c53030;}
.khabar mark.ev-arg{border-bottom:2px dotted #c53030;}
.khabar table{border-collapse:collapse;margin:1em 0;width:100%;font-size:.95em;line-height:1.6;}
.khabar caption{text-align:start;font-weight:700;margin:.3em 0;}
.khabar th,.khabar td{border:1px solid #e2e8f0;padding:.3em .5em;text-align:start;
  vertical-align:top;}
.khabar th{background:#f7fafc;}
.khabar td.num span{display:inline-block;min-width:1.6em;text-align:center;border-radius:1em;
  color:#fff;font-weight:700;}
.khabar ul{margin:0;padding-inline-start:1.2em;}
.khabar code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;}
.khabar .none{color:#a0aec0;}
.khabar-key{font-size:.9em;color:#4a5568;line-height:2.4;}
.khabar-key > span{margin-inline-end:1.2em;white-space:nowrap;}
"""


@dataclass
class _Mark:
    start: int
    end: int
    kind: str  # one of _RANK
    classes: str
    title: str
    tag: str | None = None  # drawn after the span's last fragment
    num: str | None = None  # drawn before the span's first fragment
    style: str = ""
    order: int = 0


@dataclass
class _Fragment:
    mark: _Mark
    start: int
    end: int = -1
    children: list[Any] = field(default_factory=list)  # _Fragment or (start, end) text


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _text(value: str) -> str:
    # A browser turns a raw CR into LF; a character reference keeps it.
    return html.escape(value, quote=False).replace("\r", "&#13;")


def _valid(pair: Any, n: int) -> tuple[int, int] | None:
    """``(start, end)`` when ``pair`` is a non-empty span inside a text of ``n`` chars."""
    try:
        start, end = int(pair[0]), int(pair[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    return (start, end) if 0 <= start < end <= n else None


def _colour(i: int) -> tuple[str, str]:
    return QUOTE_COLOURS[(i - 1) % len(QUOTE_COLOURS)]


def _marks(record: dict[str, Any]) -> list[_Mark]:
    text = record["text"]
    n = len(text)
    marks: list[_Mark] = []
    for ent in record.get("entities") or []:
        span = _valid((ent.get("start"), ent.get("end")), n)
        if span:
            label = str(ent.get("label", ""))
            colour = ENTITY_COLOURS.get(label, "#d0d0d0")
            marks.append(
                _Mark(*span, "ent", "ent", label, tag=label, style=f"border-color:{colour}")
            )
    for i, quote in enumerate(record.get("quotes") or [], start=1):
        bg, strong = _colour(i)
        name = quote.get("speaker_name") or "?"
        about = f"quote {i} ({quote.get('kind', '?')}), {name}"
        span = _valid(quote.get("content"), n)
        if span:
            marks.append(
                _Mark(
                    *span,
                    "quote",
                    f"q-content q{i}",
                    f"content of {about}",
                    num=str(i),
                    style=f"background:{bg};--q:{strong}",
                )
            )
        for key, css in (("cue", "q-cue"), ("speaker", "q-speaker")):
            span = _valid(quote.get(key), n)
            if span:
                marks.append(
                    _Mark(
                        *span,
                        key,
                        f"{css} q{i}",
                        f"{key} of {about}",
                        tag=f"{key} {i}",
                        style=f"color:{strong}",
                    )
                )
    for k, event in enumerate(record.get("events") or [], start=1):
        etype = str(event.get("type", "?"))
        span = _valid(event.get("trigger"), n)
        if span:
            marks.append(
                _Mark(*span, "trigger", f"ev-trigger e{k}", f"event {k}: {etype}", tag=etype)
            )
        for arg in event.get("arguments") or []:
            span = _valid(arg.get("span"), n)
            if span:
                role = str(arg.get("role", "?"))
                marks.append(_Mark(*span, "arg", f"ev-arg e{k}", f"{role} of event {k} ({etype})"))
    for i, mark in enumerate(marks):
        mark.order = i
    return marks


def _nest(text: str, marks: list[_Mark]) -> list[Any]:
    """The text as a tree of fragments: a sweep over all span boundaries keeps, at
    every point, the open spans as a stack (earlier start and longer span outside),
    closing and reopening an inner span where another one ends across it."""
    key = {id(m): (m.start, -m.end, _RANK[m.kind], m.order) for m in marks}
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    root: list[Any] = []
    stack: list[_Fragment] = []
    starting: dict[int, list[_Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    open_marks: list[_Mark] = []
    for pos, nxt in zip(bounds, bounds[1:], strict=False):
        open_marks = [m for m in open_marks if m.end > pos] + starting.get(pos, [])
        active = sorted(open_marks, key=lambda m: key[id(m)])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep].mark is active[keep]:
            keep += 1
        for frag in stack[keep:]:
            frag.end = pos
        del stack[keep:]
        for mark in active[keep:]:
            frag = _Fragment(mark, pos)
            (stack[-1].children if stack else root).append(frag)
            stack.append(frag)
        (stack[-1].children if stack else root).append((pos, nxt))
    for frag in stack:
        frag.end = len(text)
    return root


def _emit(text: str, nodes: list[Any], out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, tuple):
            out.append(_text(text[node[0] : node[1]]))
            continue
        mark = node.mark
        attrs = [f'class="{_attr(mark.classes)}"', f'title="{_attr(mark.title)}"']
        attrs.append(f'data-span="{mark.start}:{mark.end}"')
        if mark.style:
            attrs.append(f'style="{_attr(mark.style)}"')
        if mark.tag is not None and node.end == mark.end:
            attrs.append(f'data-tag="{_attr(mark.tag)}"')
        if mark.num is not None and node.start == mark.start:
            attrs.append(f'data-num="{_attr(mark.num)}"')
        out.append(f"<mark {' '.join(a for a in attrs if a)}>")
        _emit(text, node.children, out)
        out.append("</mark>")


def _cell(text: str, pair: Any) -> str:
    span = _valid(pair, len(text))
    if span is None:
        return '<span class="none">—</span>'
    return _text(text[span[0] : span[1]])


def _quote_table(record: dict[str, Any]) -> str:
    text = record["text"]
    quotes = record.get("quotes") or []
    rows = []
    for i, q in enumerate(quotes, start=1):
        strong = _colour(i)[1]
        name = q.get("speaker_name")
        name_html = _text(name) if name else '<span class="none">—</span>'
        rows.append(
            "<tr>"
            f'<td class="num"><span style="background:{strong}">{i}</span></td>'
            f'<td><code dir="ltr">{_text(str(q.get("kind", "?")))}</code></td>'
            f"<td>{name_html}</td>"
            f"<td>{_cell(text, q.get('speaker'))}</td>"
            f"<td>{_cell(text, q.get('cue'))}</td>"
            f"<td>{_cell(text, q.get('content'))}</td>"
            "</tr>"
        )
    head = (
        "<tr><th>#</th><th>kind</th><th>speaker_name</th><th>speaker</th>"
        "<th>cue</th><th>content</th></tr>"
    )
    return (
        f'<table class="khabar-quotes"><caption>Quotes ({len(quotes)})</caption>'
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _event_table(record: dict[str, Any]) -> str:
    text = record["text"]
    events = record.get("events") or []
    rows = []
    for k, ev in enumerate(events, start=1):
        args = []
        for arg in ev.get("arguments") or []:
            role = _text(str(arg.get("role", "?")))
            args.append(f'<li><code dir="ltr">{role}</code>: {_cell(text, arg.get("span"))}</li>')
        arg_html = f"<ul>{''.join(args)}</ul>" if args else '<span class="none">—</span>'
        rows.append(
            "<tr>"
            f"<td>{k}</td>"
            f'<td><code dir="ltr">{_text(str(ev.get("type", "?")))}</code></td>'
            f"<td>{_cell(text, ev.get('trigger'))}</td>"
            f"<td>{arg_html}</td>"
            "</tr>"
        )
    head = "<tr><th>#</th><th>type</th><th>trigger</th><th>arguments</th></tr>"
    return (
        f'<table class="khabar-events"><caption>Events ({len(events)})</caption>'
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


KEY = (
    '<div class="khabar-key" dir="ltr">'
    '<span><mark class="q-content" style="background:#fde2a7" data-num="1">content</mark>'
    " quote content (number = quote)</span>"
    '<span><mark class="q-cue" style="color:#b7791f">cue</mark> cue</span>'
    '<span><mark class="q-speaker" style="color:#b7791f">speaker</mark> speaker</span>'
    '<span><mark class="ent" style="border-color:#aa9cfc">entity</mark>'
    '<span class="tag" style="background:#718096">LABEL</span></span>'
    '<span><mark class="ev-trigger">trigger</mark>'
    '<span class="tag" style="background:#c53030">Type.Subtype</span></span>'
    '<span><mark class="ev-arg">argument</mark> event argument</span>'
    "</div>"
)


def render_record(record: dict[str, Any]) -> str:
    """One contract record (``text`` with ``entities``, ``quotes``, ``events``) as an
    ``<article dir="rtl" lang="ar">`` fragment (no page, no style)."""
    text = record["text"]
    if not isinstance(text, str):
        raise ValueError("record has no string 'text'")
    out: list[str] = []
    _emit(text, _nest(text, _marks(record)), out)
    doc_id = record.get("id")
    head = f"<h2>{_text(str(doc_id))}</h2>" if doc_id is not None else ""
    return (
        f'<article class="khabar" dir="rtl" lang="ar">{head}'
        f'<div class="khabar-text">{"".join(out)}</div>'
        f"{_quote_table(record)}{_event_table(record)}</article>"
    )


def doc_record(doc: Doc) -> dict[str, Any]:
    """A processed Doc as a contract record (with its text)."""
    from .contract import doc_to_record

    record: dict[str, Any] = {"text": doc.text, **doc_to_record(doc)}
    if "id" in doc.user_data:
        record["id"] = doc.user_data["id"]
    return record


def render(
    doc_or_docs: Doc | dict[str, Any] | Iterable[Doc | dict[str, Any]],
    page: bool = True,
    title: str = "khabar",
    legend: bool = True,
) -> str:
    """HTML for one or more Docs or contract records.

    ``page=True``: a complete UTF-8 page (``<html dir="rtl" lang="ar">``);
    ``page=False``: the ``<style>`` and the articles only, e.g. for a notebook
    (each article carries its own ``dir="rtl" lang="ar"``). ``legend`` adds a key
    to the styles above the articles."""
    items = [doc_or_docs] if isinstance(doc_or_docs, (Doc, dict)) else list(doc_or_docs)
    body = "".join(
        render_record(doc_record(item) if isinstance(item, Doc) else item) for item in items
    )
    key = KEY.replace('class="khabar-key"', 'class="khabar khabar-key"') if legend else ""
    fragment = f"<style>{CSS}</style>{key}{body}"
    if not page:
        return fragment
    return (
        '<!DOCTYPE html>\n<html dir="rtl" lang="ar">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )
