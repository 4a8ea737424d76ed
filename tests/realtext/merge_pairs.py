#!/usr/bin/env python3
"""Pair labels for duplicate nodes from the judged samples, pair features, and a leave-one-corpus-out evaluation of a
logistic-regression merge model ("are these two nodes one thing?"), for issue 10.

usage (from the repo root):
  python3 tests/realtext/merge_pairs.py PREFIX [--show-positives N] [--dump FILE] [--ratio R]
PREFIX: graphs built as PREFIX<corpus>/graph.jsonl for the nineteen development corpora (main's: /work/evals/s26/).

Labels.  A judged row (first verdict per id over the corpus's judged*.tsv, as left_by_kind.py) is used only when its
node is still in the graph with the same id and name.  Positive pairs: a `duplicate` row and the partner node(s) its
reason names: node ids written in the reason (e:org:...) when any of them is in the graph; otherwise every quoted
string and every maximal capitalised phrase of the reason matched to a node's name or alias (case and punctuation
aside), the node itself excluded.  Negative pairs: two judged-correct nodes of the same corpus (both correct means
neither duplicates the other).  Pairs are only those a linear blocking step would propose: a shared content word, an
acronym key (one name's letters are the initials of the other's words) or the same first four letters of a one-word
name; positives outside the blocking are counted as unreachable.

Model.  Logistic regression (L2 1.0 on the standardised weights, not on the bias, Newton's method to convergence, so
the result does not depend on a learning rate).  The threshold is chosen on the training corpora: the lowest score at
which training merges hold at least 15 positives per correct-correct pair.  Leave one corpus out: train on eighteen,
score the nineteenth at that threshold.
"""
import sys, os, re, json, math, random, collections

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_confidence import train as newton  # noqa: E402

CORPORA = ['realtext', 'realtext-check'] + ['realtext-check%d' % i for i in range(2, 19)]
STOP = set('the of and for in on at to a an de del la le du des da di von van der den al el bin ibn'.split())
TITLES = set('mr mrs ms dr gen sen rep gov president minister secretary general lt col maj capt adm sgt cpl pvt '
             'prime deputy chairman chief director ambassador king queen prince sheikh judge justice commissioner '
             'governor senator representative mayor officer spokesperson spokesman commander lieutenant colonel '
             'admiral sergeant captain major dpm pm vice'.split())
COUNTRY_PREFIX = set('u.s. us united states american national federal'.split())


def norm(s):
    s = s.lower().replace('\u2019', "'")
    s = re.sub(r"'s\b", '', s)
    s = re.sub(r'[^a-z0-9 ]+', ' ', s.replace('.', ''))
    return ' '.join(s.split())


def toks(s):
    return norm(s).split()


def content(s):
    return [t for t in toks(s) if t not in STOP]


def load_graph(path):
    nodes, docs = {}, collections.defaultdict(set)
    for line in open(path, encoding='utf-8'):
        o = json.loads(line)
        if o['type'] == 'node' and 'Entity' in o['labels']:
            p = o['properties']
            nodes[o['id']] = dict(id=o['id'], labels=[l for l in o['labels'] if l != 'Entity'], name=p.get('name', ''),
                                  aliases=p.get('aliases') or [], mentions=p.get('mentions', 1),
                                  doc_count=p.get('doc_count', 1), country=p.get('country'))
        elif o['type'] == 'relationship' and o['label'] == 'MENTIONS':
            docs[o['end']['id']].add(o['start']['id'])
    for i, n in nodes.items():
        n['docs'] = docs.get(i, set())
    return nodes


def load_judged(c):
    d = os.path.join('tests', c)
    judged = {}
    for fn in sorted(f for f in os.listdir(d) if f.startswith('judged') and f.endswith('.tsv')):
        for line in open(os.path.join(d, fn), encoding='utf-8'):
            if line.startswith('#') or line.startswith('id\t') or not line.strip():
                continue
            f = line.rstrip('\n').split('\t')
            if len(f) >= 4:
                judged.setdefault(f[0], f + [''] * (5 - len(f)))
    return judged


