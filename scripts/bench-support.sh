# Shared by scripts/bench, scripts/bench-profile and scripts/bench-idle-connections (sourced,
# not run): release builds, a free port, the server's environment, waiting for it to answer.

# Builds the named products in release and sets `bin` to their folder.
build_release() { # product…
  local product
  for product in "$@"; do
    swift build -c release --product "$product" >/dev/null
  done
  bin=$(swift build -c release --show-bin-path)
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Sets `environment`: what both seed-sample-data and parley-server read for the SQLite file
# `database` (fixed JWT secrets, cheap bcrypt, quiet logs).
bench_env() { # database uploads-folder
  environment=(PARLEY_ENV=test DATABASE_URL="sqlite:$1" UPLOAD_DIR="$2"
    JWT_SECRET=bench-access-secret-0123456789abcdef-0123 JWT_REFRESH_SECRET=bench-refresh-secret-0123456789abcdef-01
    BCRYPT_COST=4 LOG_LEVEL=error)
}

# Waits up to 10 s for the server on `port` to answer /health.
wait_for_server() { # port
  local _
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$1/health" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
