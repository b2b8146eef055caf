#include "views.h"

#include <drogon/drogon.h>

#include <map>
#include <mutex>

using namespace drogon;

namespace {

class CommentBoard {
public:
  void add(const std::string &thread, Comment c) {
    std::lock_guard<std::mutex> lock(mu_);
    threads_[thread].push_back(std::move(c));
  }
  std::vector<Comment> thread(const std::string &name) {
    std::lock_guard<std::mutex> lock(mu_);
    return threads_[name];
  }
  std::vector<std::string> search(const std::string &q) {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    for (const auto &[name, _] : threads_)
      if (name.find(q) != std::string::npos)
        out.push_back(name);
    return out;
  }

private:
  std::mutex mu_;
  std::map<std::string, std::vector<Comment>> threads_;
};

HttpResponsePtr html(const std::string &body, HttpStatusCode code = k200OK) {
  auto resp = HttpResponse::newHttpResponse();
  resp->setStatusCode(code);
  resp->setBody(body);
  return resp;
}

} // namespace

int main() {
  auto board = std::make_shared<CommentBoard>();

  app().registerHandler(
      "/t/{thread}",
      [board](const HttpRequestPtr &, std::function<void(const HttpResponsePtr &)> &&callback,
              const std::string &thread) {
        auto resp = HttpResponse::newHttpResponse();
        resp->setBody(views::comments_page(thread, board->thread(thread)));
        callback(resp);
      },
      {Get});

  app().registerHandler(
      "/t/{thread}/comments",
      [board](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
              const std::string &thread) {
        auto author = req->getParameter("author");
        auto body = req->getParameter("body");
        if (author.empty() || body.empty())
          return callback(html(views::layout("Error", "<p>Author and text are required.</p>"),
                               k400BadRequest));
        board->add(thread, Comment{author, body, "just now"});
        callback(HttpResponse::newRedirectionResponse("/t/" + utils::urlEncodeComponent(thread),
                                                      k303SeeOther));
      },
      {Post});

  app().registerHandler(
      "/search",
      [board](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        auto q = req->getParameter("q");
        auto resp = HttpResponse::newHttpResponse();
        resp->setBody(views::search_page(q, board->search(q))); // expect: appsec-xss
        callback(resp);
      },
      {Get});

  app().registerHandler(
      "/profile/preview",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        ProfileForm form{req->getParameter("display_name"), req->getParameter("bio"),
                         req->getParameter("location")};
        auto resp = HttpResponse::newHttpResponse();
        resp->setBody(views::profile_preview(form)); // expect: appsec-xss
        callback(resp);
      },
      {Post});

  app().registerHandler(
      "/api/threads",
      [board](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        Json::Value out(Json::arrayValue);
        for (const auto &name : board->search(req->getParameter("q")))
          out.append(name);
        callback(HttpResponse::newHttpJsonResponse(out));
      },
      {Get});

  app().registerHandler(
      "/echo",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        auto resp = HttpResponse::newHttpResponse();
        resp->setContentTypeCode(CT_TEXT_PLAIN);
        resp->setBody(std::string(req->body()));
        callback(resp);
      },
      {Post});

  app().registerPreRoutingAdvice([](const HttpRequestPtr &req,
                                    std::function<void(const HttpResponsePtr &)> &&stop,
                                    std::function<void()> &&next) {
    if (req->path().rfind("/legacy/", 0) == 0) {
      auto resp = HttpResponse::newHttpResponse();
      resp->setStatusCode(k404NotFound);
      resp->setBody(views::not_found(req->path())); // expect: appsec-xss
      stop(resp);
      return;
    }
    next();
  });

  app().addListener("0.0.0.0", 8060).setThreadNum(4).run();
}
