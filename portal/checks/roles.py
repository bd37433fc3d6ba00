"""Which columns of a table are labels, counts or other measures.

A column is a *count* column when every filled cell is a whole, non-negative
number and neither its header nor its shape says otherwise. Only count columns
get the frequency rules, so the exceptions are kept narrow: a small count
wrongly skipped leaks, a label wrongly checked only costs a review. Headers are
split into words ("Mean income (DKK)" -> mean, income, dkk):

- measure: the header contains "%", or its first word names a statistic
  (STATISTIC_WORDS: mean, median, andel, rate, ...), or all its words name an
  amount or unit (AMOUNT_WORDS: income, kr, beløb, ...);
- label: all header words name a classifying variable (LABEL_WORDS: age,
  year, år, kommunekode, ...), the column is in the label block at the left
  of the table, and the table is in long form: another column is named as a
  count ("n", "antal", "Number of persons") or a measure. A cross table has
  categories as headers ("No", "Birth") and keeps them as count columns;
- a header with a digit in it ("Age 18-64", "group 1", "2021") names a
  category of a cross table: its column stays a count column;
- decimals or negative numbers -> measure; 1, 2, 3, ... down the first column
  (row numbers, single years of age) -> label.

Category names of cross tables ("upper", "Region Hovedstaden", "Income: low")
therefore stay count columns.
"""

from rules.tables import MISSING, TEXT, Column

LABEL, COUNT, MEASURE = "label", "count", "measure"

CONNECTOR_WORDS = frozenset({"in", "i", "of", "af", "per", "pr", "and", "og", "by", "efter", "the"})
LABEL_WORDS = frozenset({
    "age", "alder", "aldersgruppe", "year", "years", "yr", "år", "aar", "aarstal", "årstal", "month", "måned",
    "maaned", "week", "uge", "quarter", "kvartal", "day", "dag", "date", "dato", "period", "periode", "time",
    "tid", "code", "kode", "id", "nr", "postnr", "postnummer", "zip", "postcode", "kommune",
    "kommunekode", "komkode", "municipality", "region", "regionskode", "sex", "køn", "koen", "gender", "group",
    "gruppe", "category", "kategori", "class", "klasse", "level", "niveau", "decile", "decil", "quintile",
    "kvintil", "quartile", "kvartil", "percentile", "wave", "cohort", "kohorte", "birth", "fødselsår",
    "foedselsaar", "born", "grade", "klassetrin", "branche", "sector", "sektor", "row", "række", "line",
})
STATISTIC_WORDS = frozenset({
    "mean", "avg", "average", "gennemsnit", "gennemsnitlig", "gns", "middel", "middelværdi", "median", "sd",
    "std", "stddev", "sem", "variance", "varians", "pct", "percent", "percentage", "procent", "andel", "share",
    "rate", "ratio", "proportion", "prevalence", "prævalens", "incidence", "incidens", "coef", "coefficient",
    "estimate", "beta", "pval", "pvalue",
})
AMOUNT_WORDS = frozenset({
    "kr", "dkk", "eur", "usd", "mio", "mia", "tusinde", "thousands", "beløb", "amount", "income", "indkomst",
    "salary", "løn", "wage", "wages", "cost", "costs", "udgift", "udgifter", "price", "pris", "value", "værdi",
    "turnover", "omsætning", "revenue", "kg", "cm",
})
# First words of a header that names a count column in a long-form table.
COUNT_HEADER_WORDS = frozenset({
    "n", "antal", "count", "counts", "freq", "frequency", "frekvens", "number", "personer", "persons", "people",
    "individuals", "individer", "cases", "obs", "observations", "events", "patients", "patienter",
})
# Headers that say "this column counts people or events" (used by the microdata heuristic).
COUNT_WORDS = frozenset({
    "n", "antal", "count", "counts", "freq", "frequency", "frekvens", "personer", "persons", "people",
    "individuals", "individer", "cases", "tilfælde", "obs", "observations", "ialt", "events", "hændelser",
    "patients", "patienter", "deaths", "dødsfald", "births", "fødsler", "total", "number",
})


def column_roles(columns: list[Column]) -> list[str]:
    long_form = any(_names_count(c) or _names_measure(c) for c in columns)
    roles = []
    leading = True  # still inside the label block at the left of the table
    for column in columns:
        role = _role(column, leading and long_form)
        leading = leading and role == LABEL
        roles.append(role)
    return roles


def _role(column: Column, may_be_label: bool) -> str:
    if not column.numeric:
        return LABEL
    if _names_measure(column):
        return MEASURE
    words = _words(column)
    if may_be_label and words and not _names_category(words) and all(w in LABEL_WORDS for w in words):
        return LABEL
    if not column.integral or column.has_negative:
        return MEASURE
    if column.index == 0 and _is_running_sequence(column):
        return LABEL
    return COUNT


def _words(column: Column) -> list[str]:
    return [w for w in column.words if w not in CONNECTOR_WORDS]


def _names_category(words: list[str]) -> bool:
    return any(ch.isdigit() for w in words for ch in w)


def _names_measure(column: Column) -> bool:
    if "%" in column.name:
        return True
    words = _words(column)
    if not words or _names_category(words):
        return False
    return words[0] in STATISTIC_WORDS or all(w in AMOUNT_WORDS for w in words)


def _names_count(column: Column) -> bool:
    words = _words(column)
    return bool(words) and words[0] in COUNT_HEADER_WORDS and not _names_category(words)


def _is_running_sequence(column: Column) -> bool:
    """1, 2, 3, ... down the first column: row numbers or single ages, not counts."""
    parsed = (column.kinds[v] for v in column.values)
    numbers = [n for n in parsed if n is not MISSING and n is not TEXT]
    if len(numbers) < 3:
        return False
    return all(b - a == 1 for a, b in zip(numbers, numbers[1:], strict=False))


def has_count_header(columns: list[Column]) -> bool:
    return any(c.tokens & COUNT_WORDS for c in columns)
