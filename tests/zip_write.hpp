#pragma once
// Writes zip archives for tests of hostile workbooks (issue 27): the parts as given, deflated or
// stored, with what a hostile file may get wrong on request (a wrong CRC-32, a name twice).
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace wmotoets::test {

struct ZipPart {
    std::string name, body;
    bool wrong_crc = false;
};

inline void put16(std::string& s, std::uint32_t v) {
    s += char(v & 0xFF);
    s += char((v >> 8) & 0xFF);
}
inline void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}

inline std::string raw_deflate(const std::string& in) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, in.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// The archive's bytes.
inline std::string zip_bytes(const std::vector<ZipPart>& parts) {
    std::string out, dir;
    for (const ZipPart& p : parts) {
        const std::string data = raw_deflate(p.body);
        std::uint32_t crc = std::uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(p.body.data()), p.body.size()));
        if (p.wrong_crc) crc ^= 1;
        const auto offset = std::uint32_t(out.size());
        std::string head;
        put16(head, 20);  // version needed
        put16(head, 0);   // flags
        put16(head, 8);   // deflate
        put32(head, 0);   // time, date
        put32(head, crc);
        put32(head, std::uint32_t(data.size()));
        put32(head, std::uint32_t(p.body.size()));
        put16(head, std::uint32_t(p.name.size()));
        put16(head, 0);
        out += std::string("PK\x03\x04", 4) + head + p.name + data;
        dir += std::string("PK\x01\x02", 4);
        put16(dir, 20);
        dir += head;
        put16(dir, 0);  // comment
        put16(dir, 0);  // disk
        put16(dir, 0);  // internal attributes
        put32(dir, 0);  // external attributes
        put32(dir, offset);
        dir += p.name;
    }
    const auto dir_at = std::uint32_t(out.size());
    out += dir;
    out += std::string("PK\x05\x06", 4);
    put32(out, 0);
    put16(out, std::uint32_t(parts.size()));
    put16(out, std::uint32_t(parts.size()));
    put32(out, std::uint32_t(dir.size()));
    put32(out, dir_at);
    put16(out, 0);
    return out;
}

inline void write_zip(const std::string& path, const std::vector<ZipPart>& parts) {
    std::ofstream(path, std::ios::binary) << zip_bytes(parts);
}

// A minimal workbook: one sheet named `sheet` with `sheet_xml` as its part, and optional shared
// strings and styles.
inline std::vector<ZipPart> workbook_parts(const std::string& sheet_xml, const std::string& shared = {},
                                           const std::string& styles = {}, const std::string& sheet = "Blad1") {
    std::vector<ZipPart> parts{
        {"_rels/.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
         "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml",
         "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"" +
             sheet + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
         "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml",
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheet_xml +
             "</sheetData></worksheet>"},
    };
    if (!shared.empty()) parts.push_back({"xl/sharedStrings.xml", shared});
    if (!styles.empty()) parts.push_back({"xl/styles.xml", styles});
    return parts;
}

}  // namespace wmotoets::test
