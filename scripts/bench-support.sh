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

# Builds parley-server in release at `commit`, in a git worktree at `folder` (made, or moved to
# that commit, as needed; its own .build is kept between runs), and sets `baseline_bin`.
build_baseline_release() { # commit folder
  local commit folder=$2
  commit=$(git rev-parse --verify "$1^{commit}")
  if [ ! -e "$folder/.git" ]; then
    git worktree prune
    git worktree add --detach "$folder" "$commit" >/dev/null
  elif [ "$(git -C "$folder" rev-parse HEAD)" != "$commit" ]; then
    git -C "$folder" checkout --detach -q "$commit"
  fi
  echo "building the baseline $(git rev-parse --short "$commit") in release (in $folder)" >&2
  (cd "$folder" && swift build -c release --product parley-server >/dev/null)
  baseline_bin=$(cd "$folder" && swift build -c release --show-bin-path)
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

# Waits up to 30 s for the server on `port` to answer /health (a server started right after
# one that held 17 000 connections once took longer than 10 s).
wait_for_server() { # port
  local _
  for _ in $(seq 1 300); do
    python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$1/health" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
