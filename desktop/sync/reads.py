"""The offline cache's read verbs for views and models: they ask for what they need by
name and never write SQL (tests/test_layering.py). `Cache` inherits these.

Table and column names come from the schema (schema.KINDS), never from a caller's
text; every value goes in as a parameter.
"""

from __future__ import annotations

import json
from typing import Iterable

from .schema import KINDS


class CacheReads:
    """Mixed into `Cache`; uses its `query`."""

    def is_open(self) -> bool:
        """False once the workspace has closed its cache (sign-out, quit)."""
        try:
            self.query("SELECT 1 AS one")
        except Exception:
            return False
        return True

    def documents(self, kind: str) -> list[dict]:
        """Every cached document of a kind ("warning", "organisation", ...)."""
        table = KINDS[kind].table
        return [json.loads(r["data"]) for r in self.query(f"SELECT data FROM {table}")]

    def all_ids(self, kind: str) -> list[str]:
        return [r["id"] for r in self.query(f"SELECT id FROM {KINDS[kind].table} ORDER BY id")]

    def organisation_places(self) -> dict[str, dict]:
        """{id: {id, name, sector, region}} of every organisation (the dashboard's matrix)."""
        return {r["id"]: r for r in self.query("SELECT id, name, sector, region FROM organisations")}

    def staff_names(self) -> list[tuple[str, str]]:
        """(id, display name) of every member of staff, by name."""
        rows = self.query("SELECT id, display_name FROM staff ORDER BY display_name")
        return [(r["id"], r["display_name"] or r["id"]) for r in rows]

    # -- outputs ----------------------------------------------------------------------------------
    def output_queue_ids(self, statuses: Iterable[str], *, through_a_person: bool, order_by: str,
                         descending: bool, search: str | None = None, verdict: str | None = None,
                         sampled: bool | None = None) -> list[str]:
        """Outputs in these statuses, sorted in SQL; `through_a_person`: only those sampled,
        flagged or reviewed (not the clean ones released at once). `order_by` is a column
        of the outputs table (the caller's SORTS), never the user's text. `search` matches
        the output, its project, its researcher's id or name; `verdict` the automatic check's;
        `sampled` whether a sample holds it."""
        if order_by != "id" and order_by not in KINDS["output"].columns:
            raise ValueError(f"not a sortable column: {order_by!r}")
        direction = "DESC" if descending else "ASC"
        where = "t.status IN (SELECT value FROM json_each(?))"
        if through_a_person:
            where += (" AND (t.verdict IS NOT 'pass' OR t.sample_reason IS NOT NULL"
                      " OR json_array_length(t.data, '$.reviews') > 0)")
        params: list = [json.dumps(list(statuses))]
        if search and search.strip():
            like = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where += (" AND (t.id LIKE ? ESCAPE '\\' OR t.project_id LIKE ? ESCAPE '\\'"
                      " OR t.researcher_id LIKE ? ESCAPE '\\'"
                      " OR t.researcher_id IN (SELECT id FROM researchers WHERE name LIKE ? ESCAPE '\\'))")
            params += [like] * 4
        if verdict:
            where += " AND t.verdict = ?"
            params.append(verdict)
        if sampled is not None:
            where += " AND t.sample_reason IS NOT NULL" if sampled else " AND t.sample_reason IS NULL"
        # Rows with a value in index order, then those without: two queries a sort index serves
        # as written ("ORDER BY x IS NULL, x" would sort every row in a temporary B-tree).
        valued = self.query(f"SELECT t.id FROM outputs t WHERE {where} AND t.{order_by} IS NOT NULL "
                            f"ORDER BY t.{order_by} {direction}, t.id {direction}", params)
        empty = self.query(f"SELECT t.id FROM outputs t WHERE {where} AND t.{order_by} IS NULL "
                           f"ORDER BY t.id {direction}", params) if order_by != "id" else []
        return [r["id"] for r in valued] + [r["id"] for r in empty]

    def output_status_counts(self) -> dict[str, int]:
        rows = self.query("SELECT status, count(*) AS n FROM outputs GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    def output_projects(self) -> list[dict]:
        """Per project and researcher: {project_id, researcher_id, n (outputs), held}."""
        return self.query(
            "SELECT project_id, researcher_id, count(*) AS n, sum(status = 'held') AS held FROM outputs "
            "WHERE project_id IS NOT NULL GROUP BY project_id, researcher_id ORDER BY project_id")

    def researchers_with_output_counts(self) -> list[dict]:
        """{id, name, institution, outputs} of every researcher, by name."""
        rows = self.query("SELECT id, name, institution FROM researchers ORDER BY name COLLATE NOCASE, id")
        counts = {r["researcher_id"]: r["n"] for r in self.query(
            "SELECT researcher_id, count(*) AS n FROM outputs GROUP BY researcher_id")}
        return [{**r, "outputs": counts.get(r["id"], 0)} for r in rows]

    def held_outputs_of(self, researcher_id: str) -> int:
        rows = self.query("SELECT count(*) AS n FROM outputs WHERE researcher_id = ? AND status = 'held'",
                          (researcher_id,))
        return rows[0]["n"] if rows else 0

    def management_sample_ids(self) -> list[str]:
        """Management samples, newest first."""
        return [r["id"] for r in self.query(
            "SELECT id FROM samples WHERE reason = 'management' ORDER BY drawn_at DESC, id DESC")]
