"""Preference labelling: campaigns, the assignment queue, judgments, quality and aggregation.

Modules: :mod:`~curation.labeling.campaigns` campaigns (pairs, guidelines, people),
:mod:`~curation.labeling.queue` the next item for an annotator, :mod:`~curation.labeling.answers`
submit, undo, skip and flag, :mod:`~curation.labeling.quota` an annotator's share,
:mod:`~curation.labeling.scale` the 5-point scale, :mod:`~curation.labeling.live` the live
labels every statistic reads, :mod:`~curation.labeling.quality` progress and the quality
report (with :mod:`~curation.labeling.agreement`, :mod:`~curation.labeling.annotator_checks`,
:mod:`~curation.labeling.disputes` and :mod:`~curation.labeling.samples`),
:mod:`~curation.labeling.aggregate` judgments into preferences, :mod:`~curation.labeling.thumbs`
thumbs campaigns into KTO labels, :mod:`~curation.labeling.ranking` ranking campaigns (with
:mod:`~curation.labeling.ranking_aggregate` and :mod:`~curation.labeling.ranking_agreement`), :mod:`~curation.labeling.io` judgments out and in, and
:mod:`~curation.labeling.result` the typed results' base.

The names below are loaded on first use, so importing the package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curation.lazy import lazy_exports

if TYPE_CHECKING:
    from curation.labeling.aggregate import Aggregation, Policy, aggregate_campaign
    from curation.labeling.answers import Answer, flag, skip, submit, undo_last
    from curation.labeling.campaigns import (
        CampaignSpec,
        PairFilter,
        create_campaign,
        get_campaign,
        list_campaigns,
    )
    from curation.labeling.io import LabelImport, import_labels, judgment_rows
    from curation.labeling.quality import CampaignProgress, QualityReport, progress, quality_report
    from curation.labeling.queue import Item, next_item
    from curation.labeling.quota import Quota, annotator_quota
    from curation.labeling.ranking import RankingSettings, ranking_payload
    from curation.labeling.ranking_aggregate import (
        RankingAggregation,
        aggregate_rankings,
        apply_rankings,
    )
    from curation.labeling.ranking_agreement import RankingAgreement, ranking_agreement
    from curation.labeling.thumbs import (
        ThumbsAggregation,
        ThumbsPolicy,
        aggregate_thumbs,
        apply_thumbs,
    )

_MODULE_OF = {
    "CampaignSpec": "campaigns",
    "PairFilter": "campaigns",
    "create_campaign": "campaigns",
    "get_campaign": "campaigns",
    "list_campaigns": "campaigns",
    "Item": "queue",
    "next_item": "queue",
    "Answer": "answers",
    "flag": "answers",
    "skip": "answers",
    "submit": "answers",
    "undo_last": "answers",
    "Quota": "quota",
    "annotator_quota": "quota",
    "CampaignProgress": "quality",
    "QualityReport": "quality",
    "progress": "quality",
    "quality_report": "quality",
    "Aggregation": "aggregate",
    "Policy": "aggregate",
    "aggregate_campaign": "aggregate",
    "ThumbsAggregation": "thumbs",
    "ThumbsPolicy": "thumbs",
    "aggregate_thumbs": "thumbs",
    "apply_thumbs": "thumbs",
    "RankingSettings": "ranking",
    "ranking_payload": "ranking",
    "RankingAggregation": "ranking_aggregate",
    "aggregate_rankings": "ranking_aggregate",
    "apply_rankings": "ranking_aggregate",
    "RankingAgreement": "ranking_agreement",
    "ranking_agreement": "ranking_agreement",
    "LabelImport": "io",
    "import_labels": "io",
    "judgment_rows": "io",
}
__all__ = [
    "Aggregation",
    "Answer",
    "CampaignProgress",
    "CampaignSpec",
    "Item",
    "LabelImport",
    "PairFilter",
    "Policy",
    "QualityReport",
    "Quota",
    "RankingAggregation",
    "RankingAgreement",
    "RankingSettings",
    "ThumbsAggregation",
    "ThumbsPolicy",
    "aggregate_campaign",
    "aggregate_rankings",
    "aggregate_thumbs",
    "annotator_quota",
    "apply_rankings",
    "apply_thumbs",
    "create_campaign",
    "flag",
    "get_campaign",
    "import_labels",
    "judgment_rows",
    "list_campaigns",
    "next_item",
    "progress",
    "quality_report",
    "ranking_agreement",
    "ranking_payload",
    "skip",
    "submit",
    "undo_last",
]


__getattr__ = lazy_exports(__name__, _MODULE_OF)
