-- GET the history page's bytes from the static route (BENCH_STATIC_PAGE): the ceiling of a
-- history page, the same HTTP stack with no authentication, store read or JSON encoding.
wrk.method = "GET"
wrk.path = "/bench/static-page"
dofile(os.getenv("PARLEY_WRK_DIR") .. "/report.lua")
