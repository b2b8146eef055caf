#pragma once

#include <pistache/http.h>
#include <pistache/router.h>

#include <memory>
#include <string>

#include "notes_db.h"

struct ServiceConfig {
    std::string dbPath = "notes.db";
    std::string attachmentDir = "/var/lib/notes/attachments";
    int port = 9080;
};

class NotesService {
public:
    NotesService(ServiceConfig cfg, std::shared_ptr<NotesDb> db);

    void setupRoutes(Pistache::Rest::Router& router);

private:
    void getNote(const Pistache::Rest::Request& req, Pistache::Http::ResponseWriter resp);
    void createNote(const Pistache::Rest::Request& req, Pistache::Http::ResponseWriter resp);
    void searchNotes(const Pistache::Rest::Request& req, Pistache::Http::ResponseWriter resp);
    void notesByTag(const Pistache::Rest::Request& req, Pistache::Http::ResponseWriter resp);
    void deleteNote(const Pistache::Rest::Request& req, Pistache::Http::ResponseWriter resp);
    void attachment(const Pistache::Rest::Request& req, Pistache::Http::ResponseWriter resp);

    std::string currentUser(const Pistache::Rest::Request& req) const;

    ServiceConfig cfg_;
    std::shared_ptr<NotesDb> db_;
};
