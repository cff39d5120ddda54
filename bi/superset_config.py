"""Superset's settings for the crosswire dashboard (read through SUPERSET_CONFIG_PATH, set by bi/serve.py)."""

import os

# bi/serve.py sets both: the secret from CROSSWIRE_BI_SECRET_KEY or one generated once into the BI home folder.
SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
METADATA = os.path.join(os.environ["SUPERSET_HOME"], "superset.db")
SQLALCHEMY_DATABASE_URI = f"sqlite:///{METADATA}?check_same_thread=false"

# Every chart query opens the catalog anew (Superset's NullPool, read-only), so a reload after a run shows the new
# run; chart data is not cached, or a reload would show the previous run's numbers.
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}

# One loopback user, no e-mail, no thumbnails, no example data.
FEATURE_FLAGS = {"THUMBNAILS": False, "ALERT_REPORTS": False}
SQLLAB_CTAS_NO_LIMIT = False
ROW_LIMIT = 10000
SUPERSET_WEBSERVER_TIMEOUT = 120
RATELIMIT_STORAGE_URI = "memory://"
