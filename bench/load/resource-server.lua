-- A resource server's request about the benchmark's token, built once per wrk thread:
--   introspect: POST of the URL's path with the form "token=<token>" and "Authorization: Basic
--               base64(client_id:client_secret)", as a Spring Boot resource server introspects (RFC 7662);
--   forward:    GET of the URL (path and query, such as /auth/forward?scope=orders:read) with the client's
--               "Authorization: Bearer <token>", the proxy's
--               "X-Tokenkeeper-Client: Basic base64(client_id:client_secret)" and "X-Forwarded-For", as nginx's
--               auth_request sends it (see the README's nginx example).
-- The token and the credential ("client_id:client_secret", one line) are read from files, never taken from the command
-- line, where ps would show them. An introspection answer is 200 also when the token is inactive: api-load.sh checks
-- every answer with the application's counter tokenkeeper.introspections (active="true"/"false"), not here, because a
-- response() callback makes wrk copy every answer's headers and body into Lua, CPU that wrk takes from the server on
-- a shared machine (it cost introspection about a tenth of its rate). A forward-auth answer other than 200 counts
-- among wrk's non-2xx responses.
-- Usage: wrk … -s resource-server.lua http://127.0.0.1:PORT/oauth2/introspect \
--            -- introspect TOKEN_FILE CREDENTIAL_FILE
--        wrk … -s resource-server.lua 'http://127.0.0.1:PORT/auth/forward?scope=orders:read' \
--            -- forward TOKEN_FILE CREDENTIAL_FILE
local prepared

local function first_line(path)
    local file = assert(io.open(path, "r"))
    local line = file:read("*l")
    file:close()
    return line
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function base64(text)
    local out = {}
    for i = 1, #text, 3 do
        local a, b, c = text:byte(i, i + 2)
        local n = a * 65536 + (b or 0) * 256 + (c or 0)
        local digits = {}
        for shift = 3, 0, -1 do
            local index = math.floor(n / 64 ^ shift) % 64
            digits[#digits + 1] = alphabet:sub(index + 1, index + 1)
        end
        if not b then
            digits[3], digits[4] = "=", "="
        elseif not c then
            digits[4] = "="
        end
        out[#out + 1] = table.concat(digits)
    end
    return table.concat(out)
end

local function form_encoded(text)
    return (text:gsub("[^%w%-%._~]", function(c)
        return string.format("%%%02X", c:byte())
    end))
end

function init(args)
    local mode, token, credential = args[1], first_line(args[2]), "Basic " .. base64(first_line(args[3]))
    if mode == "introspect" then
        prepared = wrk.format("POST", nil, {
            ["Authorization"] = credential,
            ["Content-Type"] = "application/x-www-form-urlencoded",
        }, "token=" .. form_encoded(token))
    elseif mode == "forward" then
        prepared = wrk.format("GET", nil, {
            ["Authorization"] = "Bearer " .. token,
            ["X-Tokenkeeper-Client"] = credential,
            ["X-Forwarded-For"] = "203.0.113.7",
        })
    else
        error("mode is introspect or forward, not " .. tostring(mode))
    end
end

function request()
    return prepared
end
