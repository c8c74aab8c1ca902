"""Using an exported file: the OpenAI fine-tuning round trip and the AI judge.

Modules: :mod:`~curation.finetune.jobs` the fine-tuning round trip (credentials, file check,
upload, job, status, events, cancel), :mod:`~curation.finetune.judge` AI-judge suggestions
on a campaign's pairs and their agreement with annotators, and
:mod:`~curation.finetune.judge_prompt` the judge's prompt and answer.

The names below are loaded on first use, so importing the package does not load the
OpenAI client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curation.lazy import lazy_exports

if TYPE_CHECKING:
    from curation.finetune.jobs import (
        Credentials,
        JobInfo,
        JobRequest,
        Launch,
        LaunchedJob,
        cancel_job,
        check_file,
        job_events,
        job_status,
        launch,
        recent_jobs,
        resolve_credentials,
    )
    from curation.finetune.judge import (
        JudgeAgreement,
        JudgeRun,
        JudgeSettings,
        judge_agreement,
        judge_campaign,
    )

_MODULE_OF = {
    "Credentials": "jobs",
    "JobInfo": "jobs",
    "JobRequest": "jobs",
    "Launch": "jobs",
    "LaunchedJob": "jobs",
    "cancel_job": "jobs",
    "check_file": "jobs",
    "job_events": "jobs",
    "job_status": "jobs",
    "launch": "jobs",
    "recent_jobs": "jobs",
    "resolve_credentials": "jobs",
    "JudgeAgreement": "judge",
    "JudgeRun": "judge",
    "JudgeSettings": "judge",
    "judge_agreement": "judge",
    "judge_campaign": "judge",
}
__all__ = [
    "Credentials",
    "JobInfo",
    "JobRequest",
    "JudgeAgreement",
    "JudgeRun",
    "JudgeSettings",
    "Launch",
    "LaunchedJob",
    "cancel_job",
    "check_file",
    "job_events",
    "job_status",
    "judge_agreement",
    "judge_campaign",
    "launch",
    "recent_jobs",
    "resolve_credentials",
]


__getattr__ = lazy_exports(__name__, _MODULE_OF)
