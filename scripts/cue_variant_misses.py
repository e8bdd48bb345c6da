"""List gold event links the linker misses (FN lines of score.sh output, TUNING parts only) where a
cue phrase of the missed event matches the sentence once spelling is normalised: each phrase word
may match a text word (proclitics peeled) by its variant key, by an alias of the same catalogue
entity, or as a form of the word (pronoun suffix, the verbal noun's ال/ي). Usage:
  python scripts/cue_variant_misses.py PREFIX PART...   (reads PREFIX_<part>.txt)
Prints per miss: part, article, event, sid, the phrase and how it matched (exact/alias/key/form)."""
import re, sys
from collections import Counter
from dashboard.catalogues import load_catalogues
from dashboard.paths import CATALOGUE_DIR
from dashboard.text.document import Doc
from dashboard.text.normalize import fold, squeeze_spaces
from dashboard.text.variants import variant_key
from dashboard.text.clitics import peel
from dashboard.extract.events import phrase_pattern

cat = load_catalogues(CATALOGUE_DIR)
events = {e.id: e for e in cat.events}
raw = {e["id"]: e for e in cat.raw["events"]["events"]}
ents = cat.entities
alias_of = {}  # folded one-word alias -> entity ids
for key, f in ents.forms.items():
    if f.entity_id and f.form == "name" and len(f.tokens) == 1:
        alias_of.setdefault(f.tokens[0], set()).add(f.entity_id)

SUFFIX = ("هما", "هم", "ها", "ه", "يه", "ي")
def forms(w):
    out = set()
    for r in peel(w, 2):
        out.add(r)
        for s in SUFFIX:
            if r.endswith(s) and len(r) - len(s) >= 3:
                out.add(r[:-len(s)])
    return out

def how(pw, tw):
    pw = pw.rstrip("*")
    pf = forms(pw); tf = forms(tw)
    if pf & tf: return "exact"
    if alias_of.get(pw) and any(alias_of.get(t, set()) & alias_of[pw] for t in tf | {tw}): return "alias"
    if len(pw) >= 4 and any(variant_key(a) == variant_key(b) for a in pf for b in tf if len(a) >= 4 and len(b) >= 4): return "key"
    if len(pw) >= 4 and any(b.startswith(a[:-1]) and len(a) >= 4 for a in pf for b in tf): return "form"
    return None

def match(phrase, words):
    pws = [w for w in squeeze_spaces(phrase).split() if w != "..."]
    for i in range(len(words)):
        kinds = []
        j = i
        for pw in pws:
            if j >= len(words): break
            k = how(pw, words[j])
            if k is None: break
            kinds.append(k); j += 1
        else:
            return kinds
    return None

prefix, parts = sys.argv[1], sys.argv[2:]
tally = Counter()
for part in parts:
    for line in open(f"{prefix}_{part}.txt", encoding="utf-8"):
        m = re.match(r"  FN (\S+) (\S+) s(\d+) \|", line)
        if not m or m.group(2) not in raw: continue
        aid, eid, sid = m.group(1), m.group(2), int(m.group(3))
        text = open(f"/work/main/data/gold_unseen_texts/{part}/{aid}.txt", encoding="utf-8").read()
        doc = Doc.from_text(aid, text)
        if sid >= len(doc.sentences): continue
        a, b = doc.norm_sentence(sid)
        sent = doc.norm.text[a:b]
        words = re.findall(r"[^\W\d_]+", sent)
        phrases = {p for c in raw[eid].get("cues") or () for k in ("phrases", "words") for p in c.get(k) or ()}
        hits = []
        for p in sorted(phrases):
            if re.search(phrase_pattern(p), sent): hits.append((p, "regex")); continue
            if "..." in p: continue
            k = match(p, words)
            if k and set(k) != {"exact"}: hits.append((p, "+".join(k)))
        if hits:
            tally[part] += 1
            print(f"{part} {aid} {eid} s{sid}: " + " | ".join(f"{p} [{k}]" for p, k in hits[:4]))
            print("     ", sent[:260])
print(sum(tally.values()), dict(tally), file=sys.stderr)