CAP = re.compile(r"(?:[A-Z][\w.'\u2019&-]*|of|the|and|for|de|al)(?:\s+(?:[A-Z][\w.'\u2019&-]*|of|the|and|for|de|al|\d+))*")


def partners(node, reason, nodes, index):
    ids = [i for i in re.findall(r'\be:[a-z]+:[a-z0-9-]+', reason) if i in nodes and i != node['id']]
    if ids:
        return set(ids)
    found = set()
    cands = re.findall(r'"([^"]+)"', reason) + re.findall(r'\u201c([^\u201d]+)\u201d', reason)
    for m in CAP.finditer(reason):
        ph = m.group(0).strip()
        ph = re.sub(r'^(?:of|the|and|for|de|al)\s+', '', ph)
        ph = re.sub(r'\s+(?:of|the|and|for|de|al)$', '', ph)
        if ph and ph[0].isupper():
            cands.append(ph)
            cands.append(re.sub(r'^The\s+', '', ph))
    for c in cands:
        for i in index.get(norm(c), ()):
            if i != node['id']:
                found.add(i)
    return found


def acronym(words):
    return ''.join(w[0] for w in words if w)


def is_acr(short, long_):
    s = norm(short).replace(' ', '')
    if len(s) < 2 or len(toks(long_)) < 2:
        return False
    return s == acronym(toks(long_)) or s == acronym(content(long_))


def trigrams(s):
    s = ' ' + norm(s) + ' '
    return {s[i:i + 3] for i in range(len(s) - 2)}


def edit(a, b):
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def top(n):
    return n['labels'][0] if n['labels'] else ''


def keys(n):
    """Blocking keys of a node: its content words, the acronym of its words, its own one-word letters."""
    k = set()
    for s in [n['name']] + list(n['aliases'])[:6]:
        c = content(s)
        for t in c:
            if len(t) >= 2 and t not in TITLES and t not in COUNTRY_PREFIX:
                k.add('w:' + t)
        if len(toks(s)) >= 2:
            k.add('a:' + acronym(toks(s)))
            k.add('a:' + acronym(c))
        if len(toks(s)) == 1:
            k.add('a:' + norm(s).replace(' ', ''))
            if len(norm(s)) >= 4:
                k.add('p:' + norm(s)[:4])
        elif c:
            k.add('p:' + c[0][:4]) if len(c) == 1 else None
    return k


FEATURES = ['tok_jaccard', 'containment', 'all_in', 'tri_jaccard', 'last_equal', 'last_edit_sim', 'first_equal',
            'acronym', 'title_first', 'one_word_short', 'both_one_word', 'same_labels', 'same_top', 'org_loc',
            'person_pair', 'person_given_differ', 'share_doc', 'log_shared_docs', 'log_mentions_min',
            'log_mentions_max', 'norm_equal', 'prefix', 'suffix', 'alias_hit', 'len_ratio', 'country_differ',
            'same_name', 'same_name_same_labels', 'plural_one_word', 'digits_differ', 'extra_is_us', 'extra_is_place',
            'acronym_rest', 'fuzzy_containment']


