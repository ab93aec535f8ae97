"""The HTML view (``khabar.render``, ``khabar render``): well-formed, right to left, the
text exactly once, overlapping spans nested; and checked in a real headless Chromium."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from khabar.cli import main
from khabar.render import render, render_record

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}

# «قال وزير الداخلية محمد علي إن الشرطة اعتقلت ثلاثة أشخاص في بغداد».
TEXT = (
    "قال وزير الداخلية محمد علي إن الشرطة اعتقلت ثلاثة أشخاص في بغداد.\n"
    "وأضاف: «الوضع <مستقر> & تحت السيطرة».\n"
    "هاجم مسلحون قرية في نينوى."
)


def at(text: str, part: str, occurrence: int = 0) -> list[int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return [start, start + len(part)]


def sample_record() -> dict[str, Any]:
    t = TEXT
    return {
        "id": "sample",
        "text": t,
        "entities": [
            {"start": at(t, "محمد علي")[0], "end": at(t, "محمد علي")[1], "label": "PER"},
            {"start": at(t, "بغداد")[0], "end": at(t, "بغداد")[1], "label": "GPE"},
            {"start": at(t, "نينوى")[0], "end": at(t, "نينوى")[1], "label": "GPE"},
        ],
        "quotes": [
            {
                "content": at(t, "الشرطة اعتقلت ثلاثة أشخاص في بغداد"),
                "cue": at(t, "قال"),
                "speaker": at(t, "محمد علي"),
                "speaker_name": "محمد علي",
                "kind": "indirect",
            },
            {
                "content": at(t, "الوضع <مستقر> & تحت السيطرة"),
                "cue": at(t, "أضاف"),
                "speaker": None,
                "speaker_name": "محمد علي",
                "kind": "direct",
            },
        ],
        "events": [
            {
                "trigger": at(t, "اعتقلت"),
                "type": "Justice.Arrest-Jail",
                "arguments": [
                    {"role": "Agent", "span": at(t, "الشرطة")},
                    {"role": "Person", "span": at(t, "ثلاثة أشخاص")},
                    {"role": "Place", "span": at(t, "بغداد")},
                ],
            },
            {
                "trigger": at(t, "هاجم"),
                "type": "Conflict.Attack",
                "arguments": [{"role": "Place", "span": at(t, "نينوى")}],
            },
        ],
    }


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, cls: str) -> list[Node]:
        return [n for n in self.iter() if cls in n.classes]

    def ancestors(self) -> list[Node]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


class TreeBuilder(HTMLParser):
    """A strict tree: every non-void start tag must be closed by its own end tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs), self.stack[-1]))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if len(self.stack) == 1 or self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(markup: str) -> Node:
    builder = TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert not builder.errors, builder.errors
    assert len(builder.stack) == 1, f"unclosed: {[n.tag for n in builder.stack[1:]]}"
    return builder.root


def fragments(root: Node, cls: str, span: list[int]) -> list[Node]:
    return [n for n in root.find_all(cls) if n.attrs.get("data-span") == f"{span[0]}:{span[1]}"]


def test_page_is_well_formed_rtl_utf8():
    markup = render(sample_record())
    assert markup.startswith("<!DOCTYPE html>")
    root = parse(markup)
    html_el = next(n for n in root.iter() if n.tag == "html")
    assert html_el.attrs["dir"] == "rtl" and html_el.attrs["lang"] == "ar"
    assert any(n.tag == "meta" and n.attrs.get("charset") == "utf-8" for n in root.iter())
    (article,) = [n for n in root.iter() if n.tag == "article"]
    assert article.attrs["dir"] == "rtl" and article.attrs["lang"] == "ar"
    # self-contained: no scripts, no external resources
    assert not any(n.tag in ("script", "link", "img", "iframe") for n in root.iter())
    assert "http://" not in markup and "https://" not in markup and "url(" not in markup


def test_fragment_without_page_carries_its_own_direction():
    markup = render([sample_record(), sample_record()], page=False)
    assert "<html" not in markup and markup.startswith("<style>")
    articles = [n for n in parse(markup).iter() if n.tag == "article"]
    assert len(articles) == 2
    assert all(a.attrs["dir"] == "rtl" and a.attrs["lang"] == "ar" for a in articles)


def test_every_character_of_the_text_once_in_order():
    record = sample_record()
    record["text"] = record["text"] + "\r\n\t"  # CR and tab survive too
    root = parse(render(record))
    (box,) = root.find_all("khabar-text")
    assert box.text() == record["text"]
    # labels, numbers and types are CSS-drawn attributes, never text
    assert "PER" not in box.text() and "Justice" not in box.text()
    # each mark's fragments hold exactly its span
    for cls in ("ent", "q-content", "q-cue", "q-speaker", "ev-trigger", "ev-arg"):
        for node in box.find_all(cls):
            s, e = map(int, node.attrs["data-span"].split(":"))
            parts = "".join(f.text() for f in fragments(box, cls, [s, e]))
            assert parts == record["text"][s:e], (cls, s, e)


