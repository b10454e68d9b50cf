"""Signposts, recommendations, themes and shared services on invented snippets."""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import extract_text

HEADER = "Corporate Peer Challenge Wigan Council\n\n4th to 7th March 2019\n\n"


def test_signpost_heading_and_featured_councils(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "5. Leadership of place\n\nProse.\n\n"
        "Signpost – Breckland and South Holland\n\nThese councils share a "
        "management team and a digital programme.\n\n6. Next steps\n",
    )
    [signpost] = record.signposts
    assert signpost.title == "Breckland and South Holland"
    assert [c.id for c in signpost.councils] == ["BRE", "SHO"]
    assert signpost.section == "Leadership of place"
    assert [{c.id for c in s.councils} for s in record.shared_services] == [{"BRE", "SHO"}]


def test_signpost_about_research_features_no_council(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "Signpost: The 21st century public servant\n\nResearch on leadership roles.\n",
    )
    assert record.signposts[0].councils == []


def test_key_and_further_recommendations_deduplicated(tmp_path: Path) -> None:
    text = HEADER + (
        "Key recommendations\n\nThe following are our key recommendations.\n\n"
        "- Agree a medium term financial strategy now\n"
        "- Build a single workforce culture across the council\n\n"
        "Financial planning and viability\n\nProse.\n\nRecommendations – finance\n\n"
        "- Review recharges between services every year\n\n"
        "Annex\n\nKey Recommendations\n\n"
        "- Agree a medium term financial strategy now\n"
        "- Build a single workforce culture across the council\n\n"
        "Further Recommendations\n\n1. Review recharges between services every year\n"
    )
    record = extract_text(tmp_path, text)
    summary = [(r.text, r.key, r.group, r.theme) for r in record.recommendations]
    assert summary == [
        ("Agree a medium term financial strategy now", True, "key", None),
        ("Build a single workforce culture across the council", True, "key", None),
        (
            "Review recharges between services every year",
            False,
            "further",
            "Financial planning and viability",
        ),
    ]


def test_committee_resolutions_are_not_peer_advice(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "2. Recommendations\n\n- 2.1 That the report is "
        "published widely.\n- 2.2 That the Board monitors delivery.\n",
    )
    assert record.recommendations == []


def test_suggestions_and_numbered_bold_items(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "Suggestions for consideration\n\nWe suggest:\n\n"
        "1. Address variability in management practice\n"
        "2. Consider ways to expand forward planning capacity\n\n"
        "Key recommendations\n\n- 1) **Stabilise the budget now.** Detail.\n"
        "- 2) **Tell residents about the challenge.** Detail.\n",
    )
    groups = [(r.group, r.key) for r in record.recommendations]
    assert groups == [("suggestion", False), ("suggestion", False), ("key", True), ("key", True)]


def test_themes_from_headings_and_core_questions(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        HEADER + "1. Capacity to deliver: Is capacity aligned?\n"
        "2. Leadership of Place: Does the council lead?\n\n"
        "3. Financial Planning\n\nProse.\n\n- Housing\n",
    )
    assert [t.name for t in record.themes] == [
        "Capacity to deliver",
        "Leadership of place",
        "Financial planning and viability",
    ]


def test_shared_service_with_the_joint_councils(tmp_path: Path) -> None:
    text = (
        "Corporate Peer Challenge Babergh and Mid Suffolk District Councils\n\n"
        "1-4 May 2012\n\nAnother example is the Shared Revenues Partnership set up by the two "
        "councils with Ipswich Borough Council. Suffolk Coastal and Waveney councils share "
        "management, and Forest Heath and St Edmundsbury councils followed.\n"
    )
    record = extract_text(tmp_path, text)
    found = {frozenset(c.id for c in s.councils) for s in record.shared_services}
    assert found == {
        frozenset({"BAB", "MSU", "IPS"}),
        frozenset({"SUF", "WAV"}),
        frozenset({"FOR", "SED"}),
    }