def features(a, b, places=frozenset()):
    if len(toks(a['name'])) > len(toks(b['name'])):
        a, b = b, a
    ta, tb = toks(a['name']), toks(b['name'])
    ca, cb = set(content(a['name'])), set(content(b['name']))
    inter = ca & cb
    jac = len(inter) / max(1, len(ca | cb))
    cont = len(inter) / max(1, min(len(ca), len(cb)))
    tra, trb = trigrams(a['name']), trigrams(b['name'])
    la, lb = (ta[-1] if ta else ''), (tb[-1] if tb else '')
    les = 1 - edit(la, lb) / max(1, len(la), len(lb))
    acr = 0.0
    for x in [a['name']] + a['aliases'][:6]:
        for y in [b['name']] + b['aliases'][:6]:
            # an acronym stands for a body's or place's words, not for a person's name
            if (is_acr(x, y) and top(b) != 'Person') or (is_acr(y, x) and top(a) != 'Person'):
                acr = 1.0
    title = float(bool(ta and ta[0] in TITLES) or bool(tb and tb[0] in TITLES))
    pa, pb = top(a) == 'Person', top(b) == 'Person'
    given = 0.0
    if pa and pb and len(ta) >= 2 and len(tb) >= 2 and ta[0] not in TITLES and tb[0] not in TITLES:
        if ta[0] != tb[0] and not (len(ta[0]) == 1 or len(tb[0]) == 1):
            given = 1.0
    shared = len(a['docs'] & b['docs'])
    strip = lambda s: ' '.join(t for t in toks(s) if t not in STOP and t not in COUNTRY_PREFIX and t not in TITLES)
    aliases_a = {norm(x) for x in [a['name']] + a['aliases']}
    aliases_b = {norm(x) for x in [b['name']] + b['aliases']}
    return [jac, cont, float(bool(ca) and ca <= cb), len(tra & trb) / max(1, len(tra | trb)), float(la == lb), les,
            float(bool(ta and tb) and ta[0] == tb[0]), acr, title, float(len(ta) == 1), float(len(ta) == 1 and len(tb) == 1),
            float(a['labels'] == b['labels']), float(top(a) == top(b)),
            float({top(a), top(b)} == {'Organization', 'Location'}), float(pa and pb), given, float(shared > 0),
            math.log1p(shared), math.log1p(min(a['mentions'], b['mentions'])), math.log1p(max(a['mentions'], b['mentions'])),
            float(strip(a['name']) == strip(b['name']) and strip(a['name']) != ''),
            float(tb[:len(ta)] == ta), float(tb[len(tb) - len(ta):] == ta),
            float(bool(aliases_a & aliases_b)), len(ta) / max(1, len(tb)),
            float(bool(a['country'] and b['country'] and a['country'] != b['country']))] + extra(a, b, ta, tb, places)


def extra(a, b, ta, tb, places):
    same = norm(a['name']) == norm(b['name'])
    plural = any(len(t) == 1 and t[0].endswith('s') and not n['name'].isupper() for t, n in ((ta, a), (tb, b)))
    da, db = set(re.findall(r'\d+', a['name'])), set(re.findall(r'\d+', b['name']))
    rest = [t for t in tb if t not in set(ta)]
    rs = ' '.join(rest)
    us = bool(rest) and all(t in COUNTRY_PREFIX for t in rest)
    place = bool(rest) and not us and (rs in places or any(t in places for t in rest if t not in STOP))
    # an acronym beside the words it stands for, the rest of both names the same ("CTF 7" / "Combined Task Force 7")
    shared = set(ta) & set(tb)
    ra, rb = [t for t in ta if t not in shared], [t for t in tb if t not in shared]
    acr_rest = float(bool(shared) and top(b) != 'Person' and len(ra) == 1 and len(rb) >= 2 and len(ra[0]) >= 2
                     and ra[0] in (acronym(rb), acronym([t for t in rb if t not in STOP])))
    # words of the shorter name found in the longer one, a spelling variant counted ("Defence" / "Defense")
    ca, cb = content(a['name']), content(b['name'])
    fz = sum(1 for x in ca if any(x == y or (len(x) >= 4 and 1 - edit(x, y) / max(len(x), len(y)) >= 0.75) for y in cb))
    return [float(same), float(same and a['labels'] == b['labels']), float(plural),
            float(bool(da or db) and da != db), float(us), float(place), acr_rest, fz / max(1, len(ca))]


