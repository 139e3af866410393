-- One request, built once per wrk thread: GET of the URL's path, with "Authorization: Bearer <token>" when a file
-- holding the token is given, or with "X-Tokenkeeper-Bench: twin" and no Authorization header for the unauthenticated
-- twin (bench module, io.tokenkeeper.bench.load.UnauthenticatedTwin). The token is read from a file, never taken from
-- the command line, where ps would show it.
-- Usage: wrk … -s request.lua http://127.0.0.1:PORT/api/v1/me -- TOKEN_FILE
--        wrk … -s request.lua http://127.0.0.1:PORT/api/v1/me -- twin
local prepared

function init(args)
    local headers = {}
    if args[1] == "twin" then
        headers["X-Tokenkeeper-Bench"] = "twin"
    elseif args[1] then
        local file = assert(io.open(args[1], "r"))
        headers["Authorization"] = "Bearer " .. file:read("*l")
        file:close()
    end
    prepared = wrk.format("GET", nil, headers)
end

function request()
    return prepared
end