def test_marks_for_each_kind_with_tags():
    record = sample_record()
    box = parse(render(record)).find_all("khabar-text")[0]
    t = record["text"]
    (content,) = fragments(box, "q-content", record["quotes"][0]["content"])
    assert content.attrs["data-num"] == "1" and "background" in content.attrs["style"]
    (content2,) = fragments(box, "q-content", record["quotes"][1]["content"])
    assert content2.attrs["data-num"] == "2"
    assert content.attrs["style"] != content2.attrs["style"]  # one colour per quote
    (cue,) = fragments(box, "q-cue", at(t, "قال"))
    assert cue.attrs["data-tag"] == "cue 1" and cue.text() == "قال"
    (speaker,) = fragments(box, "q-speaker", at(t, "محمد علي"))
    assert speaker.attrs["data-tag"] == "speaker 1"
    (trigger,) = fragments(box, "ev-trigger", at(t, "اعتقلت"))
    assert trigger.attrs["data-tag"] == "Justice.Arrest-Jail"
    assert [n.attrs["data-tag"] for n in box.find_all("ent")] == ["PER", "GPE", "GPE"]
    assert len(box.find_all("ev-arg")) == 4


def test_overlapping_spans_nest():
    record = sample_record()
    t = record["text"]
    box = parse(render(record)).find_all("khabar-text")[0]
    # entity and trigger inside a quote's content
    (baghdad,) = fragments(box, "ent", at(t, "بغداد"))
    assert any("q-content" in a.classes for a in baghdad.ancestors())
    assert any("ev-arg" in a.classes for a in baghdad.ancestors())
    (trigger,) = fragments(box, "ev-trigger", at(t, "اعتقلت"))
    assert any("q-content" in a.classes for a in trigger.ancestors())
    # the same span as speaker, entity: speaker outside, entity inside
    (person,) = fragments(box, "ent", at(t, "محمد علي"))
    assert "q-speaker" in person.parent.classes
    # HTML special characters inside a quote are text
    (content2,) = fragments(box, "q-content", record["quotes"][1]["content"])
    assert content2.text() == "الوضع <مستقر> & تحت السيطرة"


def test_crossing_spans_are_split_into_fragments():
    text = "قال المتحدث باسم الحكومة إن الاجتماع ناجح."
    ent = at(text, "باسم الحكومة")
    content = at(text, "الحكومة إن الاجتماع")  # crosses the entity
    record = {
        "text": text,
        "entities": [{"start": ent[0], "end": ent[1], "label": "ORG"}],
        "quotes": [{"content": content, "cue": None, "speaker": None, "kind": "indirect"}],
        "events": [],
    }
    box = parse(render(record)).find_all("khabar-text")[0]
    assert box.text() == text
    parts = fragments(box, "q-content", content)
    assert len(parts) == 2
    assert "".join(p.text() for p in parts) == "الحكومة إن الاجتماع"
    assert [p.attrs.get("data-num") for p in parts] == ["1", None]  # number at the start
    (org,) = fragments(box, "ent", ent)
    assert org.attrs["data-tag"] == "ORG"
    assert parts[0].parent is org and parts[1].parent is not org


def test_tables_list_quotes_and_events():
    record = sample_record()
    root = parse(render(record))
    (quotes,) = root.find_all("khabar-quotes")
    rows = [n for n in quotes.iter() if n.tag == "tr"][1:]
    assert len(rows) == 2
    cells = [c.text() for c in rows[0].children if isinstance(c, Node)]
    assert cells == [
        "1",
        "indirect",
        "محمد علي",
        "محمد علي",
        "قال",
        "الشرطة اعتقلت ثلاثة أشخاص في بغداد",
    ]
    assert [c.text() for c in rows[1].children if isinstance(c, Node)][3] == "—"  # pro-drop
    (events,) = root.find_all("khabar-events")
    text = events.text()
    assert "Justice.Arrest-Jail" in text and "Conflict.Attack" in text
    assert "Agent: الشرطة" in text and "Person: ثلاثة أشخاص" in text and "Place: نينوى" in text


def test_bad_offsets_are_skipped_and_empty_records_render():
    record = {
        "text": "قال الوزير.",
        "entities": [{"start": 5, "end": 99, "label": "PER"}, {"start": 3, "end": 3}],
        "quotes": [{"content": [-1, 4], "cue": None, "speaker": None, "kind": "direct"}],
        "events": [{"trigger": None, "type": "Life.Die", "arguments": [{"role": "Victim"}]}],
    }
    box = parse(render(record)).find_all("khabar-text")[0]
    assert box.text() == record["text"]
    assert not [n for n in box.iter() if n.tag == "mark"]
    assert parse(render_record({"text": ""})).find_all("khabar-text")[0].text() == ""


