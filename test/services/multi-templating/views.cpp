#include "views.h"

#include "escape.h"

#include <sstream>

using text::html_escape;

namespace views {

std::string layout(const std::string &title, const std::string &content) {
  std::string page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>";
  page += title;
  page += "</title><link rel=\"stylesheet\" href=\"/static/site.css\"></head><body>";
  page += "<header><a href=\"/\">Forum</a></header><main>";
  page += content;
  page += "</main></body></html>";
  return page;
}

std::string comments_page(const std::string &thread, const std::vector<Comment> &comments) {
  std::ostringstream html;
  html << "<h1>" << html_escape(thread) << "</h1><ul class=\"comments\">";
  for (const auto &c : comments) {
    html << "<li><span class=\"author\">" << html_escape(c.author) << "</span>"
         << "<time>" << html_escape(c.posted_at) << "</time>"
         << "<p>" << html_escape(c.body) << "</p></li>";
  }
  html << "</ul>";
  return layout("Thread: " + html_escape(thread), html.str());
}

std::string search_page(const std::string &query, const std::vector<std::string> &threads) {
  std::ostringstream html;
  html << "<h1>Results for \"" << query << "\"</h1>";
  if (threads.empty())
    html << "<p>No threads found.</p>";
  html << "<ul>";
  for (const auto &t : threads)
    html << "<li><a href=\"/t/" << html_escape(t) << "\">" << html_escape(t) << "</a></li>";
  html << "</ul>";
  return layout("Search", html.str());
}

std::string profile_preview(const ProfileForm &form) {
  std::string html = "<section class=\"profile\">";
  html += "<h2>" + html_escape(form.display_name) + "</h2>";
  html += "<p class=\"bio\">" + html_escape(text::truncate(form.bio, 280)) + "</p>";
  html += "<p class=\"location\">" + form.location + "</p>";
  html += "</section>";
  return layout("Preview", html);
}

std::string not_found(const std::string &path) {
  return layout("Not found", "<h1>Not found</h1><p>No page at <code>" + path + "</code></p>");
}

} // namespace views