def corpus_pairs(c, prefix, rng):
    nodes = load_graph(prefix + c + '/graph.jsonl')
    judged = load_judged(c)
    index = collections.defaultdict(set)
    for i, n in nodes.items():
        for s in [n['name']] + n['aliases']:
            index[norm(s)].add(i)
    places = set()
    for n in nodes.values():
        if top(n) == 'Location':
            for s_ in [n['name']] + n['aliases']:
                places.add(norm(s_))
    places -= {'us', 'united states', 'u s'}
    live = {i: f for i, f in judged.items() if i in nodes and nodes[i]['name'] == f[2]}
    correct = [i for i, f in live.items() if f[3] == 'correct']
    pos = set()
    for i, f in live.items():
        if f[3] == 'duplicate':
            for j in partners(nodes[i], f[4], nodes, index):
                pos.add(tuple(sorted((i, j))))
    # blocking over all nodes of the graph (what a merge step would see)
    block = collections.defaultdict(list)
    for i, n in nodes.items():
        for k in keys(n):
            block[k].append(i)
    cand = set()
    for k, ids in block.items():
        if len(ids) > 60:   # a very common word blocks nothing useful
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                cand.add(tuple(sorted((ids[x], ids[y]))))
    cs = set(correct)
    neg = {p for p in cand if p[0] in cs and p[1] in cs}
    reach = pos & cand
    rows = []
    for p in sorted(reach):
        rows.append((c, p, 1, features(nodes[p[0]], nodes[p[1]], places)))
    for p in sorted(neg):
        rows.append((c, p, 0, features(nodes[p[0]], nodes[p[1]], places)))
    # random correct-correct pairs (outside blocking they never reach the model; kept to train the easy negatives)
    rnd = set()
    for _ in range(min(200, len(correct) * 2)):
        if len(correct) < 2:
            break
        x, y = rng.sample(correct, 2)
        p = tuple(sorted((x, y)))
        if p not in neg and p not in pos:
            rnd.add(p)
    rnd_rows = [(c, p, 0, features(nodes[p[0]], nodes[p[1]], places)) for p in sorted(rnd)]
    return nodes, rows, rnd_rows, len(pos), len(reach), len(neg), len(cand), live


def standardise(X):
    m = len(X[0])
    mu = [sum(r[j] for r in X) / len(X) for j in range(m)]
    sd = [math.sqrt(sum((r[j] - mu[j]) ** 2 for r in X) / len(X)) or 1.0 for j in range(m)]
    return mu, sd


def train(X, y, l2=1.0):
    """Logistic regression on the standardised features (train_confidence.train: Newton's method, the bias unpenalised),
    returned on the raw features: (bias, weights)."""
    mu, sd = standardise(X)
    w = newton([[1.0] + [(r[j] - mu[j]) / sd[j] for j in range(len(r))] for r in X], y, l2)
    # back to raw features: score = b + sum w_j x_j
    raw = [w[j + 1] / sd[j] for j in range(len(mu))]
    bias = w[0] - sum(w[j + 1] * mu[j] / sd[j] for j in range(len(mu)))
    return bias, raw


def score(model, x):
    b, w = model
    s = b + sum(wi * xi for wi, xi in zip(w, x))
    return 1 / (1 + math.exp(-max(-30, min(30, s))))


def choose_threshold(scored, ratio=15.0):
    """Lowest threshold at which the merged pairs hold at least `ratio` positives per negative (scored: (s, label))."""
    best = 1.0
    for t in sorted({s for s, _ in scored}, reverse=True):
        p = sum(1 for s, l in scored if s >= t and l == 1)
        n = sum(1 for s, l in scored if s >= t and l == 0)
        if p >= ratio * max(n, 0) and (n == 0 or p / n >= ratio):
            best = t
    return max(best, 0.5)


