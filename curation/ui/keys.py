"""Every session-state key the app uses, in one place, so pages cannot collide."""

USER = "user"  # the logged-in account: {"name": ..., "role": ...}
SESSION_TOKEN = "session_token"  # this browser's login token (its hash is in login_sessions)
LOGIN_NOTICE = "login_notice"  # why a session ended, shown once on the login page
COOKIE_OP = "cookie_op"  # ("set", token) or ("clear", "") to apply on the next run
DATASET = "dataset"  # the dataset chosen in the sidebar
IMPORT_FILE = "import_file"  # path of the file being checked on the Import page (a copy)
IMPORT_FROM_SERVER = "import_from_server"  # True when IMPORT_FILE came from a server folder
IMPORT_FILE_ID = "import_file_id"  # (device, inode) of the server file when it was checked
IMPORT_SERVER_PATH = "import_server_path"  # the server file's path (IMPORT_FILE is its copy)
IMPORT_SCAN = "import_scan"  # cached ScanReport for (path, format, mapping)
IMPORT_RESULT = "import_result"  # the last ImportResult shown on the Import page
IMPORT_NAME = "import_name"  # the file's name as the user gave it (uploads are stored renamed)
IMPORT_TARGET = "import_target"  # "New dataset" or an existing dataset's name
IMPORT_NEW_NAME = "import_dataset"  # the new dataset's name (defaults to the file's)
BROWSER_PAGE = "browser_page"  # page number of the record browser
BROWSER_SEARCH = "browser_search"
BROWSER_STATUS = "browser_status"
RANK_CAMPAIGN = "rank_campaign"  # campaign picked on the Rank page
RANK_HELD = "rank_held"  # the campaign whose items this session holds ahead (released on leaving)
RANK_NOTICE = "rank_notice"  # a message to show after the rerun that follows an action
CAMPAIGN_FOCUS = "campaign_focus"  # campaign managed on the Campaigns page
# Quality page
QUALITY_CAMPAIGN = "quality_campaign"
QUALITY_NOTICE = "quality_notice"
QUALITY_DISPUTE = "quality_dispute"
QUALITY_SHOW_SETTLED = "quality_show_adjudicated"
QUALITY_KAPPA_KIND = "quality_kappa_kind"
QUALITY_STRAIGHT_THRESHOLD = "quality_straight_threshold"
QUALITY_MIN_AGREEMENT = "quality_min_agreement"
QUALITY_TIES = "quality_ties"
QUALITY_BOTH_BAD = "quality_both_bad"
# Export page
EXPORT_RESULT = "export_result"  # the last export's result (as a dict) shown on the Export page
EXPORT_PREVIEW = "export_preview"  # the preview rows for the options they were made with
EXPORT_NOTICE = "export_notice"
FINETUNE_JOB = "finetune_job"  # the job id followed on the Fine-tune page
FINETUNE_NOTICE = "finetune_notice"
JUDGE_NOTICE = "judge_notice"  # the last AI-judge run's summary on the Quality page
# Dedup page
DEDUP_NOTICE = "dedup_notice"  # a message to show after the rerun that follows an action
DEDUP_RUN = "dedup_run"  # the run being reviewed
DEDUP_DECISION_FILTER = "dedup_decision_filter"
DEDUP_ORDER = "dedup_order"
DEDUP_CLUSTER_PAGE = "dedup_cluster_page"
DEDUP_CLUSTER = "dedup_cluster"  # the cluster open in the browser
DEDUP_COMPARE = "dedup_compare"  # the member compared with the representative
DEDUP_PAIR = "dedup_pair"  # the boundary pair open in the diff
DEDUP_KEEP = "dedup_keep"  # prefix: the members ticked as kept, per cluster
DEDUP_LEAKS = "dedup_leaks"  # the last leakage report shown


def dedup_threshold(run_id: int) -> str:
    """The threshold slider of one run (each run keeps its own position)."""
    return f"dedup_threshold_{run_id}"


# PII page
PII_NOTICE = "pii_notice"  # a message to show after the rerun that follows an action
PII_TAB = "pii_tab"
PII_SCAN_ENTITIES = "pii_scan_entities"
PII_SCAN_THRESHOLD = "pii_scan_threshold"
PII_PUBLIC_FIGURES = "pii_public_figures"  # the public-figure policy toggle
PII_SCAN_NEW_ONLY = "pii_scan_new_only"
PII_SCAN = "pii_scan"  # the Scan button
PII_FILTER_ENTITIES = "pii_filter_entities"
PII_FILTER_STATUS = "pii_filter_status"
PII_FILTER_SCORE = "pii_filter_score"
PII_FILTER_SEARCH = "pii_filter_search"
PII_VALUES = "pii_values"  # the findings-by-value table (its row selection)
PII_REMEMBER = "pii_remember"
PII_ACCEPT_VALUES = "pii_accept_values"
PII_REJECT_VALUES = "pii_reject_values"
PII_RECORD = "pii_record"  # the record open in the record view
PII_NEXT_RECORD = "pii_next_record"
PII_RECORD_FINDINGS = "pii_record_findings"  # the record's findings table (row selection)
PII_ACCEPT_FINDINGS = "pii_accept_findings"
PII_REJECT_FINDINGS = "pii_reject_findings"
PII_ACCEPT_RECORD = "pii_accept_record"
PII_PREVIEW = "pii_preview"
PII_ALLOW = "pii_allow"  # allow-list editor
PII_SAVE_ALLOW = "pii_save_allow"
PII_DENY_ENTITY = "pii_deny_entity"
PII_DENY = "pii_deny"
PII_SAVE_DENY = "pii_save_deny"
PII_PATTERN_NAME = "pii_pattern_name"
PII_PATTERN_ENTITY = "pii_pattern_entity"
PII_PATTERN_REGEX = "pii_pattern_regex"
PII_PATTERN_SCORE = "pii_pattern_score"
PII_PATTERN_SAMPLE = "pii_pattern_sample"
PII_ADD_PATTERN = "pii_add_pattern"
PII_PATTERNS = "pii_patterns"  # the patterns table (row selection)
PII_REMOVE_PATTERNS = "pii_remove_patterns"
PII_OPERATOR = "pii_operator"
PII_REALISTIC = "pii_realistic"
PII_SCOPE = "pii_scope"
PII_REAPPLY = "pii_reapply"
PII_APPLY = "pii_apply"
PII_SAVE_SETTINGS = "pii_save_settings"
# Job panels
JOB_FOLLOWED = "job_followed"  # + ".<panel key>": the job id a page follows (its own, or live)
JOB_PANEL = "job_panel"  # + ".<panel key>": {first job id: the re-run now shown in its place}
