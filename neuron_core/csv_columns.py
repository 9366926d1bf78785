"""Which column of a table is what: the index column to skip, the label, the two features
(the rules are listed in `neuron_core.csv_loader`)."""

from __future__ import annotations

from .csv_cells import listing
from .csv_rules import DataError, Table, parse_number

LABEL_NAMES = frozenset({"label", "class", "target"})
_INDEX_NAMES = frozenset({"", "index", "id", "idx", "row", "#"})


def named_labels(header: tuple[str, ...], among) -> list[int]:
    """The columns in ``among`` named label, class or target (any case)."""
    return [i for i in among if header[i].lower() in LABEL_NAMES]


def label_like(table: Table, usable: list[int], distinct: dict) -> list[int]:
    """Columns that look like the label: named so; else holding text; else two-valued."""
    named = named_labels(table.header, usable)
    text = [i for i in usable if any(isinstance(v, str) for v in distinct[i])]
    two = [i for i in usable if len(distinct[i]) == 2]
    return named or text or two


def index_column(table: Table) -> int | None:
    """The first column, if it holds row ids and three columns would remain without it."""
    if len(table.header) < 4:
        return None
    if _looks_like_index(table.header[0]):
        return 0
    numbers = [parse_number(row[0], False) for row in table.rows]
    if None in numbers or len(numbers) < 2:
        return None
    m = len(numbers)
    return 0 if numbers in (list(range(m)), list(range(1, m + 1))) else None


def pick_columns(table: Table, columns) -> tuple[int, int, int]:
    """Indices of the two feature columns and the label column."""
    header = table.header
    if columns is not None:
        picked = tuple(_find_column(header, wanted) for wanted in _three_names(columns))
        if len(set(picked)) < 3:
            raise DataError(
                f"columns={tuple(header[i] for i in picked)} uses a column twice; pick two "
                "different feature columns and a separate label column."
            )
        _check_unique(header, picked)
        return picked
    usable = list(range(len(header)))
    if index_column(table) == 0:
        usable = usable[1:]  # a saved pandas index or row id, not a feature
    if len(usable) < 3:
        too_few_columns(header)
    if len(usable) > 3:
        raise DataError(
            f"The file has {len(header)} columns ({listing(header, 20)}); the playground "
            "uses two feature columns and a label column. Pick which three to use "
            "(columns=(x1, x2, label))."
        )
    for i in usable:
        if not header[i]:
            raise DataError(
                f"Column {i + 1} has no name in the header row. Give it a name, e.g. x1."
            )
    _check_unique(header, usable)
    named = named_labels(header, usable)
    if len(named) > 1:
        raise DataError(
            f"Both {' and '.join(repr(header[i]) for i in named)} look like the label "
            "column. Rename one of them, or pick the columns (columns=(x1, x2, label))."
        )
    label = named[0] if named else usable[-1]
    f1, f2 = (i for i in usable if i != label)
    return f1, f2, label


def too_few_columns(header: tuple[str, ...]) -> None:
    """Refuse a file with fewer than three usable columns."""
    raise DataError(
        f"The file has only {len(header)} columns ({listing(header)}); it needs "
        "two numeric feature columns and a label column, e.g. x1,x2,label."
    )


def _three_names(columns) -> list[str]:
    try:
        names = [str(c).strip() for c in columns] if not isinstance(columns, str) else []
    except TypeError:
        names = []
    if len(names) != 3:
        raise DataError(f"columns= must name three columns (x1, x2, label), got {columns!r}.")
    return names


def _find_column(header: tuple[str, ...], wanted: str) -> int:
    if wanted in header:
        return header.index(wanted)
    folded = [i for i, name in enumerate(header) if name.lower() == wanted.lower()]
    if len(folded) == 1:
        return folded[0]
    raise DataError(
        f"There is no column named {wanted!r} in the file. The columns are: "
        f"{listing([n for n in header if n], 30)}."
    )


def _check_unique(header: tuple[str, ...], picked) -> None:
    for i in picked:
        twins = [j + 1 for j, name in enumerate(header) if name == header[i]]
        if len(twins) > 1:
            raise DataError(
                f"The header row names more than one column {header[i]!r} (columns "
                f"{', '.join(map(str, twins))}). Give each column a different name."
            )


def _looks_like_index(name: str) -> bool:
    name = name.lower()
    return name in _INDEX_NAMES or name.removeprefix("unnamed:").strip().isdigit()