def test_render_a_doc(blank_nlp):
    from khabar.extensions import register_extensions

    register_extensions()
    doc = blank_nlp(TEXT)
    record = sample_record()
    doc._.quotes = record["quotes"]
    doc._.events = record["events"]
    doc.ents = [doc.char_span(*at(TEXT, "بغداد"), label="GPE")]
    box = parse(render(doc)).find_all("khabar-text")[0]
    assert box.text() == TEXT
    assert len(box.find_all("q-content")) == 2 and len(box.find_all("ev-trigger")) == 2
    assert [n.attrs["data-tag"] for n in box.find_all("ent")] == ["GPE"]


def test_cli_render_gold_jsonl(tmp_path: Path, capsys):
    src = tmp_path / "gold.jsonl"
    src.write_text(json.dumps(sample_record(), ensure_ascii=False) + "\n{broken\n", encoding="utf8")
    out = tmp_path / "out" / "view.html"
    assert main(["render", str(src), "--gold", "-o", str(out)]) == 1  # one bad line
    assert "gold.jsonl:2" in capsys.readouterr().err
    (box,) = parse(out.read_text(encoding="utf8")).find_all("khabar-text")
    assert box.text() == TEXT
    assert len(box.find_all("q-content")) == 2
    assert not list(out.parent.glob(".*.tmp"))  # written atomically


@pytest.mark.model
def test_cli_render_runs_the_model(tmp_path: Path):
    src = tmp_path / "article.txt"
    src.write_text(TEXT, encoding="utf8")
    out = tmp_path / "view.html"
    assert main(["render", str(src), "-o", str(out)]) == 0
    root = parse(out.read_text(encoding="utf8"))
    (box,) = root.find_all("khabar-text")
    assert box.text() == TEXT
    assert box.find_all("ent")  # the model finds at least one entity here


# --- a real browser ------------------------------------------------------------------------


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit non-interlaced RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line[j] for i in range(0, stride, bpp) for j in (i, i + 1, i + 2)))
        prev = line
    return width, height, rows


def chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    binary = shutil.which("chromium")
    if binary is None:
        pytest.skip("no `chromium` on PATH (Debian: apt-get install chromium); CI installs it")
    return subprocess.run(
        [
            binary,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={cwd / 'profile'}",
            *args,
        ],
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def test_in_headless_chromium(tmp_path: Path):
    record = sample_record()
    page = tmp_path / "view.html"
    page.write_text(render(record, legend=False), encoding="utf8")

    # the DOM as Chromium parsed it: same text, all marks, rtl
    dom = chromium("--dump-dom", page.as_uri(), cwd=tmp_path)
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    root = parse(dom.stdout.decode("utf8"))
    html_el = next(n for n in root.iter() if n.tag == "html")
    assert (html_el.attrs["dir"], html_el.attrs["lang"]) == ("rtl", "ar")
    (box,) = root.find_all("khabar-text")
    assert box.text() == record["text"]
    assert [n.attrs["data-tag"] for n in box.find_all("ent")] == ["PER", "GPE", "GPE"]
    assert [n.attrs["data-num"] for n in box.find_all("q-content")] == ["1", "2"]
    assert len(box.find_all("q-cue")) == 2 and len(box.find_all("q-speaker")) == 1
    assert {n.attrs["data-tag"] for n in box.find_all("ev-trigger")} == {
        "Justice.Arrest-Jail",
        "Conflict.Attack",
    }

    # what a user sees: a short right-to-left line starts at the right edge
    short = {
        "text": "قال الوزير: «نعم».",
        "quotes": [{"content": [13, 16], "cue": [0, 3], "speaker": [4, 10], "kind": "direct"}],
    }
    shot_page = tmp_path / "short.html"
    shot_page.write_text(render(short, legend=False), encoding="utf8")
    png = tmp_path / "shot.png"
    width, height = 640, 260
    shot = chromium(
        f"--window-size={width},{height}",
        "--force-device-scale-factor=1",
        f"--screenshot={png}",
        shot_page.as_uri(),
        cwd=tmp_path,
    )
    assert shot.returncode == 0 and png.exists(), shot.stderr.decode(errors="replace")[-2000:]
    w, h, rows = read_png(png.read_bytes())
    assert (w, h) == (width, height)
    colours = {row[i : i + 3] for row in rows[::4] for i in range(0, len(row), 12)}
    assert len(colours) > 10, "blank screenshot"
    # the first quote's background colour is painted
    assert any(bytes.fromhex("fde2a7") in row for row in rows)
    # dark ink of the first text line: right-aligned, i.e. rtl
    ink_rows = [[x for x in range(w) if sum(row[3 * x : 3 * x + 3]) < 300] for row in rows]
    first = next(i for i, xs in enumerate(ink_rows) if xs)
    line = [x for xs in ink_rows[first : first + 20] for x in xs]
    left_gap, right_gap = min(line), w - 1 - max(line)
    assert left_gap > 3 * right_gap, f"ink from x={left_gap} to {max(line)}: not right to left"
