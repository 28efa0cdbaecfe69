"""Build Kring's cleaned copy of the NL/BE postcode centroids.

Source: the GeoNames postal code data set (CC BY 4.0, "GeoNames, geonames.org"), NL and BE rows,
as collected in ``nlbe_pc4.json.gz`` ({"NL": [[postcode, place, lat, lon], ...], "BE": [...]}).

Cleaning:
- keep only real ranges (NL 1000-9999, BE 1000-9992) and drop the NL placeholder 9999;
- a postcode can have several rows (one per place); rows more than 15 km from the postcode's median
  are placeholders that point at an unrelated city centre and are dropped; when fewer than half of
  the rows survive, the postcode is ambiguous and left out;
- the surviving rows are averaged into one centroid; the place name of the first row is kept.

Usage: python scripts/build_postcodes.py ../shared/data/nlbe_pc4.json.gz kring/core/data/postcodes.csv
"""

import csv
import gzip
import json
import math
import statistics
import sys

RANGES = {"NL": (1000, 9998), "BE": (1000, 9992)}
MAX_SPREAD_KM = 15.0


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def clean(rows, low, high):
    by_code = {}
    for code, place, lat, lon in rows:
        if code.isdigit() and low <= int(code) <= high:
            by_code.setdefault(code, []).append((place, float(lat), float(lon)))
    for code in sorted(by_code):
        group = by_code[code]
        mlat = statistics.median(r[1] for r in group)
        mlon = statistics.median(r[2] for r in group)
        kept = [r for r in group if km(mlat, mlon, r[1], r[2]) <= MAX_SPREAD_KM]
        if len(kept) * 2 < len(group) or not kept:
            continue
        lat = sum(r[1] for r in kept) / len(kept)
        lon = sum(r[2] for r in kept) / len(kept)
        yield code, kept[0][0], round(lat, 5), round(lon, 5)


def main(source, target):
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    with open(target, "w", newline="", encoding="utf-8") as out:
        out.write(
            "# Postcode centroids NL/BE. Source: GeoNames (geonames.org), CC BY 4.0. "
            "Cleaned by scripts/build_postcodes.py\n"
        )
        writer = csv.writer(out)
        writer.writerow(["country", "postcode", "place", "latitude", "longitude"])
        for country, (low, high) in RANGES.items():
            for row in clean(data[country], low, high):
                writer.writerow([country, *row])


if __name__ == "__main__":
    main(*sys.argv[1:3])
