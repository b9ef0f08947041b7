#include "storage/attachments.h"

#include <cstdio>

namespace doorstep {

const std::vector<AttachmentType>& accepted_attachment_types() {
    static const std::vector<AttachmentType> types = {
        {"image/jpeg", "JPEG photo"},
        {"image/png", "PNG image"},
        {"image/webp", "WebP image"},
        {"image/heic", "HEIC photo"},
        {"image/heif", "HEIF photo"},
        {"image/gif", "GIF image"},
        {"application/pdf", "PDF document"},
        {"text/plain", "plain text"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"},
    };
    return types;
}

std::string attachment_accept_list() {
    std::string out;
    for (const AttachmentType& t : accepted_attachment_types()) {
        if (!out.empty()) out += ',';
        out += t.mime;
    }
    return out;
}

std::string normalise_mime(std::string_view mime) {
    std::string out;
    for (char c : mime) {
        if (c == ';') break;
        if (c == ' ' || c == '\t') continue;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    if (out == "image/jpg" || out == "image/pjpeg") return "image/jpeg";
    if (out == "image/x-png") return "image/png";
    if (out == "application/x-pdf") return "application/pdf";
    return out;
}

namespace {

bool starts_with(std::string_view bytes, std::string_view prefix) {
    return bytes.size() >= prefix.size() && bytes.compare(0, prefix.size(), prefix) == 0;
}

// Plain text: valid UTF-8 and no NUL bytes (a binary file renamed .txt fails here).
bool is_text(std::string_view bytes) {
    size_t i = 0;
    while (i < bytes.size()) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return false;
        int follow = 0;
        if (c < 0x80) follow = 0;
        else if (c >= 0xC2 && c <= 0xDF) follow = 1;
        else if (c >= 0xE0 && c <= 0xEF) follow = 2;
        else if (c >= 0xF0 && c <= 0xF4) follow = 3;
        else return false;
        if (i + size_t(follow) >= bytes.size() && follow > 0) return false;  // cut short
        for (int k = 1; k <= follow; ++k)
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
        const unsigned char second = follow > 0 ? static_cast<unsigned char>(bytes[i + 1]) : 0;
        if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0) ||  // overlong, surrogate
            (c == 0xF0 && second < 0x90) || (c == 0xF4 && second >= 0x90))    // overlong, beyond U+10FFFF
            return false;
        i += size_t(follow) + 1;
    }
    return true;
}

}  // namespace

std::string sniff_mime(std::string_view bytes) {
    if (starts_with(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
    if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return "image/png";
    if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return "image/webp";
    if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return "image/gif";
    if (starts_with(bytes, "%PDF-")) return "application/pdf";
    if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") {
        const std::string_view brand = bytes.substr(8, 4);
        if (brand == "heic" || brand == "heix" || brand == "hevc" || brand == "heim" || brand == "heis") return "image/heic";
        if (brand == "mif1" || brand == "msf1") return "image/heif";
    }
    if (starts_with(bytes, "PK\x03\x04")) return "application/zip";  // a .docx is a zip
    if (is_text(bytes)) return "text/plain";
    return "";
}

Status check_attachment(std::string_view bytes, std::string_view mime_in, const std::string& filename,
                        const AttachmentLimits& limits) {
    const std::string name = filename.empty() ? "the file" : filename;
    const std::string mime = normalise_mime(mime_in);
    const AttachmentType* type = nullptr;
    for (const AttachmentType& t : accepted_attachment_types())
        if (mime == t.mime) type = &t;
    if (!type) {
        std::string kinds;
        for (const AttachmentType& t : accepted_attachment_types()) kinds += std::string(kinds.empty() ? "" : ", ") + t.label;
        return Error{name, "files of type " + (mime.empty() ? std::string("(unknown)") : mime) +
                               " cannot be attached; Doorstep accepts " + kinds};
    }
    if (bytes.empty()) return Error{name, "the file is empty"};
    if (int64_t(bytes.size()) > limits.max_bytes)
        return Error{name, "the file is " + describe_size(int64_t(bytes.size())) + ", over the " +
                               describe_size(limits.max_bytes) + " limit for one attachment; attach a smaller copy"};
    const std::string seen = sniff_mime(bytes);
    const bool matches = seen == mime ||
                         (mime == "image/heif" && seen == "image/heic") ||
                         (mime == "image/heic" && seen == "image/heif") ||
                         (type->mime == std::string("application/vnd.openxmlformats-officedocument.wordprocessingml.document") &&
                          seen == "application/zip");
    if (!matches)
        return Error{name, std::string("the file says it is a ") + type->label + " but its contents are " +
                               (seen.empty() ? std::string("not a type Doorstep knows") : "a " + seen + " file") +
                               "; it may be damaged"};
    return Status::ok();
}

}  // namespace doorstep
