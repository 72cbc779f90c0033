#!/usr/bin/env python3
"""Writes enterprises-illustrative.csv: 300 made-up enterprises for `make run` and the tests (示例数据, illustrative).

Deterministic (a fixed seed), so the file only changes when this script does. Names say they are samples. Credit codes
have a valid GB 32100-2015 check character but the administrative-division segment 000000, which no region has, so
none of them can be a real enterprise's code; one in ten is left unknown, as registries have them.
"""
import csv
import random
import sys
from pathlib import Path

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n: int) -> str:
    first17 = f"91000000MA{n:07d}"
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


PARKS = ["haidong", "haidong-incubator", "haichuang-centre", "yuexi-data-valley", "zhanjiang-bay-lab-longwangwan"]
INDUSTRIES = {
    "marineEquipmentManufacturing": ("海洋装备", "Marine Equipment"),
    "marineBiomedicine": ("海洋生物", "Marine Bio"),
    "marineElectronicInformation": ("海洋电子", "Marine Electronics"),
    "other": ("综合服务", "Services"),
}


def main() -> None:
    rng = random.Random(20261127)
    out = Path(__file__).with_name("enterprises-illustrative.csv")
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name_zh", "name_en", "credit_code", "park_code", "in_park_since", "registered_on", "industries",
                    "qualifications", "year", "rnd_spend", "headcount", "revenue", "source", "illustrative"])
        for n in range(1, 301):
            industry = rng.choice(list(INDUSTRIES))
            zh, en = INDUSTRIES[industry]
            registered = f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            park = rng.choice(PARKS)
            since = f"{max(int(registered[:4]), 2019) + rng.randint(0, 2)}-{rng.randint(1, 12):02d}-01"
            if since < registered:
                since = registered
            qualifications = []
            if rng.random() < 0.35:
                start = max(int(registered[:4]) + 1, 2018)
                qualifications.append(f"highTechEnterprise:{start}-12-01..{start + 3}-12-01")
            if rng.random() < 0.4:
                qualifications.append(f"techSme:{max(int(registered[:4]) + 1, 2020)}-05-01")
            if park == "haidong-incubator":
                qualifications.append(f"incubatingEnterprise:{since}")
            if rng.random() < 0.1:
                qualifications.append(f"specialisedSme:{max(int(registered[:4]) + 2, 2021)}-08-01")
            known = rng.random() >= 0.1  # one in ten without figures: its matches stay undecided
            headcount = rng.randint(5, 400)
            w.writerow([
                f"sample-enterprise-{n:03d}",
                f"示例{zh}企业{n:03d}号",
                f"Sample {en} Enterprise No. {n:03d}",
                credit_code(n) if rng.random() >= 0.1 else "",
                park, since, registered, industry, ";".join(qualifications),
                "2025" if known else "",
                round(headcount * rng.uniform(0.5, 4), 1) if known else "",
                headcount if known else "",
                round(headcount * rng.uniform(20, 120), 1) if known else "",
                "", "true",
            ])
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
