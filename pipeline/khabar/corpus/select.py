"""Choose the candidate articles of the annotated corpus: a stratified, reproducible sample.

Why a script: the sample must be re-derivable from the shared corpora alone, so
anyone can check that no article was picked by hand. The rule:

1. Candidates are the articles of ``iter_raw_news`` with 120–600 whitespace words
   whose text occurs exactly once in all three raw corpora (duplicates dropped).
2. Each article gets a *source group* (SkyNews, AlArabiya, France24, BBC, CNN,
   JawharaFM, or one of six SaudiNewsNet papers) and a *topic* (politics,
   security, economy, sport, society): the ANT category where it fixes the topic
   (sport, economy, society/culture), otherwise the best-scoring keyword list over
   the title and the first 400 characters (news categories default to politics).
   Technology articles are not candidates.
3. Within each (group, topic) cell articles are ranked by
   ``sha1(f"{SEED}:{id}")``; each group takes ``PER_GROUP`` articles round-robin
   over its topics (a topic that runs dry passes its turn on).
4. Splits are by article: in each group, in rank order, the first ``TEST_PER_GROUP``
   go to test, the next ``DEV_PER_GROUP`` to dev, the rest to train.

Run ``python -m khabar.corpus.select`` to rewrite ``corpus/selection.json``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ..paths import REPO_ROOT, corpora_dir
from .raw_news import RawArticle, iter_raw_news

SELECTION_FILE = REPO_ROOT / "corpus" / "selection.json"
SEED = "khabar-corpus-v1"
PER_GROUP = 20
TEST_PER_GROUP = 3
DEV_PER_GROUP = 3
MIN_WORDS, MAX_WORDS = 120, 600
TOPICS = ("politics", "security", "economy", "sport", "society")
ANT_GROUPS = {
    "skynews": "SkyNews",
    "alarabia": "AlArabiya",
    "france24": "France24",
    "BBC": "BBC",
    "CNN": "CNN",
}
SAUDI_PAPERS = ("aawsat", "alriyadh", "okaz", "alyaum", "sabq", "was")
ANT_CATEGORY_TOPIC = {
    "sport": "sport",
    "economy": "economy",
    "society": "society",
    "culture": "society",
    "diverse": "society",
    "technology": None,
}
NEWS_CATEGORIES = {"internationalNews", "middleEast", "politic", "localNews"}
KEYWORDS = {
    "security": (
        "قتل",
        "قتلى",
        "هجوم",
        "انفجار",
        "تفجير",
        "اعتقال",
        "مسلح",
        "الشرطة",
        "إرهاب",
        "ارهاب",
        "غارة",
        "اشتباك",
        "جرحى",
        "القبض",
        "الأمنية",
        "صاروخ",
        "الجيش",
    ),
    "economy": (
        "اقتصاد",
        "الاقتصاد",
        "أسعار",
        "النفط",
        "البنك",
        "مليار",
        "الأسهم",
        "شركة",
        "الاستثمار",
        "التضخم",
        "البورصة",
        "الميزانية",
        "الدولار",
    ),
    "sport": (
        "مباراة",
        "الدوري",
        "المنتخب",
        "نادي",
        "النادي",
        "لاعب",
        "بطولة",
        "هدف",
        "المدرب",
        "كأس",
    ),
    "politics": (
        "الرئيس",
        "وزير",
        "الحكومة",
        "البرلمان",
        "الانتخابات",
        "مجلس",
        "السفير",
        "الخارجية",
        "المفاوضات",
        "الحزب",
    ),
    "society": (
        "التعليم",
        "الصحة",
        "المستشفى",
        "الطلاب",
        "المواطنين",
        "الأسر",
        "المرأة",
        "مهرجان",
        "الثقافة",
        "البلدية",
    ),
}


@dataclass(frozen=True)
class Candidate:
    id: str
    group: str
    topic: str
    words: int
    rank: str


def _ant_categories(root: Path) -> dict[str, str]:
    """``ant_*:<docno>`` → ANT category; ``iter_raw_news`` does not carry it."""
    files = {
        "ant_multisource": root / "ant_corpus_multisource_v2.1" / "ant_multisource_v2.1.jsonl.gz",
        "ant_v1.1": root / "ant_corpus_v1.1" / "ant_v1.1_jawharafm.jsonl.gz",
    }
    categories = {}
    for prefix, path in files.items():
        with gzip.open(path, "rt", encoding="utf8") as f:
            for line in f:
                obj = json.loads(line)
                categories[f"{prefix}:{obj['docno']}"] = obj.get("cat") or ""
    return categories


def source_group(article: RawArticle) -> str | None:
    """The sampling group of an article, or None when its source is not sampled."""
    corpus = article.id.split(":", 1)[0]
    if corpus == "ant_multisource":
        return ANT_GROUPS.get(article.source)
    if corpus == "ant_v1.1":
        return "JawharaFM"
    return f"saudinewsnet/{article.source}" if article.source in SAUDI_PAPERS else None


def keyword_topic(text: str) -> str | None:
    """The topic whose keywords occur most often in ``text`` (ties: order of TOPICS)."""
    scores = {topic: sum(text.count(w) for w in KEYWORDS[topic]) for topic in TOPICS}
    best = max(TOPICS, key=lambda t: scores[t])
    return best if scores[best] else None


def article_topic(article: RawArticle, category: str | None) -> str | None:
    """ANT category where it settles the topic, else keywords; None excludes the article."""
    if category in ANT_CATEGORY_TOPIC:
        return ANT_CATEGORY_TOPIC[category]
    guess = keyword_topic(f"{article.title or ''} {article.text[:400]}")
    if category in NEWS_CATEGORIES and guess not in ("politics", "security"):
        return "politics"
    return guess or "society"


def rank_key(doc_id: str, seed: str = SEED) -> str:
    return hashlib.sha1(f"{seed}:{doc_id}".encode()).hexdigest()


def iter_candidates(
    articles: Iterable[RawArticle], categories: dict[str, str]
) -> Iterator[Candidate]:
    """Articles in the length range whose text is unique, with group, topic and rank."""
    text_counts: Counter[str] = Counter()
    kept: list[tuple[str, Candidate]] = []
    for article in articles:
        digest = hashlib.sha1(article.text.encode()).hexdigest()
        text_counts[digest] += 1
        words = len(article.text.split())
        group = source_group(article)
        if not group or not MIN_WORDS <= words <= MAX_WORDS:
            continue
        topic = article_topic(article, categories.get(article.id))
        if topic:
            kept.append((digest, Candidate(article.id, group, topic, words, rank_key(article.id))))
    for digest, cand in kept:
        if text_counts[digest] == 1:
            yield cand


def sample_group(candidates: list[Candidate], n: int) -> list[Candidate]:
    """``n`` candidates of one group, round-robin over topics, each topic in rank order."""
    by_topic = {
        t: sorted((c for c in candidates if c.topic == t), key=lambda c: c.rank) for t in TOPICS
    }
    chosen: list[Candidate] = []
    while len(chosen) < n and any(by_topic.values()):
        for topic in TOPICS:
            if by_topic[topic] and len(chosen) < n:
                chosen.append(by_topic[topic].pop(0))
    return chosen


def assign_splits(chosen: list[Candidate]) -> dict[str, str]:
    """Test, dev, then train, by rank within the group; the split belongs to the article."""
    splits = {}
    for i, cand in enumerate(sorted(chosen, key=lambda c: c.rank)):
        if i < TEST_PER_GROUP:
            splits[cand.id] = "test"
        elif i < TEST_PER_GROUP + DEV_PER_GROUP:
            splits[cand.id] = "dev"
        else:
            splits[cand.id] = "train"
    return splits


def select(root: Path | None = None) -> dict:
    """The whole selection as the JSON object written to ``corpus/selection.json``."""
    root = root or corpora_dir()
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for cand in iter_candidates(iter_raw_news(root=root), _ant_categories(root)):
        groups[cand.group].append(cand)
    documents = []
    for group in sorted(groups):
        chosen = sample_group(groups[group], PER_GROUP)
        splits = assign_splits(chosen)
        documents += [{**asdict(c), "split": splits[c.id]} for c in chosen]
    return {
        "rule": __doc__.split("The rule:", 1)[1].split("Run ``", 1)[0].strip(),
        "seed": SEED,
        "per_group": PER_GROUP,
        "length_words": [MIN_WORDS, MAX_WORDS],
        "counts": {
            "split": Counter(d["split"] for d in documents),
            "group": Counter(d["group"] for d in documents),
            "topic": Counter(d["topic"] for d in documents),
        },
        "documents": documents,
    }


def selected_ids(split: str | None = None, path: Path | str = SELECTION_FILE) -> set[str]:
    """Ids of the articles of ``selection.json`` (of one split, or all)."""
    docs = json.loads(Path(path).read_text(encoding="utf8"))["documents"]
    return {str(d["id"]) for d in docs if split is None or d["split"] == split}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=SELECTION_FILE)
    args = parser.parse_args(argv)
    selection = select()
    args.output.write_text(json.dumps(selection, ensure_ascii=False, indent=1) + "\n", "utf8")
    print(f"{len(selection['documents'])} documents → {args.output}: {selection['counts']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
