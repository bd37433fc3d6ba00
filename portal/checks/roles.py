"""Which columns of a table are labels, counts or other measures.

A column is a *count* column when every filled cell is a whole, non-negative
number and neither its header nor its shape says otherwise. Only count columns
get the frequency rules, so the exceptions are kept narrow (a small count
wrongly skipped leaks; a label wrongly checked only costs a review):

- a header that names a statistic or amount (its first word is in
  MEASURE_WORDS, e.g. "mean_income", "Andel", or it contains "%") -> measure;
- a header that names a classifying variable (first word in LABEL_WORDS, e.g.
  "age", "år", "kommunekode") on a column at the left of the table, before
  any other numeric column -> label;
- a header with a number in it ("Age 18-64", "group 1", "2021") is a category
  of a cross table, so its column stays a count column whatever its words;
- decimals or negative numbers -> measure; 1, 2, 3, ... down the first column
  (row numbers, single years of age) -> label.
"""

from .csvtable import MISSING, TEXT, Column

LABEL, COUNT, MEASURE = "label", "count", "measure"

# Numeric columns that classify rows rather than count them.
LABEL_WORDS = frozenset({
    "age", "alder", "aldersgruppe", "year", "years", "yr", "år", "aar", "aarstal", "årstal", "month", "måned",
    "maaned", "week", "uge", "quarter", "kvartal", "day", "dag", "date", "dato", "period", "periode", "time",
    "tid", "code", "kode", "id", "nr", "postnr", "postnummer", "zip", "postcode", "kommune", "kommunekode",
    "komkode", "region", "regionskode", "sex", "køn", "koen", "gender", "group", "gruppe", "category",
    "kategori", "class", "klasse", "level", "niveau", "decile", "decil", "quintile", "kvintil", "quartile",
    "kvartil", "percentile", "wave", "cohort", "kohorte", "birth", "fødselsår", "foedselsaar", "born",
    "grade", "klassetrin", "disco", "nace", "db07", "icd", "icd10", "atc", "isced", "branche", "sector",
})
# Numeric columns that are amounts, shares or statistics, not counts.
MEASURE_WORDS = frozenset({
    "%", "mean", "avg", "average", "gennemsnit", "gns", "median", "sd", "std", "stddev", "se", "sem", "var",
    "variance", "pct", "percent", "procent", "andel", "share", "rate", "rates", "ratio", "prop",
    "proportion", "prevalence", "prævalens", "incidence", "incidens", "or", "hr", "rr", "irr", "ci", "lci",
    "uci", "lower", "upper", "p", "pval", "pvalue", "coef", "coefficient", "estimate", "beta", "weight",
    "vægt", "kr", "dkk", "eur", "usd", "amount", "beløb", "income", "indkomst", "salary", "løn", "wage",
    "cost", "costs", "udgift", "udgifter", "price", "pris", "index", "indeks", "score", "bmi", "min",
    "max", "minimum", "maximum", "q1", "q3", "iqr", "mio", "mia", "tusinde", "thousands", "kg", "cm",
})
# Headers that say "this column counts people or events" (used by the microdata heuristic).
COUNT_WORDS = frozenset({
    "n", "antal", "count", "counts", "freq", "frequency", "frekvens", "number", "personer", "persons",
    "people", "individuals", "individer", "cases", "tilfælde", "obs", "observations", "total", "ialt",
    "events", "hændelser", "patients", "patienter", "deaths", "dødsfald", "births", "fødsler",
})


def column_roles(columns: list[Column]) -> list[str]:
    roles = []
    leading = True  # still inside the label block at the left of the table
    for column in columns:
        role = _role(column, leading)
        leading = leading and role == LABEL
        roles.append(role)
    return roles


def _role(column: Column, leading: bool) -> str:
    if not column.numeric:
        return LABEL
    words = column.words
    names_category = any(any(ch.isdigit() for ch in w) for w in words)
    if "%" in column.name or (words and words[0] in MEASURE_WORDS and not names_category):
        return MEASURE
    if leading and words and words[0] in LABEL_WORDS and not names_category and not column.tokens & COUNT_WORDS:
        return LABEL
    if not column.integral or column.has_negative:
        return MEASURE
    if column.index == 0 and _is_running_sequence(column):
        return LABEL
    return COUNT


def _is_running_sequence(column: Column) -> bool:
    """1, 2, 3, ... down the first column: row numbers or single ages, not counts."""
    parsed = (column.kinds[v] for v in column.values)
    numbers = [n for n in parsed if n is not MISSING and n is not TEXT]
    if len(numbers) < 3:
        return False
    return all(b - a == 1 for a, b in zip(numbers, numbers[1:]))


def has_count_header(columns: list[Column]) -> bool:
    return any(c.tokens & COUNT_WORDS for c in columns)

