#!/usr/bin/env python3
"""Builds the corpus-cleaning benchmark corpus from ../shared/data and scores a clean-corpus run.

build N OUT.jsonl: N documents — 85% unique English documents (random runs of 8 to 16 sentences
drawn from HH-RLHF, the English turns of OpenAssistant, Self-Instruct and Tiny Shakespeare), 5% exact copies of unique
ones (case and spacing changed), 5% near copies (1 to 3 words replaced), 5% foreign-language
documents (3 to 6 sentences of one language from langid-lingua). Ids say what each is:
u-*, exact-*, near-*, foreign-<lang>-*.

score OUT.jsonl CLEAN.jsonl: recall per injected kind and the share of unique documents removed.

jaccard OUT.jsonl: the exact Jaccard similarity of every injected near copy and its source, on
word n-gram shingles of the cleaner's normal form (NFC, lower case, white space folded) for n = 3,
5, 13 and on character 5- and 9-grams, with the share at or above 0.8 and the candidate rate
banding would give; the cleaner's own check is MinHasherTest/CleanJobTest.

langid GUESSES.tsv: from bench/LanguageIdCheck.java's guesses (id, language, confidence), for
each minimum confidence, the share of English documents kept and of foreign documents removed.
"""
import gzip, json, random, re, sys, os

