// The CLI's transport for sync (core/sync/replication.h): CouchDB's HTTP API through Debian's
// cpp-httplib. Credentials come from DOORSTEP_COUCH_USER / DOORSTEP_COUCH_PASSWORD or the URL's
// user:password@, are kept in memory only, and never appear in what is printed.
#pragma once
#include "core/sync/replication.h"

#include <memory>
#include <optional>
#include <string>

namespace httplib {
class Client;
}

namespace doorstep::cli {

struct ServerUrl {
    std::string scheme_host_port;  // "http://127.0.0.1:5984"
    std::string base_path;         // "" or "/couch" (a server behind a path)
    std::string user, password;
    std::string shown() const { return scheme_host_port + base_path; }  // no credentials
};

// "http://[user:pass@]host[:port][/path]"; nullopt with a reason in `error`.
std::optional<ServerUrl> parse_server_url(const std::string& text, std::string& error);

class CouchClient {
public:
    CouchClient(ServerUrl url, std::string db);
    ~CouchClient();
    // A request relative to the database (core's Request), or to the server when `server_wide`.
    sync::Response send(const sync::Request& request, bool server_wide = false);
    const ServerUrl& url() const { return url_; }
    const std::string& db() const { return db_; }

private:
    ServerUrl url_;
    std::string db_;
    std::unique_ptr<httplib::Client> client_;
};

}  // namespace doorstep::cli
