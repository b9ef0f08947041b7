#include "cli/cmd_sync_http.h"

#include <httplib.h>

#include <cstdlib>

namespace doorstep::cli {

namespace {

std::string percent_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

std::optional<ServerUrl> parse_server_url(const std::string& text, std::string& error) {
    ServerUrl url;
    const size_t scheme_end = text.find("://");
    const std::string scheme = scheme_end == std::string::npos ? "" : text.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https") {
        error = "the server URL must start with http:// or https://: '" + text + "'";
        return std::nullopt;
    }
    std::string rest = text.substr(scheme_end + 3);
    const size_t slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    url.base_path = slash == std::string::npos ? "" : rest.substr(slash);
    while (!url.base_path.empty() && url.base_path.back() == '/') url.base_path.pop_back();
    const size_t at = authority.rfind('@');
    if (at != std::string::npos) {
        const std::string userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        const size_t colon = userinfo.find(':');
        url.user = percent_decode(userinfo.substr(0, colon));
        if (colon != std::string::npos) url.password = percent_decode(userinfo.substr(colon + 1));
    }
    if (authority.empty()) {
        error = "the server URL names no host: '" + text + "'";
        return std::nullopt;
    }
    url.scheme_host_port = scheme + "://" + authority;
    if (const char* user = std::getenv("DOORSTEP_COUCH_USER"); user && *user) url.user = user;
    if (const char* password = std::getenv("DOORSTEP_COUCH_PASSWORD"); password && *password) url.password = password;
    return url;
}

CouchClient::CouchClient(ServerUrl url, std::string db)
    : url_(std::move(url)), db_(std::move(db)), client_(std::make_unique<httplib::Client>(url_.scheme_host_port)) {
    client_->set_connection_timeout(10, 0);
    client_->set_read_timeout(120, 0);
    client_->set_write_timeout(120, 0);
    client_->set_keep_alive(true);
    if (!url_.user.empty()) client_->set_basic_auth(url_.user.c_str(), url_.password.c_str());
}

CouchClient::~CouchClient() = default;

sync::Response CouchClient::send(const sync::Request& request, bool server_wide) {
    std::string path = url_.base_path + "/" + db_;
    if (server_wide)
        path = url_.base_path + "/" + request.path;
    else if (!request.path.empty())
        path += "/" + request.path;
    const httplib::Headers headers = {{"Accept", "application/json, */*"}};
    const auto call = [&]() -> httplib::Result {
        if (request.method == "PUT") return client_->Put(path.c_str(), headers, request.body, "application/json");
        if (request.method == "POST") return client_->Post(path.c_str(), headers, request.body, "application/json");
        if (request.method == "DELETE") return client_->Delete(path.c_str(), headers);
        return client_->Get(path.c_str(), headers);
    };
    const httplib::Result r = call();
    sync::Response out;
    if (!r) {
        out.error = httplib::to_string(r.error()) + " at " + url_.shown();
        return out;
    }
    out.status = r->status;
    out.body = r->body;
    out.content_type = r->get_header_value("Content-Type");
    return out;
}

}  // namespace doorstep::cli
