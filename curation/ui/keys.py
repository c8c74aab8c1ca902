"""Every session-state key the app uses, in one place, so pages cannot collide."""

USER = "user"  # the logged-in account: {"name": ..., "role": ...}
SESSION_TOKEN = "session_token"  # this browser's login token (its hash is in login_sessions)
COOKIE_OP = "cookie_op"  # ("set", token) or ("clear", "") to apply on the next run
DATASET = "dataset"  # the dataset chosen in the sidebar
IMPORT_FILE = "import_file"  # path of the file being checked on the Import page
IMPORT_SCAN = "import_scan"  # cached ScanReport for (path, format, mapping)
IMPORT_RESULT = "import_result"  # the last ImportResult shown on the Import page
BROWSER_PAGE = "browser_page"  # page number of the record browser
BROWSER_SEARCH = "browser_search"
BROWSER_STATUS = "browser_status"
RANK_CAMPAIGN = "rank_campaign"  # campaign picked on the Rank page
RANK_SELECTION = "rank_selection"  # the answer chosen but not yet submitted, per assignment
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
