-- GET one 50-message history page of $PARLEY_CHANNEL with the access token $PARLEY_TOKEN.
wrk.method = "GET"
wrk.path = "/api/messages/channel/" .. os.getenv("PARLEY_CHANNEL") .. "?limit=50"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PARLEY_TOKEN")
dofile(os.getenv("PARLEY_WRK_DIR") .. "/report.lua")
