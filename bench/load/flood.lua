-- A flood of well-formed tokens that no one has: the requests are built in advance, one per token in a file (one per
-- line, made by RandomTokens.java), and sent in turn, so that wrk spends as little as possible per request.
-- Usage: wrk … -s flood.lua http://127.0.0.1:PORT/api/v1/me -- TOKENS_FILE
local prepared = {}
local next = 0

function init(args)
    for line in io.lines(args[1]) do
        prepared[#prepared + 1] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. line })
    end
end

function request()
    next = next % #prepared + 1
    return prepared[next]
end
