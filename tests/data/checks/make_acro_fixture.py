"""Regenerate the recorded ACRO bundle in ``acro_bundle/`` (needs ``pip install acro``).

    python tests/data/checks/make_acro_fixture.py

The bundle is what a researcher would bring out of the research machine:
ACRO's ``results.json`` and the CSV files it wrote, plus a contributors
sidecar for the magnitude table (our convention) built from the same
synthetic microdata, so tests can compare our checker with ACRO's verdicts.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
TARGET = HERE / "acro_bundle"
REGIONS = ["Hovedstaden", "Midtjylland", "Nordjylland", "Sjælland", "Syddanmark"]


def microdata(seed: int = 7) -> pd.DataFrame:
    """Synthetic people with deliberate small, zero and dominated cells."""
    rng = np.random.default_rng(seed)
    sizes = {  # (region, sex) -> people
        ("Hovedstaden", "F"): 45, ("Hovedstaden", "M"): 41, ("Midtjylland", "F"): 32,
        ("Midtjylland", "M"): 38, ("Nordjylland", "F"): 10, ("Nordjylland", "M"): 4,
        ("Sjælland", "F"): 27, ("Sjælland", "M"): 9, ("Syddanmark", "F"): 36, ("Syddanmark", "M"): 30,
    }
    rows = []
    for (region, sex), size in sizes.items():
        for _ in range(size):
            education = rng.choice(["basic", "upper", "higher"])
            if region == "Nordjylland" and education == "higher":
                education = "upper"  # a structural zero in the education table
            rows.append({"region": region, "sex": sex, "education": education,
                         "age": int(rng.integers(20, 80)), "income": float(rng.integers(150, 900) * 1000)})
    people = pd.DataFrame(rows)
    # Hovedstaden/M: one huge income dominates the cell (nk-rule and p-ratio)
    people.loc[people.index[(people.region == "Hovedstaden") & (people.sex == "M")][0], "income"] = 300_000_000.0
    # Midtjylland/F: two equal large incomes dominate (nk-rule only; the rest is > 10 % of the largest)
    cell = people.index[(people.region == "Midtjylland") & (people.sex == "F")]
    people.loc[cell[:2], "income"] = 5_000_000.0
    people.loc[cell[2:], "income"] = 30_000.0
    return people


def contributors_sidecar(people: pd.DataFrame, table_csv: Path) -> str:
    """List form: row,column,value with rows as in the table ACRO wrote."""
    labels = pd.read_csv(table_csv).iloc[:, 0].tolist()
    lines = ["row,column,value"]
    for person in people.itertuples():
        lines.append(f"{labels.index(person.region)},{person.sex},{person.income:.0f}")
    return "\n".join(lines) + "\n"


def main() -> int:
    from acro import ACRO, add_constant

    people = microdata()
    work = Path(tempfile.mkdtemp())
    os.chdir(work)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    session = ACRO(suppress=False)
    session.crosstab(people.region, people.education)
    session.crosstab(people.region, people.sex, values=people.income, aggfunc="mean")
    session.pivot_table(people, index=["region"], values=["income"], aggfunc=["mean", "std"])
    session.ols(people.income, add_constant(people[["age"]]))
    figure, axes = plt.subplots(figsize=(2, 1.5), dpi=40)
    axes.hist(people.age, bins=5)
    figure.savefig("ages.png")
    session.custom_output("ages.png", "histogram of ages")
    session.rename_output("output_0", "region_by_education")
    session.add_comments("region_by_education", "counts of people by region and education")
    session.add_exception("output_1", "the two large incomes are public salaries")
    session.finalise("out", "json")

    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir()
    for name in sorted(os.listdir(work / "out")):
        if name.endswith(".csv") and not name.startswith("session_summary") or name in ("results.json", "ages.png"):
            shutil.copy(work / "out" / name, TARGET / name)
    (TARGET / "output_1_0.contributors.csv").write_text(
        contributors_sidecar(people, TARGET / "output_1_0.csv"), encoding="utf-8")
    people.to_csv(TARGET / "microdata.csv", index=False)  # input of the fixture, not part of an output
    shutil.rmtree(work)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
