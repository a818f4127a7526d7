"""The bundled India–Russia graph: every query command, in JSON and in tables, with each of its
options, answered on Spark exactly as relgraph answers it (stdout byte for byte, exit code)."""

from __future__ import annotations

import pytest

from conftest import BUNDLED, in_parallel

G = str(BUNDLED)

QUESTIONS = [
    ["stats", G, "--json"],
    ["stats", G],
    ["neighbors", G, "russia", "--json"],
    ["neighbors", G, "russia"],
    ["neighbours", G, "india", "--direction", "out", "--json"],
    ["neighbors", G, "india", "--direction", "in", "--json"],
    ["neighbors", G, "russia", "--relation", "signed", "--relation", "partner of", "--json"],
    ["neighbors", G, "russia", "--kind", "treaty", "--json"],
    ["neighbors", G, "russia", "--as-of", "1995", "--json"],
    ["neighbors", G, "भारत", "--lang", "hi", "--json"],
    ["neighbors", G, "Boris Yeltsin", "--lang", "hi"],
    ["neighbors", G, "soviet-union", "--as-of", "2000", "--json"],
    ["neighbors", G, "russia", "--kind", "place", "--relation", "signed", "--json"],
    ["path", G, "boris-yeltsin", "amethi", "--json"],
    ["path", G, "Boris Yeltsin", "अमेठी"],
    ["path", G, "usa", "amethi", "--as-of", "2021", "--json"],
    ["path", G, "india", "kudankulam", "--directed", "--json"],
    ["path", G, "kudankulam", "india", "--directed", "--json"],
    ["path", G, "russia", "india", "--relation", "partner-of", "--json"],
    ["path", G, "russia", "russia", "--json"],
    ["path", G, "soviet-union", "india", "--as-of", "2010", "--json"],
    ["reach", G, "russia", "--depth", "2", "--json"],
    ["reach", G, "russia", "--depth", "2"],
    ["reach", G, "kudankulam", "--depth", "3", "--lang", "hi", "--json"],
    ["reach", G, "india", "--depth", "0", "--json"],
    ["reach", G, "india", "--depth", "9", "--direction", "out", "--json"],
    ["reach", G, "india", "--depth", "2", "--direction", "in", "--as-of", "1993", "--json"],
    ["components", G, "--json"],
    ["components", G],
    ["components", G, "--kind", "actor", "--json"],
    ["components", G, "--relation", "met", "--relation", "signed", "--as-of", "1995", "--json"],
    ["search", G, "russia", "--exact", "--json"],
    ["search", G, "RUSSIA", "--exact"],
    ["search", G, "भारत", "--exact", "--json"],
    ["search", G, "Boris Yeltsin", "--exact", "--kind", "actor", "--json"],
    ["search", G, "india", "--exact", "--limit", "1", "--json"],
    ["search", G, "rusia", "--exact", "--json"],
]


@pytest.fixture(scope="module")
def answers(relgraph, engine) -> dict:
    return in_parallel(lambda own, argv: (relgraph(*argv), own(*argv)), map(tuple, QUESTIONS), engine)


@pytest.mark.parametrize("argv", QUESTIONS, ids=[" ".join(q[:1] + q[2:]) for q in QUESTIONS])
def test_spark_answers_the_bundled_graph_as_relgraph_does(answers, argv):
    asked = answers[tuple(argv)]
    if isinstance(asked, Exception):
        raise asked
    ours, spark = asked
    assert (spark.code, spark.out) == (ours.code, ours.out), f"{argv}: relgraph said {ours}, spark said {spark}"


MISTAKES = [
    (["neighbors", G, "no-such-node", "--json"], 65),
    (["path", G, "russia", "india", "--relation", "signd", "--json"], 64),
    (["components", G, "--kind", "actr"], 64),
    (["reach", G, "russia", "--as-of", "2021-13"], 64),
    (["search", G, "russia", "--json"], 64),
]


@pytest.mark.parametrize("argv,code", MISTAKES, ids=[" ".join(q[:1] + q[2:]) for q, _ in MISTAKES])
def test_mistakes_end_with_relgraphs_exit_codes(relgraph, engine, argv, code):
    spark = engine(*argv)
    assert spark.code == code and spark.out == "" and spark.err.startswith("error:")
    if argv[0] != "search":  # relgraph answers search without --exact (all tiers); Spark refuses it
        assert relgraph(*argv).code == code


def test_a_label_of_several_nodes_is_refused_naming_them(relgraph, engine, tmp_path):
    document = tmp_path / "twins.yaml"
    document.write_text("relgraph: 1\nnodes:\n  - {id: a, kind: actor, label: Twin}\n  - {id: b, kind: actor, label: twin}\n")
    spark, ours = engine("reach", str(document), "TWIN", "--json"), relgraph("reach", str(document), "TWIN", "--json")
    assert (spark.code, spark.out, spark.err) == (ours.code, ours.out, ours.err) == (65, "", spark.err)