def main():
    prefix = sys.argv[1]
    show = int(sys.argv[sys.argv.index('--show-positives') + 1]) if '--show-positives' in sys.argv else 0
    rng = random.Random(37)
    ratio = float(sys.argv[sys.argv.index('--ratio') + 1]) if '--ratio' in sys.argv else 15.0
    data, graphs = {}, {}
    print('| corpus | duplicate rows live | positive pairs | reachable | correct-correct blocked pairs | random negatives | blocked pairs (all nodes) |')
    print('|---|---|---|---|---|---|---|')
    tot = collections.Counter()
    for c in CORPORA:
        nodes, rows, rnd, npos, nreach, nneg, ncand, live = corpus_pairs(c, prefix, rng)
        data[c] = (rows, rnd)
        graphs[c] = nodes
        ndup = sum(1 for f in live.values() if f[3] == 'duplicate')
        print('| %s | %d | %d | %d | %d | %d | %d |' % (c, ndup, npos, nreach, nneg, len(rnd), ncand))
        tot.update(dict(dup=ndup, pos=npos, reach=nreach, neg=nneg, rnd=len(rnd), cand=ncand))
    print('| all | %d | %d | %d | %d | %d | %d |' % (tot['dup'], tot['pos'], tot['reach'], tot['neg'], tot['rnd'], tot['cand']))
    if show:
        allpos = [(c, p) for c in CORPORA for (_, p, l, _) in data[c][0] if l == 1]
        print('\nsample of %d positive pairs (seed 37):' % show)
        for c, p in random.Random(37).sample(allpos, min(show, len(allpos))):
            a, b = graphs[c][p[0]], graphs[c][p[1]]
            print('  %s\t%s [%s]\t%s [%s]' % (c, a['name'], ':'.join(a['labels']), b['name'], ':'.join(b['labels'])))
    print('\nleave one corpus out (threshold chosen on the eighteen training corpora: >= %g positives per negative there)' % ratio)
    print('| held out | threshold | positives merged / reachable | correct-correct merged / blocked |')
    print('|---|---|---|---|')
    P = N = R = 0
    wrong, right, held_scores = [], [], []
    for c in CORPORA:
        tr = [r for d in CORPORA if d != c for r in data[d][0] + data[d][1]]
        model = train([r[3] for r in tr], [r[2] for r in tr])
        t = choose_threshold([(score(model, r[3]), r[2]) for r in tr], ratio)
        held = data[c][0]
        held_scores += [(score(model, r[3]), r[2]) for r in held]
        p = sum(1 for r in held if r[2] == 1 and score(model, r[3]) >= t)
        n = [r for r in held if r[2] == 0 and score(model, r[3]) >= t]
        r_ = sum(1 for r in held if r[2] == 1)
        print('| %s | %.3f | %d / %d | %d / %d |' % (c, t, p, r_, len(n), sum(1 for r in held if r[2] == 0)))
        P += p; N += len(n); R += r_
        wrong += [(c, graphs[c][r[1][0]]['name'], graphs[c][r[1][1]]['name'], round(score(model, r[3]), 3)) for r in n]
        right += [(c, graphs[c][r[1][0]]['name'], graphs[c][r[1][1]]['name'], round(score(model, r[3]), 3))
                  for r in held if r[2] == 1 and score(model, r[3]) >= t]
    print('| pooled | | %d / %d | %d |' % (P, R, N))
    print('\npooled held-out scores at fixed thresholds (descriptive; the rule above is the threshold chosen on training)')
    print('| threshold | positives merged | correct-correct merged |')
    print('|---|---|---|')
    for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        print('| %.2f | %d | %d |' % (t, sum(1 for s_, l in held_scores if s_ >= t and l == 1), sum(1 for s_, l in held_scores if s_ >= t and l == 0)))
    print('\nright merges (judged duplicates) on held-out corpora:')
    for w in right:
        print('  ', w)
    print('\nwould-be wrong merges (correct-correct) on held-out corpora:')
    for w in wrong:
        print('  ', w)
    tr = [r for d in CORPORA for r in data[d][0] + data[d][1]]
    model = train([r[3] for r in tr], [r[2] for r in tr])
    t = choose_threshold([(score(model, r[3]), r[2]) for r in tr], ratio)
    print('\nall-corpora model: bias %.4f threshold %.3f' % (model[0], t))
    for f, w in zip(FEATURES, model[1]):
        print('  %-22s %+.4f' % (f, w))
    if '--dump' in sys.argv:
        with open(sys.argv[sys.argv.index('--dump') + 1], 'w') as fh:
            for c in CORPORA:
                for r in data[c][0]:
                    a, b = graphs[c][r[1][0]], graphs[c][r[1][1]]
                    fh.write('%s\t%d\t%.3f\t%s\t%s\n' % (c, r[2], score(model, r[3]), a['name'], b['name']))


if __name__ == '__main__':
    main()
