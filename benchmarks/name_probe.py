"""How often the pipeline gets a speaker's full name in the commonest attribution frame.

``python benchmarks/name_probe.py [--model ar_khabar_md] [--output benchmarks/name_probe.json]``

Sentences we wrote: ``وقال/وقالت [title] NAME إن …`` for 16 men's and 16 women's names
of the kinds that fresh news brings and our NER training data has few of (Maghrebi
given names, given names with ال, female and foreign names, names that begin with a
title word such as أمين or سلطان). For each it reports whether the NER tagged exactly
NAME as PER and whether the quote's ``speaker_name`` is NAME, and lists the misses.
A diagnostic for the NER (issue 4), not a test: nothing is tuned on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy

from khabar.contract import doc_to_record

MEN = ["أمين الحافظ", "سلطان الجابر", "نذير العرباوي", "الطيب البكوش", "الحبيب الصيد",
       "عبد الإله بنكيران", "يوسف الشاهد", "رشيد الطالبي العلمي", "مصطفى الكاظمي",
       "محمد بن عبدالرحمن آل ثاني", "جان إيف لودريان", "أنتوني بلينكن", "عمر بن سليمان الحربي",
       "فهد بن محمد العيسى", "نصر الله الخطيب", "أمير عبد اللهيان"]  # fmt: skip
WOMEN = ["وفاء بني مصطفى", "آمنة الضحاك", "لولوة الخاطر", "ربى فلاح", "نجلاء بودن",
         "سلوى الدغيلي", "منى المري", "كريستالينا غورغييفا", "أورسولا فون دير لاين", "هند صبري",
         "رنا عودة", "ياسمينة الزعبي", "حنان الفتلاوي", "نوال السعداوي", "سارة الأميري",
         "ليلى بنعلي"]  # fmt: skip
TITLES_MEN = ["وزير الخارجية", "رئيس الوزراء", "المتحدث باسم الحكومة", "مدير عام الشركة", ""]
TITLES_WOMEN = ["وزيرة الخارجية", "رئيسة الحكومة", "المتحدثة باسم الحكومة", "مديرة الصندوق", ""]
CONTENT = "إن الحكومة ستواصل دعم المشاريع الصغيرة."


def sentences() -> list[tuple[str, str]]:
    """(sentence, name) pairs; the titles cycle over the names."""
    out = []
    for names, titles, verb in ((MEN, TITLES_MEN, "وقال"), (WOMEN, TITLES_WOMEN, "وقالت")):
        for k, name in enumerate(names):
            title = titles[k % len(titles)]
            out.append((" ".join(w for w in (verb, title, name, CONTENT) if w), name))
    return out


def probe(nlp: spacy.language.Language) -> dict:
    pairs = sentences()
    misses = []
    ner_ok = name_ok = 0
    for doc, (text, name) in zip(nlp.pipe(t for t, _ in pairs), pairs, strict=True):
        ner = any(e.text == name and e.label_ == "PER" for e in doc.ents)
        quotes = doc_to_record(doc)["quotes"]
        got = quotes[0]["speaker_name"] if quotes else None
        ner_ok += ner
        name_ok += got == name
        if not ner or got != name:
            misses.append({"sentence": text, "name": name, "speaker_name": got,
                           "entities": [[e.text, e.label_] for e in doc.ents]})
    return {"model": f"{nlp.meta['name']}-{nlp.meta['version']}", "sentences": len(pairs),
            "ner_exact_per": ner_ok, "speaker_name_exact": name_ok, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", default="ar_khabar_md")
    p.add_argument("--output", type=Path, default=None)
    args = p.parse_args(argv)
    result = probe(spacy.load(args.model))
    print(f"{result['model']}: NER exact PER span {result['ner_exact_per']}/{result['sentences']},"
          f" speaker_name exact {result['speaker_name_exact']}/{result['sentences']}")
    for miss in result["misses"]:
        print(f"  {miss['name']}: speaker_name {miss['speaker_name']}; entities {miss['entities']}")
    if args.output:
        tmp = args.output.with_suffix(".partial")
        tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf8")
        tmp.replace(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