DATA = os.environ.get("PAIRWISE_SHARED_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))


def sentences():
    pool = []
    def add(text):
        for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")):
            s = s.strip()
            if 6 <= len(s.split()) <= 40:
                pool.append(s)
    for part in ("helpful-base", "harmless-base", "helpful-rejection-sampled"):
        with gzip.open(os.path.join(DATA, "hh-rlhf", part, "test.jsonl.gz"), "rt", encoding="utf-8") as f:
            for line in f:
                add(re.sub(r"\b(Human|Assistant):", " ", json.loads(line)["chosen"]))
    with gzip.open(os.path.join(DATA, "oasst1-val-qlora", "oa_questions.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o.get("lang") != "en":
                continue  # OASST1 is multilingual: its Spanish, German, Russian... turns are no unique English documents
            for v in o.values():
                if isinstance(v, str):
                    add(v)
    for name in ("seed_tasks.jsonl", "user_oriented_instructions.jsonl"):
        with open(os.path.join(DATA, "self-instruct", name), encoding="utf-8") as f:
            for line in f:
                add(json.dumps(json.loads(line)))
    with open(os.path.join(DATA, "tinyshakespeare", "input.txt"), encoding="utf-8") as f:
        add(f.read())
    return sorted(set(pool))


def foreign():
    by_lang = {}
    with gzip.open(os.path.join(DATA, "langid-lingua", "sentences_200_per_lang.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o["lang"] != "en":
                by_lang.setdefault(o["lang"], []).append(o["text"])
    return by_lang


def build(n, out):
    rnd = random.Random(14)
    pool = sentences()
    langs = foreign()
    n_unique = int(n * 0.85)
    n_exact = n_near = n_foreign = (n - n_unique) // 3
    n_unique = n - n_exact - n_near - n_foreign
    docs = []
    uniques = []
    for i in range(n_unique):
        text = " ".join(rnd.choice(pool) for _ in range(rnd.randint(8, 16)))
        uniques.append(text)
        docs.append(("u-%d" % i, text))
    for i in range(n_exact):
        j = rnd.randrange(n_unique)
        src = uniques[j]
        docs.append(("exact-%d-u-%d" % (i, j), "  ".join(src.upper().split(" ")) if i % 2 else src.lower() + "\n"))
    for i in range(n_near):
        j = rnd.randrange(n_unique)
        words = uniques[j].split(" ")
        for _ in range(rnd.randint(1, 3)):
            words[rnd.randrange(len(words))] = rnd.choice(["apple", "river", "stone", "quickly", "seven", "blue"])
        docs.append(("near-%d-u-%d" % (i, j), " ".join(words)))
    codes = sorted(langs)
    for i in range(n_foreign):
        lang = codes[i % len(codes)]
        docs.append(("foreign-%s-%d" % (lang, i), " ".join(rnd.choice(langs[lang]) for _ in range(rnd.randint(3, 6)))))
    rnd.shuffle(docs)
    with open(out, "w", encoding="utf-8") as f:
        for id_, text in docs:
            f.write(json.dumps({"id": id_, "text": text}, ensure_ascii=False) + "\n")
    print(json.dumps({"docs": len(docs), "unique": n_unique, "exact": n_exact, "near": n_near, "foreign": n_foreign,
                      "sentence_pool": len(pool)}))


def score(corpus, clean):
    """A copy counts as found when it and its source are not both kept (a cluster keeps its earliest
    member, which may be the copy); a unique document counts as wrongly removed when it is no
    copy's source."""
    ids = [json.loads(line)["id"] for line in open(corpus, encoding="utf-8")]
    kept = {json.loads(line)["id"] for line in open(clean, encoding="utf-8")}
    sources = set()
    found = {"exact": 0, "near": 0}
    total = {"exact": 0, "near": 0}
    for id_ in ids:
        kind = id_.split("-")[0]
        if kind in found:
            src = id_[id_.index("-u-") + 1:]
            sources.add(src)
            total[kind] += 1
            if not (id_ in kept and src in kept):
                found[kind] += 1
    foreign = [i for i in ids if i.startswith("foreign-")]
    plain = [i for i in ids if i.startswith("u-") and i not in sources]
    wrongly = sum(1 for i in plain if i not in kept)
    print(json.dumps({"exact_recall": round(found["exact"] / max(1, total["exact"]), 4),
                      "near_recall": round(found["near"] / max(1, total["near"]), 4),
                      "language_recall": round(sum(1 for i in foreign if i not in kept) / max(1, len(foreign)), 4),
                      "unique_removed_share": round(wrongly / max(1, len(plain)), 4),
                      "unique_removed": wrongly, "unique_not_sources": len(plain)}))


def words(text):
    import unicodedata
    return unicodedata.normalize("NFC", text).lower().split()


def word_shingles(text, n):
    w = words(text)
    return {" ".join(w)} if len(w) < n else {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def char_shingles(text, n):
    s = " ".join(words(text))
    return {s[i:i + n] for i in range(max(1, len(s) - n + 1))}


def jaccard(corpus):
    docs = {}
    for line in open(corpus, encoding="utf-8"):
        o = json.loads(line)
        docs[o["id"]] = o["text"]
    kinds = {"word3": lambda t: word_shingles(t, 3), "word5": lambda t: word_shingles(t, 5),
             "word13": lambda t: word_shingles(t, 13), "char5": lambda t: char_shingles(t, 5),
             "char9": lambda t: char_shingles(t, 9)}
    sims = {k: [] for k in kinds}
    for id_, text in docs.items():
        if id_.startswith("near-"):
            src = docs[id_[id_.index("-u-") + 1:]]
            for k, f in kinds.items():
                a, b = f(text), f(src)
                sims[k].append(len(a & b) / len(a | b))
    curve = lambda s, b, r: 1 - (1 - s ** r) ** b
    for k, v in sims.items():
        v.sort()
        n = len(v)
        hist = {}
        for x in v:
            lo = min(0.95, int(x * 20) / 20)
            hist["%.2f" % lo] = hist.get("%.2f" % lo, 0) + 1
        print(json.dumps({"shingles": k, "pairs": n, "min": round(v[0], 3), "p10": round(v[n // 10], 3),
                          "median": round(v[n // 2], 3), "share_ge_0.8": round(sum(x >= 0.8 for x in v) / n, 3),
                          "share_ge_0.7": round(sum(x >= 0.7 for x in v) / n, 3),
                          "candidates_9x13": round(sum(curve(x, 9, 13) for x in v) / n, 3),
                          "candidates_16x8": round(sum(curve(x, 16, 8) for x in v) / n, 3),
                          "histogram": dict(sorted(hist.items()))}))


def langid(guesses):
    rows = [line.rstrip("\n").split("\t") for line in open(guesses, encoding="utf-8")]
    english = [(l, float(c)) for i, l, c in rows if i.startswith("u-")]
    foreign = [(l, float(c)) for i, l, c in rows if i.startswith("foreign-")]
    wrong = {}
    for l, c in english:
        if l != "en":
            wrong[l] = wrong.get(l, 0) + 1
    for m in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        keep = lambda l, c: l == "en" and c >= m
        print(json.dumps({"min_confidence": m, "english": len(english),
                          "english_lost_share": round(sum(1 for l, c in english if not keep(l, c)) / len(english), 4),
                          "foreign": len(foreign),
                          "foreign_removed_share": round(sum(1 for l, c in foreign if not keep(l, c)) / len(foreign), 4)}))
    print(json.dumps({"english_read_as": dict(sorted(wrong.items(), key=lambda e: -e[1]))}))


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "jaccard":
        jaccard(sys.argv[2])
    elif sys.argv[1] == "langid":
        langid(sys.argv[2])
    else:
        score(sys.argv[2], sys.argv[3])
