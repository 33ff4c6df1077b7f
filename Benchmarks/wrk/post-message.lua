-- POST a small message into $PARLEY_CHANNEL with the access token $PARLEY_TOKEN.
wrk.method = "POST"
wrk.path = "/api/messages"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PARLEY_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"channelId":"' .. os.getenv("PARLEY_CHANNEL") .. '","text":"posted by wrk"}'
dofile(os.getenv("PARLEY_WRK_DIR") .. "/report.lua")
