#!/usr/bin/env python3
"""Builds seed-data's reference CSVs from the public fact sheets in ../shared/reference-data.

Run from the repository root:  python3 seed-data/tools/build_reference_data.py ../shared/reference-data
The output is committed; the application never reads the fact sheets themselves.
Sources are named in seed-data/README.md.
"""
import csv, re, sys, unicodedata, os

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/reference-data'
out = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'reference')
REFORM = '2025-01-01'
BEFORE = '2024-12-31'

def slug(name):
    s = unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode().lower()
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')

def read(name):
    with open(os.path.join(src, name), encoding='utf-8') as f:
        return list(csv.DictReader(f))

def write(name, header, rows):
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)

munis = read('elz_gemeenten_2025.csv')
postcodes = read('postcodes_vlaanderen_brussel_2025.csv')
zone_list = read('elz_lijst_2025.csv')
old = read('gemeenten_2019-2024_elz_en_fusies.csv')
mergers = read('fusies_2025.csv')

# Zones in force since the 2025 reform: every label of the postcode list (Antwerp split in four).
province_of_zone = {z['elz_naam']: z['provincie'] for z in zone_list}
pinc_of_zone = {z['elz_naam']: z['elz_code_pinc'] for z in zone_list}
successor = {'Oostende-Bredene': 'Middenkust', 'Regio Kortrijk': 'Kortrijk-Kuurne-Harelbeke',
             'N-O-Waasland': 'Waasland NO', 'Z-W-Waasland': 'Waasland ZW'}
new_in_2025 = set(successor.values())
zones = {}
for p in postcodes:
    name = p['elz']
    zones[name] = (slug(name), name, p['provincie'], pinc_of_zone.get(name, pinc_of_zone['Antwerpen en rand'] if 'ntwerpen' in name else ''), REFORM if name in new_in_2025 else '', '', '')
assert len(zones) == 60, len(zones)

# Zones of 2022 that the reform renamed or redrew: kept with an end date and their successor.
renamed = {'Amalo': 'AMALO', 'BraVio': 'BraViO', 'Westkust & Polder': 'Westkust&Polder'}
old_province = {}
for r in old:
    old_province.setdefault(r['elz_vaccinnet_2022'], r['provincie_2019_2024'])
historic = []
for name, succ in successor.items():
    historic.append((slug(name), name, old_province[name], '', '', BEFORE, slug(succ)))
zone_rows = sorted(zones.values(), key=lambda z: z[0]) + historic
write('zones.csv', ['code', 'name', 'province', 'pinc_code', 'valid_from', 'valid_to', 'successor'], zone_rows)

# Municipalities: the 304 of 2025, plus the merged ones with an end date and the municipality they joined.
old_nis = {r['nis_code_2019_2024'] for r in old}
muni_rows = [(m['nis_code'], m['gemeente'], m['provincie'], m['gewest'], '' if m['nis_code'] in old_nis or m['gewest'] != 'Vlaams Gewest' else REFORM, '', '') for m in munis]
current_nis = {m['nis_code'] for m in munis}
for x in mergers:
    if x['nis_code_oud'] not in current_nis:
        o = next(r for r in old if r['nis_code_2019_2024'] == x['nis_code_oud'])
        muni_rows.append((x['nis_code_oud'], x['gemeente_oud'], o['provincie_2019_2024'], 'Vlaams Gewest', '', BEFORE, x['nis_code_nieuw']))
write('municipalities.csv', ['nis_code', 'name', 'province', 'region', 'valid_from', 'valid_to', 'merged_into'], sorted(muni_rows))

# Zone membership of municipalities over time: 2025 from the postcode list (a municipality may lie
# in several zones: Antwerp), 2019-2024 from the 2022 list where that zone is known by name.
def zone_code_2022(name):
    name = renamed.get(name, name)
    if name in zones: return zones[name][0]
    if name in successor: return slug(name)
    return None
current = {(p['nis_code'], zones[p['elz']][0]) for p in postcodes}
before = set()
for r in old:
    code = zone_code_2022(r['elz_vaccinnet_2022'])
    if code:
        before.add((r['nis_code_2019_2024'], code))
# unchanged pairs hold without dates; the rest get the reform as their boundary
membership = {(n, z, '', '') for (n, z) in current & before}
membership |= {(n, z, REFORM, '') for (n, z) in current - before}
membership |= {(n, z, '', BEFORE) for (n, z) in before - current}
write('municipality_zones.csv', ['nis_code', 'zone_code', 'valid_from', 'valid_to'], sorted(membership))

pc_rows = sorted({(p['postcode'], p['plaatsnaam'], 'true' if p['is_deelgemeente'] == 'Ja' else 'false', p['nis_code'], zones[p['elz']][0]) for p in postcodes})
write('postcodes.csv', ['postcode', 'place', 'sub_municipality', 'nis_code', 'zone_code'], pc_rows)
print(len(zone_rows), 'zones,', len(muni_rows), 'municipalities,', len(membership), 'memberships,', len(pc_rows), 'postcode places')
