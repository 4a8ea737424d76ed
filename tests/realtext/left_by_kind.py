# usage: python3 tests/realtext/left_by_kind.py PREFIX
# PREFIX: graphs built as PREFIX<corpus>/graph.jsonl for the twenty-six development corpora
#   (for c in realtext realtext-check ... realtext-check25; do kg build tests/$c/news --out PREFIX$c --quiet; done)
# Lists every judged row (first verdict per id over the corpus's judged*.tsv) whose node is still in the graph with the
# same id, labels and name and whose verdict is not correct, and counts them by kind (a keyword sort of the judges'
# reasons: a row goes to the first kind whose test it meets) per corpus, as a Markdown table. Run from the repo root.
import sys, os, re, json, collections
prefix = sys.argv[1]
corp = ['realtext','realtext-check','realtext-check2','realtext-check3','realtext-check4','realtext-check5','realtext-check6','realtext-check7','realtext-check8','realtext-check9','realtext-check10','realtext-check11','realtext-check12','realtext-check13','realtext-check14','realtext-check15','realtext-check16','realtext-check17','realtext-check18','realtext-check19','realtext-check20','realtext-check21','realtext-check22','realtext-check23','realtext-check24','realtext-check25']
kinds = [
 ('wrong merge: two things in one node', lambda v,r: v=='wrong-merge'),
 ('a vessel, aircraft or spacecraft typed body, person or place', lambda v,r: re.search(r'\b(cutter|ship|vessel|boat|aircraft|spacecraft|warship|bomber|airlock|module)\b', r, re.I) and v in ('wrong-type','duplicate')),
 ('an event, exercise, operation, treaty, bill, list or thing typed actor or place', lambda v,r: re.search(r'\b(exercise|event|operation|treaty|act\b|bill|list|meeting|sweep|declaration|programme|title|tour|artifact|shield|buildings|culture|service)\b', r, re.I) and v=='wrong-type'),
 ('a place typed person or body, a body typed place, a wrong sublabel', lambda v,r: v=='wrong-type'),
 ('an acronym misread or not joined to its long form', lambda v,r: re.search(r'acronym|\([A-Z]{2,}\)|abbreviat', r)),
 ('two names, or a title and a name, glued', lambda v,r: re.search(r'glued|two .* in one|title', r, re.I)),
 ('a name cut short, a fragment of a longer name', lambda v,r: re.search(r'\bcut\b|fragment|half|first words|part of', r, re.I)),
 ('a description ("the X") merged into a named body', lambda v,r: re.search(r'"the [a-z]', r) and v!='junk'),
 ('a short form or variant beside the full name (duplicate)', lambda v,r: v=='duplicate'),
 ('a generic common noun or plural phrase read as a body', lambda v,r: re.search(r'common noun|plural|generic', r, re.I)),
 ('other', lambda v,r: True),
]
rows = collections.defaultdict(collections.Counter)
for c in corp:
    d = os.path.join('tests', c)
    judged = {}
    for fn in sorted(f for f in os.listdir(d) if f.startswith('judged') and f.endswith('.tsv')):
        for line in open(os.path.join(d, fn), encoding='utf-8'):
            if line.startswith('#') or line.startswith('id\t') or not line.strip(): continue
            f = line.rstrip('\n').split('\t')
            if len(f) >= 4:
                if f[1].startswith('Entity:'): f[1] = f[1][len('Entity:'):]
                judged.setdefault(f[0], f + [''] * (5 - len(f)))
    nodes = {}
    for line in open(prefix + c + '/graph.jsonl', encoding='utf-8'):
        o = json.loads(line)
        if o.get('type') == 'node':
            nodes[o['id']] = (':'.join(l for l in o['labels'] if l != 'Entity'), o['properties'].get('name'))
    for id_, f in judged.items():
        if nodes.get(id_) == (f[1], f[2]) and f[3] != 'correct':
            for name, test in kinds:
                if test(f[3], f[4]): rows[name][c] += 1; break
short = ['rt', 'c'] + ['c' + x[len('realtext-check'):] for x in corp[2:]]
print('| kind (keyword sort of the reasons) | %s | rows | corpora |' % ' | '.join(short))
print('|' + '---|' * (len(corp) + 3))
tot = collections.Counter()
for name, _ in kinds:
    c = rows[name]
    print('| %s | %s | %d | %d |' % (name, ' | '.join(str(c[x]) for x in corp), sum(c.values()), sum(1 for x in corp if c[x])))
    tot.update(c)
print('| all | %s | %d | |' % (' | '.join(str(tot[x]) for x in corp), sum(tot.values())))
