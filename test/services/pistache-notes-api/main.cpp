#include <pistache/endpoint.h>
#include <pistache/router.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "notes_db.h"
#include "notes_service.h"

using namespace Pistache;

static ServiceConfig loadConfig()
{
    ServiceConfig cfg;
    if (const char* p = std::getenv("NOTES_DB"))
        cfg.dbPath = p;
    if (const char* p = std::getenv("NOTES_ATTACHMENTS"))
        cfg.attachmentDir = p;
    if (const char* p = std::getenv("NOTES_PORT"))
        cfg.port = std::atoi(p);
    return cfg;
}

int main()
{
    auto cfg = loadConfig();
    auto db = std::make_shared<NotesDb>(cfg.dbPath);
    NotesService service(cfg, db);

    Rest::Router router;
    service.setupRoutes(router);

    Address addr(Ipv4::any(), Port(static_cast<uint16_t>(cfg.port)));
    Http::Endpoint server(addr);
    server.init(Http::Endpoint::options().threads(4));
    server.setHandler(router.handler());
    std::cout << "notes api listening on " << cfg.port << std::endl;
    server.serve();
}
